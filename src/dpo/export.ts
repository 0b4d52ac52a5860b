import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../db/sql';
import { DataCategory } from '../entities/enums';

/**
 * The whole file of one child as one JSON document (RGPD article 15; policy table
 * "Requests from families", EXPORT_CHILD). Every row of every table that concerns the
 * child, each as its columns (`to_jsonb`: a column added later is exported without
 * anyone having to remember it), grouped by data category: the requester's categories
 * (DATA_REQUEST_POLICY) decide which blocks and rows are in it.
 *
 * The columns of `child` and `family` are split by category here (CHILD_COLUMNS,
 * FAMILY_COLUMNS): a column of theirs missing from these maps stops the export (and a test
 * says so), rather than be exported, or left out, unclassified.
 */

const { IDENTITY, CONTACT, SCHOOLING, SOCIAL, HEALTH, INCLUSION, PATHWAY } = DataCategory;

/** Internal columns that tell the family nothing. */
const INTERNAL = ['programme_id', 'version'];

export const CHILD_COLUMNS: Record<string, DataCategory> = {
  id: IDENTITY,
  created_at: IDENTITY,
  updated_at: IDENTITY,
  family_id: IDENTITY,
  first_name: IDENTITY,
  last_name: IDENTITY,
  birth_date: IDENTITY,
  birth_year: IDENTITY,
  school_id: IDENTITY,
  grade: IDENTITY,
  lifecycle: IDENTITY,
  archived_at: IDENTITY,
  anonymised_at: IDENTITY,
  attendance_concern: SCHOOLING,
  has_pps: SCHOOLING,
  aesh_hours: SCHOOLING,
  schooling_arrangements: SCHOOLING,
  protection_measure: SOCIAL,
  social_follow_up: SOCIAL,
  diagnosis: HEALTH,
  medical_follow_up: HEALTH,
  mdph_decision: HEALTH,
  treatments: HEALTH,
};

export const FAMILY_COLUMNS: Record<string, DataCategory> = {
  id: IDENTITY,
  created_at: IDENTITY,
  updated_at: IDENTITY,
  address_line: CONTACT,
  postal_code: CONTACT,
  city: CONTACT,
  qpv_code: CONTACT,
  languages: CONTACT,
  interpreter_needed: CONTACT,
  social_situation: SOCIAL,
  social_notes: SOCIAL,
};

/** What a guardian's export tells of the other guardians of the family: who they are, not how to reach them. */
const OTHER_GUARDIAN_COLUMNS = ['id', 'first_name', 'last_name', 'relationship', 'parental_authority'];

export interface ExportRequester {
  /** The categories the document may hold. */
  categories: readonly DataCategory[];
  /** A guardian: its own guardian row in full, the others' names only. */
  guardianId?: string;
}

type Row = Record<string, unknown>;

/** Splits a row by the category of each column; INTERNAL columns are left out. */
function splitColumns(row: Row, columns: Record<string, DataCategory>, what: string): Map<DataCategory, Row> {
  const blocks = new Map<DataCategory, Row>();
  for (const [column, value] of Object.entries(row)) {
    if (INTERNAL.includes(column)) continue;
    const category = columns[column];
    if (!category) throw new Error(`export: the column ${what}.${column} has no data category (src/dpo/export.ts)`);
    let block = blocks.get(category);
    if (!block) blocks.set(category, (block = {}));
    block[column] = value;
  }
  return blocks;
}

async function rows(em: EntityManager, text: string, params: unknown[]): Promise<Row[]> {
  const result = await sql<{ row: Row }>(em, text, params);
  return result.map((r) => r.row);
}

const strip = (alias: string) => `to_jsonb(${alias}) - '${INTERNAL.join("' - '")}'`;

/**
 * The document for `childId` (in `programmeId`, checked by the caller), as of `now`.
 * About fifteen statements: a request, not a hot path.
 */
export async function buildChildExport(em: EntityManager, programmeId: string, childId: string, requester: ExportRequester, now: Date): Promise<Record<string, unknown>> {
  const has = (category: DataCategory) => requester.categories.includes(category);
  const p = [programmeId, childId];
  const [childRow] = await rows(em, `select to_jsonb(c) as row from child c where c.programme_id = $1 and c.id = $2`, p);
  if (!childRow) throw new Error('export: the child vanished');
  const childBlocks = splitColumns(childRow, CHILD_COLUMNS, 'child');
  const familyId = String(childRow.family_id);
  const [familyRow] = await rows(em, `select to_jsonb(f) as row from family f where f.programme_id = $1 and f.id = $2`, [programmeId, familyId]);
  const familyBlocks = familyRow ? splitColumns(familyRow, FAMILY_COLUMNS, 'family') : new Map<DataCategory, Row>();

  const document: Record<string, unknown> = {
    format: 'pre-child-export/1',
    generatedAt: now.toISOString(),
    categories: [...requester.categories],
    child: { ...childBlocks.get(IDENTITY) },
  };
  const child = document.child as Row;
  if (has(SCHOOLING)) child.schooling = childBlocks.get(SCHOOLING) ?? {};
  if (has(SOCIAL)) child.social = childBlocks.get(SOCIAL) ?? {};
  if (has(HEALTH)) child.health = childBlocks.get(HEALTH) ?? {};

  const family: Row = { ...familyBlocks.get(IDENTITY) };
  if (has(CONTACT)) {
    family.contact = familyBlocks.get(CONTACT) ?? {};
    const guardians = await rows(em, `select ${strip('g')} as row from guardian g where g.programme_id = $1 and g.family_id = $2 order by g.last_name, g.first_name, g.id`, [programmeId, familyId]);
    family.guardians = requester.guardianId
      ? guardians.map((g) => (g.id === requester.guardianId ? g : Object.fromEntries(OTHER_GUARDIAN_COLUMNS.map((c) => [c, g[c]]))))
      : guardians;
  }
  if (has(SOCIAL)) family.social = familyBlocks.get(SOCIAL) ?? {};
  document.family = family;

  if (has(PATHWAY)) {
    document.referrals = await rows(em, `select ${strip('r')} as row from referral r where r.programme_id = $1 and r.child_id = $2 order by r.referred_on, r.id`, p);
    document.pathways = await rows(
      em,
      `select ${strip('pw')} || jsonb_build_object(
              'objectives', coalesce((select jsonb_agg(${strip('o')} order by o.created_at, o.id) from objective o where o.pathway_id = pw.id), '[]'),
              'actions', coalesce((select jsonb_agg(${strip('a')} order by a.start_date nulls last, a.id) from action a join action_pathway ap on ap.action_id = a.id where ap.pathway_id = pw.id), '[]'),
              'reviews', coalesce((select jsonb_agg(${strip('v')} order by v.held_on, v.id) from review v where v.pathway_id = pw.id), '[]')) as row
         from pathway pw where pw.programme_id = $1 and pw.child_id = $2 order by pw.created_at, pw.id`,
      p,
    );
    document.consents = await rows(
      em,
      `select ${strip('k')} || jsonb_build_object('scope', coalesce((select jsonb_agg(${strip('s')} order by s.id) from consent_scope s where s.consent_id = k.id), '[]')) as row
         from consent k where k.programme_id = $1 and k.child_id = $2 order by k.given_at, k.id`,
      p,
    );
    document.serviceLinks = await rows(em, `select ${strip('l')} as row from service_link l where l.programme_id = $1 and l.child_id = $2 order by l.valid_from, l.id`, p);
  }
  if (has(INCLUSION)) {
    const [followUp] = await rows(
      em,
      `select ${strip('f')} || jsonb_build_object(
              'accommodations', coalesce((select jsonb_agg(${strip('a')} order by a.created_at, a.id) from accommodation a where a.follow_up_id = f.id), '[]'),
              'adaptedActivities', coalesce((select jsonb_agg(${strip('d')} order by d.created_at, d.id) from adapted_activity d where d.follow_up_id = f.id), '[]')) as row
         from inclusion_follow_up f where f.programme_id = $1 and f.child_id = $2`,
      p,
    );
    document.inclusionFollowUp = followUp ?? null;
    // The family's meetings about this child, or about the family as a whole (not about a sibling).
    document.familyMeetings = await rows(
      em,
      `select ${strip('m')} as row from family_meeting m where m.programme_id = $1 and m.family_id = $3 and (m.child_id = $2 or m.child_id is null) order by m.held_on, m.id`,
      [...p, familyId],
    );
  }
  document.observations = await rows(
    em,
    `select ${strip('o')} as row from observation o where o.programme_id = $1 and o.child_id = $2 and o.category::text = any($3::text[]) order by o.created_at, o.id`,
    [...p, requester.categories],
  );
  document.accessLog = await rows(
    em,
    `select jsonb_build_object('at', e.at, 'action', e.action, 'entity', e.entity, 'categories', e.categories,
            'account_id', e.account_id, 'partner_id', e.partner_id, 'request_id', e.request_id) as row
       from access_event e where e.programme_id = $1 and e.child_id = $2 order by e.at, e.id`,
    p,
  );
  document.names = await namesOf(em, programmeId, document);
  return document;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The names of the accounts (their display name, never an email) and structures the document refers to. */
async function namesOf(em: EntityManager, programmeId: string, document: Record<string, unknown>): Promise<Row> {
  const ids = new Set<string>();
  const visit = (value: unknown, key?: string) => {
    if (typeof value === 'string' && key?.endsWith('_id') && UUID.test(value)) ids.add(value);
    else if (Array.isArray(value)) for (const item of value) visit(item);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  visit(document);
  if (ids.size === 0) return {};
  const found = await sql<{ id: string; name: string }>(
    em,
    `select id, display_name as name from account where programme_id = $1 and id = any($2::uuid[])
     union all select id, name from partner where programme_id = $1 and id = any($2::uuid[])`,
    [programmeId, [...ids]],
  );
  return Object.fromEntries(found.map((r) => [r.id, r.name]));
}
