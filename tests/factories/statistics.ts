import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Accommodation,
  Action,
  ActionKind,
  ActionPathway,
  ActionStatus,
  AdaptedActivity,
  ChildTime,
  ConsentPurpose,
  Domain,
  FamilyMeeting,
  Grade,
  InclusionStatus,
  LegalBasis,
  PartnerKind,
  Pathway,
  PathwayClosureKind,
  PathwayStatus,
  Referral,
  ReferralStatus,
  Role,
  SchoolNetwork,
  ServiceLinkStatus,
  Workshop,
  type Partner,
  type Programme,
} from '../../src/entities';
import { SeededRandom, addDays, dateBetween } from '../../src/seed/random.util';
import * as f from './index';

/**
 * A programme built for the statistics tests: small cells on purpose. Most children share
 * a few common profiles, and a handful are alone or nearly alone in theirs (a 15-year-old
 * outside any priority network, a child not schooled, a single HEALTH referral, three family
 * meetings...), over the school years 2024-2025 and 2025-2026 and their months. The server's
 * clock must be after 31 August 2026 (STATISTICS_NOW).
 */

export const STATISTICS_NOW = new Date('2026-11-16T10:00:00Z');

export interface StatisticsWorld {
  programme: Programme;
  analyst: string;
  coordinator: string;
  /** Subjects of roles that may not read the statistics. */
  others: Record<string, string>;
}

/** A grade of each level, and birth years that fall in each age band in 2025-2026. */
const PROFILES: readonly (readonly [weight: number, birthYear: number, grade: Grade | undefined, network: SchoolNetwork | 'NO_SCHOOL', qpv: boolean])[] = [
  [30, 2017, Grade.CE2, SchoolNetwork.REP_PLUS, true],
  [20, 2015, Grade.CM2, SchoolNetwork.REP, true],
  [12, 2013, Grade.CINQUIEME, SchoolNetwork.REP, false],
  [10, 2021, Grade.MS, SchoolNetwork.REP_PLUS, true],
  [4, 2010, Grade.TROISIEME, SchoolNetwork.NONE, false],
  [3, 2019, undefined, 'NO_SCHOOL', true],
  [2, 2011, Grade.QUATRIEME, SchoolNetwork.REP_PLUS, false],
];

export async function statisticsWorld(em: EntityManager, seed = 10, children = 60): Promise<StatisticsWorld> {
  const r = new SeededRandom(seed);
  const prog = f.programme(em);
  const school = (network: SchoolNetwork) => f.partner(em, prog, { kind: PartnerKind.SCHOOL, network });
  const schools: Record<SchoolNetwork, Partner> = {
    [SchoolNetwork.REP_PLUS]: school(SchoolNetwork.REP_PLUS),
    [SchoolNetwork.REP]: school(SchoolNetwork.REP),
    [SchoolNetwork.NONE]: school(SchoolNetwork.NONE),
  };
  const partners = {
    social: f.partner(em, prog, { kind: PartnerKind.SOCIAL_SERVICES }),
    leisure: f.partner(em, prog, { kind: PartnerKind.LEISURE_CENTRE }),
    health: f.partner(em, prog, { kind: PartnerKind.HEALTH }),
    sports: f.partner(em, prog, { kind: PartnerKind.SPORTS }),
    preTeam: f.partner(em, prog, { kind: PartnerKind.PRE_TEAM }),
    inclusion: f.partner(em, prog, { kind: PartnerKind.INCLUSION_SERVICE }),
  };
  const coordinator = f.account(em, prog, Role.PRE_COORDINATOR, { partner: ref(partners.preTeam) });
  const referent = f.account(em, prog, Role.PATHWAY_REFERENT, { partner: ref(partners.preTeam) });
  const inclusionReferent = f.account(em, prog, Role.INCLUSION_REFERENT, { partner: ref(partners.inclusion) });
  const analyst = f.account(em, prog, Role.ANALYST);
  const agent = f.account(em, prog, Role.PARTNER_AGENT, { partner: ref(schools[SchoolNetwork.REP]) });
  const others = {
    ADMIN: f.account(em, prog, Role.ADMIN).subject,
    PATHWAY_REFERENT: referent.subject,
    INCLUSION_REFERENT: inclusionReferent.subject,
    PARTNER_AGENT: agent.subject,
    DPO: f.account(em, prog, Role.DPO).subject,
  };

  const closures = [
    [PathwayClosureKind.OBJECTIVES_MET, 6],
    [PathwayClosureKind.HANDED_OVER, 3],
    [PathwayClosureKind.FAMILY_MOVED, 2],
    [PathwayClosureKind.FAMILY_WITHDREW, 1],
  ] as const;
  const referrers = [
    [schools[SchoolNetwork.REP_PLUS], 12],
    [partners.social, 5],
    [partners.leisure, 2],
    [partners.health, 1],
  ] as const;

  for (let n = 0; n < children; n += 1) {
    const [, birthYear, grade, network, qpv] = r.weighted(PROFILES.map((p) => [p, p[0]] as const));
    const fam = f.family(em, prog, { qpvCode: qpv ? 'QP047001' : undefined });
    const parent = f.guardian(em, fam);
    const kid = f.child(em, fam, {
      birthDate: `${birthYear}-${String(r.int(1, 12)).padStart(2, '0')}-15`,
      grade,
      school: network === 'NO_SCHOOL' ? undefined : ref(schools[network]),
    });
    // Referral, then the pathway some weeks later: in 2024-2025 or 2025-2026.
    const referredOn = r.chance(0.35) ? dateBetween(r, '2024-09-10', '2025-06-20') : dateBetween(r, '2025-09-05', '2026-06-20');
    const status = r.weighted<ReferralStatus>([[ReferralStatus.ACCEPTED, 40], [ReferralStatus.DECLINED, 3], [ReferralStatus.WITHDRAWN, 2], [ReferralStatus.UNDER_REVIEW, 2]]);
    const decided = status === ReferralStatus.ACCEPTED || status === ReferralStatus.DECLINED;
    const decidedOn = decided ? addDays(referredOn, r.int(20, 70)) : undefined;
    const referrer = r.weighted(referrers.map(([p, w]) => [p, w] as const));
    em.create(Referral, {
      programme: prog, child: kid, referringPartner: referrer, referringAccount: agent, referredOn, domains: [Domain.SCHOOL],
      description: 'Repérage', status, decidedOn,
    });
    const pathwayConsent = f.consent(em, kid, parent, [{ partner: partners.preTeam, categories: [] }], {
      purpose: ConsentPurpose.PATHWAY,
      givenAt: new Date(`${referredOn}T09:00:00Z`),
    });
    if (status !== ReferralStatus.ACCEPTED) continue;
    const startDate = addDays(decidedOn!, r.int(5, 25));
    const closed = r.chance(0.4);
    const endDate = closed ? addDays(startDate, r.int(60, 420)) : undefined;
    const closedForReal = endDate !== undefined && endDate < '2026-10-30';
    const kind = closedForReal ? r.weighted(closures.map(([k, w]) => [k, w] as const)) : undefined;
    if (kind === PathwayClosureKind.FAMILY_WITHDREW) pathwayConsent.withdrawnAt = new Date(`${endDate}T09:00:00Z`);
    const pathway = em.create(Pathway, {
      programme: prog, child: kid, referent, consent: pathwayConsent, startDate,
      status: closedForReal ? PathwayStatus.CLOSED : r.chance(0.1) ? PathwayStatus.SUSPENDED : PathwayStatus.ACTIVE,
      endDate: closedForReal ? endDate : undefined,
      closureReason: kind ? 'Fin' : undefined,
      closureKind: kind,
    });
    const actions = r.int(0, 2);
    for (let a = 0; a < actions; a += 1) {
      const domain = r.weighted<Domain>([[Domain.SCHOOL, 10], [Domain.SPORT, 5], [Domain.CULTURE, 3], [Domain.HEALTH, 1]]);
      const action = em.create(Action, {
        programme: prog, title: 'Action', domain,
        kind: r.chance(0.8) ? ActionKind.INDIVIDUAL : ActionKind.COLLECTIVE,
        childTime: domain === Domain.SCHOOL ? ChildTime.SCHOOL_TIME : r.pick([ChildTime.PERISCHOOL, ChildTime.EXTRACURRICULAR]),
        startDate: addDays(startDate, r.int(0, 30)), endDate: r.chance(0.5) ? addDays(startDate, r.int(40, 200)) : undefined,
        status: ActionStatus.IN_PROGRESS,
      });
      em.create(ActionPathway, { action, pathway });
    }
    if (r.chance(0.5)) {
      f.serviceLink(em, kid, r.chance(0.8) ? schools[SchoolNetwork.REP_PLUS] : partners.health, inclusionReferent, {
        validFrom: startDate,
        legalBasis: r.chance(0.85) ? LegalBasis.SHARED_SECRET_L226_2_2 : LegalBasis.SHARED_SECRET_L121_6_2,
        status: r.chance(0.9) ? ServiceLinkStatus.ACTIVE : ServiceLinkStatus.REVOKED,
        revokedAt: undefined,
      });
    }
    if (r.chance(0.15)) {
      const opened = new Date(`${dateBetween(r, '2025-09-10', '2026-05-30')}T10:00:00Z`);
      const { followUp } = f.inclusionFollowUp(em, kid, parent, partners.inclusion, {
        consent: { givenAt: opened },
        followUp: { createdAt: opened, status: r.weighted<InclusionStatus>([[InclusionStatus.ACTIVE, 4], [InclusionStatus.ASSESSED, 2], [InclusionStatus.OPEN, 1]]) },
      });
      const partner = r.weighted<Partner>([[partners.leisure, 4], [partners.sports, 1], [schools[SchoolNetwork.REP_PLUS], 1]]);
      em.create(Accommodation, { programme: prog, followUp, partner, description: 'Aménagement', createdAt: opened });
      if (r.chance(0.7)) {
        em.create(AdaptedActivity, {
          programme: prog, followUp, title: 'Activité', partner: r.chance(0.8) ? partners.leisure : undefined,
          childTime: r.pick([ChildTime.PERISCHOOL, ChildTime.EXTRACURRICULAR]), createdAt: opened,
        });
      }
    }
  }
  const meetingFamily = f.family(em, prog);
  for (const heldOn of ['2025-10-07', '2026-01-13', '2026-03-17']) {
    em.create(FamilyMeeting, { programme: prog, family: meetingFamily, heldBy: inclusionReferent, heldOn });
  }
  em.create(Workshop, { programme: prog, heldOn: '2025-11-20', topic: 'Accueillir un enfant avec autisme', facilitator: inclusionReferent, professionalsCount: 12 });
  em.create(Workshop, { programme: prog, heldOn: '2026-02-05', topic: 'Troubles DYS', facilitator: inclusionReferent, professionalsCount: 3 });
  await em.flush();
  return { programme: prog, analyst: analyst.subject, coordinator: coordinator.subject, others };
}
