import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { Consent, ServiceLink } from '../entities';
import { AccessAction, LegalBasis, ServiceLinkStatus, type DataCategory, type PartnerKind } from '../entities/enums';
import type { Context } from '../context';
import { BadUserInput, NotFound } from '../errors';
import { PARTNER_KIND_MAX, WriteAction } from '../permissions/policy';
import { consentLapse } from '../permissions/access';
import { ServiceLinkType } from '../schema/service-link.type';
import { ProposeServiceLinkInput } from '../schema/service-link.inputs';
import { filterIdOfType, idOfType } from '../schema/global-id';
import { checkVersion } from '../workflows/mutation';
import { assertTransition, SERVICE_LINK } from '../workflows/state-machines';
import { checkDate, checkList, checkOptionalText, checkOrder, checkText } from '../workflows/validation';
import { assertPartnerActive, childInRows, EARLIEST_DATE, mutateInRows, partnerOf, TEXT_MAX, today, yearsAfter, answered } from '../workflows/lookups';
import { linkStatusAt } from './service-link.resolver';

/**
 * Links between services (domain.md, "ServiceLink"; access-policy.md, "Links and consent
 * over time"): the inclusion referent proposes a link, then activates, suspends or
 * revokes it. A link grants nothing until it is ACTIVE, and it becomes ACTIVE only on a
 * legal basis: a consent of the child covering its partner and every one of its
 * categories, or a shared secret with the date the parents were informed (or why not).
 */

/** A link is PATHWAY data; the events of its grant and revocation name the categories it shares. */
const linkEvent = (action: AccessAction, link: ServiceLink) => ({
  action,
  entity: 'ServiceLink',
  childId: link.child.id,
  categories: link.categories,
});

@Resolver()
export class ServiceLinkMutations {
  @Mutation(() => ServiceLinkType, {
    description:
      "Proposes a link between services for a child in the viewer's rows (INCLUSION_REFERENT). It grants nothing, to the partner or to the referent, until activated. " +
      "Categories beyond the receiving partner kind's maximum are refused (BAD_USER_INPUT on input.categories).",
  })
  proposeServiceLink(
    @Arg('input', () => ProposeServiceLinkInput, { description: 'The link.' }) input: ProposeServiceLinkInput,
    @Ctx() ctx: Context,
  ): Promise<ServiceLink> {
    // A proposed link grants nothing: the child must already be in the referent's rows
    // (access-policy.md, INCLUSION_REFERENT rows).
    return answered(mutateInRows(ctx, WriteAction.MANAGE_LINKS, async ({ em, viewer, logWrite }) => {
      const child = await childInRows(ctx, em, input.childId, 'input.childId');
      const partner = await partnerOf(viewer, em, input.partnerId, 'input.partnerId');
      const origin = input.originPartnerId == null ? undefined : await partnerOf(viewer, em, input.originPartnerId, 'input.originPartnerId');
      if (origin?.id === partner.id) throw new BadUserInput('input.originPartnerId', 'must not be the receiving partner');
      const categories = checkList('input.categories', input.categories);
      assertWithinKind('input.categories', partner.kind, categories);

      const basis: Partial<Pick<ServiceLink, 'parentsInformedOn' | 'parentsNotInformedReason'>> & { consent?: Consent } = {};
      if (input.legalBasis === LegalBasis.CONSENT) {
        for (const field of ['parentsInformedOn', 'parentsNotInformedReason'] as const) {
          if (input[field] != null) throw new BadUserInput(`input.${field}`, 'only for a shared-secret legal basis');
        }
        if (input.consentId != null) {
          const consent = await em.findOne(Consent, {
            id: filterIdOfType(input.consentId, 'Consent', 'input.consentId'),
            programme: viewer.programmeId,
          });
          if (!consent || consent.child.id !== child.id) throw new BadUserInput('input.consentId', 'must be a consent given for this child');
          basis.consent = consent;
        }
      } else {
        if (input.consentId != null) throw new BadUserInput('input.consentId', 'only for legal basis CONSENT');
        basis.parentsInformedOn =
          input.parentsInformedOn == null
            ? undefined
            : checkDate('input.parentsInformedOn', input.parentsInformedOn, { min: EARLIEST_DATE, max: today(ctx) });
        basis.parentsNotInformedReason = checkOptionalText('input.parentsNotInformedReason', input.parentsNotInformedReason, TEXT_MAX.reason);
        if (basis.parentsInformedOn && basis.parentsNotInformedReason) {
          throw new BadUserInput('input.parentsNotInformedReason', 'give either parentsInformedOn or parentsNotInformedReason, not both');
        }
      }

      const validFrom = checkDate('input.validFrom', input.validFrom, { min: EARLIEST_DATE, max: yearsAfter(today(ctx), 2) });
      const validUntil = input.validUntil == null ? undefined : checkDate('input.validUntil', input.validUntil, { min: today(ctx) });
      checkOrder('input.validFrom', validFrom, 'input.validUntil', validUntil);

      const link = em.create(ServiceLink, {
        programme: viewer.programmeId,
        child,
        partner,
        originPartner: origin,
        purpose: input.purpose,
        categories,
        legalBasis: input.legalBasis,
        ...basis,
        createdBy: viewer.accountId,
        status: ServiceLinkStatus.PROPOSED,
        validFrom,
        validUntil,
      });
      logWrite(linkEvent(AccessAction.CREATE, link));
      return link;
    }));
  }

  @Mutation(() => ServiceLinkType, {
    description:
      'Activates a proposed or suspended link (INCLUSION_REFERENT). Refused (BAD_USER_INPUT, reason NO_LEGAL_BASIS) unless its consent is ' +
      "of this child, given, not withdrawn, not expired, and scopes the link's partner for all its categories; or, on a shared-secret basis, " +
      'unless the date the parents were informed or the reason they were not is recorded.',
  })
  activateServiceLink(
    @Arg('id', () => ID, { description: 'ID of the link.' }) id: string,
    @Arg('version', () => Int, { description: 'Version of the link the client read.' }) version: number,
    @Ctx() ctx: Context,
  ): Promise<ServiceLink> {
    return answered(mutateInRows(ctx, WriteAction.MANAGE_LINKS, async ({ em, viewer, logWrite }) => {
      const link = await linkInRows(ctx, em, viewer.programmeId, id);
      checkVersion('The service link', link, version);
      assertTransition(SERVICE_LINK, 'The service link', linkStatusAt(link, ctx.now), ServiceLinkStatus.ACTIVE);
      const partner = await link.partner.loadOrFail();
      assertPartnerActive(partner, 'id');
      assertWithinKind('categories', partner.kind, link.categories);
      await assertLegalBasis(em, link, ctx.now);
      link.status = ServiceLinkStatus.ACTIVE;
      link.suspendedAt = undefined;
      link.suspensionReason = undefined;
      logWrite(linkEvent(AccessAction.GRANT, link));
      return link;
    }));
  }

  @Mutation(() => ServiceLinkType, { description: 'Suspends an active link: it grants nothing until activated again (INCLUSION_REFERENT).' })
  suspendServiceLink(
    @Arg('id', () => ID, { description: 'ID of the link.' }) id: string,
    @Arg('version', () => Int, { description: 'Version of the link the client read.' }) version: number,
    @Arg('reason', () => String, { nullable: true, description: 'Why it is suspended.' }) reason: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<ServiceLink> {
    return answered(mutateInRows(ctx, WriteAction.MANAGE_LINKS, async ({ em, viewer, logWrite }) => {
      const link = await linkInRows(ctx, em, viewer.programmeId, id);
      checkVersion('The service link', link, version);
      assertTransition(SERVICE_LINK, 'The service link', linkStatusAt(link, ctx.now), ServiceLinkStatus.SUSPENDED);
      link.suspensionReason = checkOptionalText('reason', reason, TEXT_MAX.reason);
      link.status = ServiceLinkStatus.SUSPENDED;
      link.suspendedAt = ctx.now;
      logWrite(linkEvent(AccessAction.UPDATE, link));
      return link;
    }));
  }

  @Mutation(() => ServiceLinkType, { description: 'Revokes a link for good, with the reason (INCLUSION_REFERENT).' })
  revokeServiceLink(
    @Arg('id', () => ID, { description: 'ID of the link.' }) id: string,
    @Arg('version', () => Int, { description: 'Version of the link the client read.' }) version: number,
    @Arg('reason', () => String, { description: 'Why it is revoked.' }) reason: string,
    @Ctx() ctx: Context,
  ): Promise<ServiceLink> {
    return answered(mutateInRows(ctx, WriteAction.MANAGE_LINKS, async ({ em, viewer, logWrite }) => {
      const link = await linkInRows(ctx, em, viewer.programmeId, id);
      checkVersion('The service link', link, version);
      const why = checkText('reason', reason, TEXT_MAX.reason);
      assertTransition(SERVICE_LINK, 'The service link', linkStatusAt(link, ctx.now), ServiceLinkStatus.REVOKED);
      revokeLink(link, ctx.now, why);
      logWrite(linkEvent(AccessAction.REVOKE, link));
      return link;
    }));
  }
}

/** Revokes a link (revokeServiceLink, and withdrawConsent for every link resting on the consent). */
export function revokeLink(link: ServiceLink, at: Date, reason: string): void {
  link.status = ServiceLinkStatus.REVOKED;
  link.revokedAt = at;
  link.revocationReason = reason;
  link.suspendedAt = undefined;
  link.suspensionReason = undefined;
}

/** The link, when its child is in the viewer's rows; NOT_FOUND otherwise. */
async function linkInRows(ctx: Context, em: EntityManager, programmeId: string, globalId: string): Promise<ServiceLink> {
  const link = await em.findOne(ServiceLink, { id: idOfType(globalId, 'ServiceLink', 'id'), programme: programmeId });
  if (!link || !(await ctx.access.canSee(link.child.id))) throw new NotFound('ServiceLink', globalId);
  return link;
}

/** Policy table "Role maxima and rows", PARTNER_AGENT lines: a link cannot share more than its partner's kind may see. */
function assertWithinKind(field: string, kind: PartnerKind, categories: readonly DataCategory[]): void {
  const allowed = PARTNER_KIND_MAX[kind];
  const beyond = categories.filter((c) => !allowed.includes(c));
  if (beyond.length) {
    throw new BadUserInput(field, `${beyond.join(', ')}: beyond what a ${kind} partner may receive`, { reason: 'BEYOND_KIND_MAXIMUM', allowed });
  }
}

/**
 * Policy, "Links and consent over time": a CONSENT link becomes ACTIVE only while its
 * consent is given and not withdrawn (and here: unexpired, of this child, and scoping the
 * link's partner for every category it shares); a shared-secret link records when the
 * parents were informed, or why not. The same conditions as Access.linkGrants, checked
 * up front so that an ACTIVE link always grants what it lists.
 */
async function assertLegalBasis(em: EntityManager, link: ServiceLink, now: Date): Promise<void> {
  const refuse = (field: string, message: string) => new BadUserInput(field, message, { reason: 'NO_LEGAL_BASIS' });
  if (link.legalBasis !== LegalBasis.CONSENT) {
    if (!link.parentsInformedOn && !link.parentsNotInformedReason) {
      throw refuse('parentsInformedOn', 'a shared-secret basis needs the date the parents were informed, or the reason they were not');
    }
    return;
  }
  if (!link.consent) throw refuse('consentId', 'the link rests on no consent');
  const consent = await em.findOne(Consent, { id: link.consent.id }, { populate: ['scope'] });
  if (!consent || consent.child.id !== link.child.id) throw refuse('consentId', 'the consent is not one of this child');
  const lapse = consentLapse(consent, now);
  if (lapse) throw refuse('consentId', `the consent ${lapse}`);
  const line = consent.scope.getItems().find((s) => s.partner.id === link.partner.id);
  if (!line) throw refuse('consentId', "the consent's scope does not name the link's partner");
  const missing = link.categories.filter((c) => !line.categories.includes(c));
  if (missing.length) throw refuse('consentId', `the consent's scope does not cover ${missing.join(', ')} for the link's partner`);
}
