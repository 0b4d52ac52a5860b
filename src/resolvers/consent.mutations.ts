import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Args, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { Account, Child, Consent, ConsentScope, Guardian, Partner, Pathway, ServiceLink } from '../entities';
import { AccessAction, ConsentMethod, ConsentPurpose, DataCategory, LegalBasis, PathwayStatus, ServiceLinkStatus } from '../entities/enums';
import type { Context, Viewer } from '../context';
import { BadUserInput, Forbidden, NotFound } from '../errors';
import { consentScopeMaximum, WriteAction } from '../permissions/policy';
import { ConsentType } from '../schema/consent.type';
import { ConsentScopeInput, GiveConsentInput, RecordConsentInput, RecordConsentWithdrawalArgs } from '../schema/consent.inputs';
import { fromGlobalId, idOfType } from '../schema/global-id';
import { checkVersion, type WriteEvent } from '../workflows/mutation';
import { assertTransition, type Transitions } from '../workflows/state-machines';
import { checkDate, checkList } from '../workflows/validation';
import { childInRows, mutateInRows, partnersOf, today, answered } from '../workflows/lookups';
import { parisDate } from '../util/dates';
import { revokeLink } from './service-link.mutations';
import { suspend } from './pathway.mutations';

/**
 * Consent (domain.md, "Consent"; access-policy.md, "Links and consent over time"): an
 * agent records a consent given on paper or orally, a guardian gives or withdraws one on
 * the portal. Only a guardian holding parental authority can give. Withdrawing a consent
 * revokes, in the same transaction, every service link resting on it.
 */

/** Consent: GIVEN → WITHDRAWN. A withdrawal is final: the guardian gives a new consent instead. */
type ConsentState = 'GIVEN' | 'WITHDRAWN';
export const CONSENT: Transitions<ConsentState> = { GIVEN: ['WITHDRAWN'], WITHDRAWN: [] };

/** The links a withdrawal revokes: those still able to grant something. */
const LIVE_LINK_STATUSES = [ServiceLinkStatus.PROPOSED, ServiceLinkStatus.ACTIVE, ServiceLinkStatus.SUSPENDED];

const MAX_SCOPE_LINES = 50;

/** A consent record is PATHWAY data (domain.md, "Data categories"). */
const CONSENT_CATEGORIES = [DataCategory.PATHWAY];

@Resolver()
export class ConsentMutations {
  @Mutation(() => ConsentType, {
    description:
      "Records a consent a guardian gave on a signed form or orally (PATHWAY_REFERENT, INCLUSION_REFERENT; a child of the viewer's rows). " +
      "The guardian must be of the child's household and hold parental authority.",
  })
  recordConsent(
    @Arg('input', () => RecordConsentInput, { description: 'The consent.' }) input: RecordConsentInput,
    @Ctx() ctx: Context,
  ): Promise<Consent> {
    return answered(mutateInRows(ctx, WriteAction.RECORD_CONSENT, async ({ em, viewer, logWrite }) => {
      if (input.method === ConsentMethod.PORTAL) {
        throw new BadUserInput('input.method', 'must be SIGNED_FORM or ORAL_RECORDED: a guardian gives a PORTAL consent itself (giveConsent)');
      }
      const child = await childInRows(ctx, em, input.childId, 'input.childId');
      const guardian = await guardianOfChild(em, viewer, child, input.guardianId);
      if (input.givenAt.getTime() > ctx.now.getTime()) {
        throw new BadUserInput('input.givenAt', 'must not be in the future');
      }
      if (parisDate(input.givenAt) < child.birthDate) throw new BadUserInput('input.givenAt', "must not be before the child's birth date");
      const terms = await consentTerms(ctx, em, viewer, input);
      const consent = createConsent(em, viewer, child, guardian, {
        ...terms,
        method: input.method,
        givenAt: input.givenAt,
        recordedBy: viewer.accountId,
      });
      logWrite({ action: AccessAction.CREATE, entity: 'Consent', childId: child.id, categories: CONSENT_CATEGORIES });
      return consent;
    }));
  }

  @Mutation(() => ConsentType, {
    description:
      'A guardian gives a consent for one of its children on the family portal (GUARDIAN). ' +
      'FORBIDDEN when the guardian does not hold parental authority; NOT_FOUND for a child of another household.',
  })
  giveConsent(
    @Arg('input', () => GiveConsentInput, { description: 'The consent.' }) input: GiveConsentInput,
    @Ctx() ctx: Context,
  ): Promise<Consent> {
    return answered(mutateInRows(ctx, WriteAction.GIVE_CONSENT, async ({ em, viewer, logWrite }) => {
      const childId = idOfType(input.childId, 'Child', 'input.childId');
      const { child, guardian } = await ownChild(em, viewer, childId, () => new NotFound('Child', input.childId));
      const terms = await consentTerms(ctx, em, viewer, input);
      const consent = createConsent(em, viewer, child, guardian, { ...terms, method: ConsentMethod.PORTAL, givenAt: ctx.now });
      logWrite({ action: AccessAction.CREATE, entity: 'Consent', childId: child.id, categories: CONSENT_CATEGORIES });
      return consent;
    }));
  }

  @Mutation(() => ConsentType, {
    description:
      'A guardian withdraws a consent given for one of its children (GUARDIAN, holding parental authority). ' +
      'Every service link resting on it (legal basis CONSENT, not yet revoked) is revoked at once, in the same transaction.',
  })
  withdrawConsent(
    @Arg('id', () => ID, { description: 'ID of the consent.' }) id: string,
    @Arg('version', () => Int, { description: 'Version of the consent the client read.' }) version: number,
    @Ctx() ctx: Context,
  ): Promise<Consent> {
    return answered(mutateInRows(ctx, WriteAction.GIVE_CONSENT, async ({ em, viewer, logWrite }) => {
      const consentId = idOfType(id, 'Consent', 'id');
      const consent = await em.findOne(Consent, { id: consentId, programme: viewer.programmeId });
      // Absent, or of another household: the same NOT_FOUND after the same statements (an
      // absent consent's id names no child either).
      await ownChild(em, viewer, consent?.child.id ?? consentId, () => new NotFound('Consent', id));
      if (!consent) throw new NotFound('Consent', id);
      checkVersion('The consent', consent, version);
      await withdraw(em, viewer, consent, { method: ConsentMethod.PORTAL, at: ctx.now, now: ctx.now }, logWrite);
      return consent;
    }));
  }

  @Mutation(() => ConsentType, {
    description:
      "An agent records a withdrawal the family made on paper (SIGNED_FORM) or by phone (ORAL_RECORDED) (PATHWAY_REFERENT, INCLUSION_REFERENT; a child of the viewer's rows): " +
      "the same effect as the guardian's own withdrawConsent, in the same transaction: every service link resting on it is revoked at once, and a pathway resting on a PATHWAY consent is suspended. " +
      'The agent is `withdrawnBy`.',
  })
  recordConsentWithdrawal(
    @Args() args: RecordConsentWithdrawalArgs,
    @Ctx() ctx: Context,
  ): Promise<Consent> {
    return answered(mutateInRows(ctx, WriteAction.RECORD_CONSENT, async ({ em, viewer, logWrite }) => {
      if (args.method === ConsentMethod.PORTAL) {
        throw new BadUserInput('method', 'must be SIGNED_FORM or ORAL_RECORDED: a guardian withdraws in the portal itself (withdrawConsent)');
      }
      const consent = await em.findOne(Consent, { id: idOfType(args.id, 'Consent', 'id'), programme: viewer.programmeId });
      if (!consent || !(await ctx.access.canSee(consent.child.id))) throw new NotFound('Consent', args.id);
      checkVersion('The consent', consent, args.version);
      if (args.withdrawnAt.getTime() > ctx.now.getTime()) throw new BadUserInput('withdrawnAt', 'must not be in the future');
      if (args.withdrawnAt.getTime() < consent.givenAt.getTime()) throw new BadUserInput('withdrawnAt', 'must not be before the consent was given');
      await withdraw(em, viewer, consent, { method: args.method, at: args.withdrawnAt, now: ctx.now }, logWrite);
      return consent;
    }));
  }
}

/**
 * A withdrawal, whoever records it (the guardian in the portal, or an agent for one on
 * paper or by phone): final (CONSENT), and at once, in the caller's transaction
 * (access-policy.md: "withdrawing the consent revokes every link resting on it at once"):
 * every live link resting on it is revoked, and every ACTIVE pathway resting on a PATHWAY
 * consent is suspended ("Parents' prior agreement is required for a pathway").
 */
async function withdraw(
  em: EntityManager,
  viewer: Viewer,
  consent: Consent,
  how: { method: ConsentMethod; at: Date; now: Date },
  logWrite: (event: WriteEvent) => void,
): Promise<void> {
  assertTransition(CONSENT, 'The consent', consent.withdrawnAt ? 'WITHDRAWN' : 'GIVEN', 'WITHDRAWN', 'id');
  consent.withdrawnAt = how.at;
  consent.withdrawalMethod = how.method;
  consent.withdrawnBy = em.getReference(Account, viewer.accountId, { wrapped: true });
  logWrite({ action: AccessAction.REVOKE, entity: 'Consent', childId: consent.child.id, categories: CONSENT_CATEGORIES });

  const links = await em.find(
    ServiceLink,
    { consent: consent.id, legalBasis: LegalBasis.CONSENT, status: { $in: LIVE_LINK_STATUSES }, programme: viewer.programmeId },
    { orderBy: { id: 'asc' } },
  );
  for (const link of links) {
    revokeLink(link, how.now, how.method === ConsentMethod.PORTAL ? 'Consent withdrawn by the guardian' : 'Consent withdrawn by the family, recorded by an agent');
    logWrite(linkRevocation(link));
  }
  if (consent.purpose !== ConsentPurpose.PATHWAY) return;
  const pathways = await em.find(Pathway, { consent: consent.id, status: PathwayStatus.ACTIVE, programme: viewer.programmeId }, { orderBy: { id: 'asc' } });
  for (const pathway of pathways) {
    suspend(pathway, how.now, PATHWAY_SUSPENSION);
    logWrite({ action: AccessAction.UPDATE, entity: 'Pathway', childId: pathway.child.id, categories: CONSENT_CATEGORIES });
  }
}

/** Fixed words: a reason is shown to whoever reads the link or the pathway, and names no one. */
export const PATHWAY_SUSPENSION = 'The PATHWAY consent it rests on was withdrawn';

function linkRevocation(link: ServiceLink): WriteEvent {
  return { action: AccessAction.REVOKE, entity: 'ServiceLink', childId: link.child.id, categories: link.categories };
}

/**
 * The viewer's own guardian record and the child, when the child is of its household;
 * `notFound` otherwise. FORBIDDEN when the guardian does not hold parental authority: the
 * child is of its own household, so saying why reveals nothing (domain.md: "Only a
 * guardian holding parental authority can give").
 */
async function ownChild(
  em: EntityManager,
  viewer: Viewer,
  childId: string,
  notFound: () => NotFound,
): Promise<{ child: Child; guardian: Guardian }> {
  const guardian = viewer.guardianId ? await em.findOne(Guardian, { id: viewer.guardianId, programme: viewer.programmeId }) : null;
  const child = await em.findOne(Child, { id: childId, programme: viewer.programmeId });
  if (!guardian || !child || child.family.id !== guardian.family.id) throw notFound();
  if (!guardian.parentalAuthority) {
    throw new Forbidden('Not allowed: only a guardian holding parental authority can give or withdraw consent');
  }
  return { child, guardian };
}

/** The guardian an agent records a consent for: of the child's household, holding parental authority. */
async function guardianOfChild(em: EntityManager, viewer: Viewer, child: Child, globalId: string): Promise<Guardian> {
  const field = 'input.guardianId';
  const resolved = fromGlobalId(globalId, field);
  if (resolved.type !== 'Guardian') throw new BadUserInput(field, 'expected the ID of a Guardian');
  const guardian = await em.findOne(Guardian, { id: resolved.id, programme: viewer.programmeId });
  if (!guardian || guardian.family.id !== child.family.id) throw new BadUserInput(field, "must be a guardian of the child's household");
  if (!guardian.parentalAuthority) {
    throw new BadUserInput(field, 'does not hold parental authority: only such a guardian can give consent', { reason: 'NO_PARENTAL_AUTHORITY' });
  }
  return guardian;
}

interface ConsentTerms {
  purpose: ConsentPurpose;
  scope: { partner: Partner; categories: DataCategory[] }[];
  expiresOn?: string;
}

/**
 * Purpose, scope and expiry, checked: one line per partner of the programme, each with
 * categories within what a consent may give its kind (consentScopeMaximum: a consent
 * cannot make a partner receive more than the policy lets it see); an INFORMATION_SHARING
 * consent names at least one partner.
 */
async function consentTerms(
  ctx: Context,
  em: EntityManager,
  viewer: Viewer,
  input: { purpose: ConsentPurpose; scope: ConsentScopeInput[]; expiresOn?: string | null },
): Promise<ConsentTerms> {
  const lines = input.scope;
  if (lines.length === 0 && input.purpose === ConsentPurpose.INFORMATION_SHARING) {
    throw new BadUserInput('input.scope', 'must name at least one partner for INFORMATION_SHARING');
  }
  if (lines.length > MAX_SCOPE_LINES) throw new BadUserInput('input.scope', `must have at most ${MAX_SCOPE_LINES} lines`);
  const partners = await partnersOf(viewer, em, lines.map((line) => line.partnerId), (i) => `input.scope[${i}].partnerId`);
  const scope = lines.map((line, i) => {
    const field = `input.scope[${i}].categories`;
    const categories = checkList(field, line.categories);
    const allowed = consentScopeMaximum(partners[i].kind);
    const beyond = categories.filter((c) => !allowed.includes(c));
    if (beyond.length) {
      throw new BadUserInput(field, `${beyond.join(', ')}: beyond what a ${partners[i].kind} partner may receive`, {
        reason: 'BEYOND_KIND_MAXIMUM',
        allowed,
      });
    }
    return { partner: partners[i], categories };
  });
  const expiresOn = input.expiresOn == null ? undefined : checkDate('input.expiresOn', input.expiresOn, { min: today(ctx) });
  return { purpose: input.purpose, scope, expiresOn };
}

function createConsent(
  em: EntityManager,
  viewer: Viewer,
  child: Child,
  guardian: Guardian,
  terms: ConsentTerms & { method: ConsentMethod; givenAt: Date; recordedBy?: string },
): Consent {
  const consent = em.create(Consent, {
    programme: viewer.programmeId,
    child,
    givenBy: guardian,
    givenAt: terms.givenAt,
    method: terms.method,
    purpose: terms.purpose,
    expiresOn: terms.expiresOn,
    recordedBy: terms.recordedBy,
  });
  for (const line of terms.scope) {
    em.create(ConsentScope, { programme: viewer.programmeId, consent, partner: line.partner, categories: line.categories });
  }
  return consent;
}
