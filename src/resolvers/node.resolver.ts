import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { EntityClass } from '@mikro-orm/core';
import {
  Accommodation,
  Account,
  Action,
  AdaptedActivity,
  Child,
  Consent,
  Family,
  FamilyMeeting,
  Guardian,
  InclusionFollowUp,
  Invitation,
  Objective,
  Observation,
  Partner,
  Pathway,
  Referral,
  Review,
  PathwayComment,
  ServiceLink,
  TeamMeeting,
  Workshop,
} from '../entities';
import { DataCategory, Role } from '../entities/enums';
import { viewerOf, type Context } from '../context';
import { NodeInterface } from '../schema/node.type';
import { fromGlobalId } from '../schema/global-id';
import { NotFound } from '../errors';
import { TYPE_CATEGORIES } from '../permissions/field-categories';
import { READABLE_LIFECYCLES } from '../permissions/policy';
import { pgArray } from '../permissions/access';
import { readRecords } from '../read/records';
import { assertCategory, concernsViewer } from './rows';

/**
 * node(id), and every lookup of one object by its ID, answers with the same three
 * questions as the rest of the API (access-policy.md), each from one source:
 * - tenant: the object is read in the viewer's programme only;
 * - row: the children the object belongs to (`children` below, one SQL expression per
 *   type) must include one in the viewer's rows, and the object must be one the viewer may
 *   know of at all (`known`: another structure's link, another family's account): else
 *   NOT_FOUND, exactly like an absent object;
 * - field: the category is the type's own in the field-category table
 *   (src/permissions/field-categories.ts, TYPE_CATEGORIES), the table the type's fields are
 *   classified by; `INHERITED` (an observation) takes the object's own `category`.
 *   Not granted for any of its visible children: FORBIDDEN.
 *
 * The object and the viewer's grants are read side by side whatever is found, so that an
 * absent object and one outside the rows cost the same statements and give the same
 * answer ("What a request may reveal").
 */
interface NodeSource {
  entity: EntityClass<object>;
  /**
   * SQL on the object's row `t`: the ids (text[]) of the children whose rows it belongs
   * to. Absent for the types that hold no child data (partners, workshops...).
   */
  children?: string;
  /** Whether the viewer may know of this object at all, beyond the rows. */
  known?: (ctx: Context, record: NodeRecord) => boolean;
  /** What node(id) answers with, when it is not the record itself. */
  value?: (ctx: Context, record: NodeRecord) => object;
}

type NodeRecord = { id: string } & Record<string, unknown>;

const ownChild = 'array[t.child_id]::text[]';
const familyChildren = (family: string) => `array(select c.id::text from child c where c.family_id = ${family})`;
const childOf = (table: string, key: string) => `array(select o.child_id::text from ${table} o where o.id = t.${key})`;

const NODE_SOURCES: Record<string, NodeSource> = {
  Child: { entity: Child, children: 'array[t.id]::text[]' },
  Family: { entity: Family, children: familyChildren('t.id') },
  Guardian: { entity: Guardian, children: familyChildren('t.family_id') },
  Partner: { entity: Partner },
  Workshop: { entity: Workshop },
  TeamMeeting: { entity: TeamMeeting },
  // A guardian's account name is its family's data: only staff accounts (and oneself).
  Account: { entity: Account, known: (ctx, account) => account.role !== Role.GUARDIAN || account.id === viewerOf(ctx).accountId },
  Observation: { entity: Observation, children: ownChild },
  // Another structure's link is unknown to a partner agent (rows.ts, concernsViewer), like an absent one.
  ServiceLink: {
    entity: ServiceLink,
    children: ownChild,
    known: (ctx, link) => concernsViewer(ctx, [link.partnerId as string | null, link.originPartnerId as string | null]),
  },
  Consent: { entity: Consent, children: ownChild },
  Referral: { entity: Referral, children: ownChild },
  Pathway: { entity: Pathway, children: ownChild },
  Objective: { entity: Objective, children: childOf('pathway', 'pathway_id') },
  Review: { entity: Review, children: childOf('pathway', 'pathway_id') },
  PathwayComment: { entity: PathwayComment, children: childOf('pathway', 'pathway_id') },
  // A collective action belongs to several pathways: visible through any of them.
  Action: {
    entity: Action,
    children: 'array(select p.child_id::text from action_pathway ap join pathway p on p.id = ap.pathway_id where ap.action_id = t.id)',
  },
  Accommodation: { entity: Accommodation, children: childOf('inclusion_follow_up', 'follow_up_id') },
  AdaptedActivity: { entity: AdaptedActivity, children: childOf('inclusion_follow_up', 'follow_up_id') },
  InclusionFollowUp: { entity: InclusionFollowUp, children: ownChild },
  // A portal invitation is its guardian's: visible through the guardian's children.
  GuardianInvitation: { entity: Invitation, children: 'array(select c.id::text from child c join guardian g on g.family_id = c.family_id where g.id = t.guardian_id)' },
  // About one child, or about the household (visible through any of its children).
  FamilyMeeting: {
    entity: FamilyMeeting,
    children: `case when t.child_id is not null then array[t.child_id]::text[] else ${familyChildren('t.family_id')} end`,
  },
};

/** The category node(id) checks for an object of `typeName`: its type's, from the field-category table. */
export function nodeCategory(typeName: string, record: NodeRecord): DataCategory | undefined {
  const held = TYPE_CATEGORIES[typeName];
  if (held === 'INHERITED') {
    const own = record.category;
    if (typeof own !== 'string') throw new Error(`node(${typeName}): an INHERITED type needs its own category column`);
    return own as DataCategory;
  }
  // IDENTITY comes with any row; NOT_PERSONAL types hold no child data; no REQUEST type is a Node.
  if (held === 'REQUEST') throw new Error(`node(${typeName}): the answer of a request is not a Node`);
  return held === undefined || held === 'NOT_PERSONAL' || held === DataCategory.IDENTITY ? undefined : held;
}

// A type holding child data must say which children it belongs to: checked once, at load.
for (const [typeName, source] of Object.entries(NODE_SOURCES)) {
  const held = TYPE_CATEGORIES[typeName];
  if (held === undefined) throw new Error(`node(${typeName}): the type has no entry in TYPE_CATEGORIES`);
  if (held !== 'NOT_PERSONAL' && !source.children) throw new Error(`node(${typeName}): a type holding ${held} data needs its children`);
}

/** The entity each type node(id) can fetch is read from (every object type implementing Node). */
export const NODE_ENTITIES: Readonly<Record<string, EntityClass<object>>> = Object.fromEntries(
  Object.entries(NODE_SOURCES).map(([typeName, source]) => [typeName, source.entity]),
);

const CHILDREN = '__children';

/**
 * The object of `typeName` with this uuid, when the viewer may see it (NOT_FOUND
 * otherwise, FORBIDDEN when its category is not granted); `shownId` is the ID the client
 * sent, named in the error. `category: false` checks the tenant, the row and `known` only
 * (the target of a mutation, whose write policy is checked by the workflow).
 */
export async function fetchNode(ctx: Context, typeName: string, id: string, shownId: string, options: { category?: boolean } = {}): Promise<object> {
  const source = Object.prototype.hasOwnProperty.call(NODE_SOURCES, typeName) ? NODE_SOURCES[typeName] : undefined;
  if (!source) throw new NotFound('Node', shownId);
  const programmeId = viewerOf(ctx).programmeId;
  // An anonymised child's objects are read by no one (policy: READABLE_LIFECYCLES).
  const extra = source.children
    ? [`array(select o.id::text from child o where o.id::text = any(${source.children}) and o.lifecycle::text = any('${pgArray(READABLE_LIFECYCLES)}'::text[])) as "${CHILDREN}"`]
    : [];
  const [records] = await Promise.all([
    readRecords(ctx.em, source.entity, 't.id = $1 and t.programme_id = $2', [id, programmeId], undefined, undefined, extra),
    source.children ? ctx.access.rows() : undefined,
  ]);
  const record = records[0] as NodeRecord | undefined;
  const notFound = () => new NotFound(typeName, shownId);
  if (!record) throw notFound();
  let visible: string[] = [];
  if (source.children) {
    const children = (record[CHILDREN] as string[] | null) ?? [];
    delete record[CHILDREN];
    for (const childId of children) if (await ctx.access.canSee(childId)) visible.push(childId);
    visible = [...new Set(visible)];
    if (visible.length === 0) throw notFound();
  }
  if (source.known && !source.known(ctx, record)) throw notFound();
  const category = options.category === false ? undefined : nodeCategory(typeName, record);
  if (category) await assertCategory(ctx, visible, category);
  if (source.entity === Child) ctx.loaders.childById.prime(record.id, record as never);
  return source.value ? source.value(ctx, record) : record;
}

@Resolver()
export class NodeResolver {
  @Query(() => NodeInterface, {
    nullable: true,
    description:
      "Any object implementing Node, by its global ID (Relay). NOT_FOUND when it does not exist, is of an unknown type or is outside the viewer's rows; FORBIDDEN when its data category is not granted.",
  })
  async node(@Arg('id', () => ID, { description: 'Global ID of the object.' }) id: string, @Ctx() ctx: Context): Promise<object> {
    const { type, id: uuid } = fromGlobalId(id, 'id');
    return fetchNode(ctx, type, uuid, id);
  }
}
