import { Reference, type EntityClass, type RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Accommodation, Account, Action, ActionKind, ActionStatus, AdaptedActivity, AttendanceConcern, Child, ChildTime,
  Consent, ConsentMethod, ConsentPurpose, ConsentScope, DataCategory, Domain, Family, FamilyMeeting, Grade, Guardian,
  GuardianRelationship, InclusionFollowUp, InclusionStatus, LegalBasis, Objective, ObjectiveStatus, Observation,
  Partner, PartnerKind, Pathway, PathwayClosureKind, PathwayStatus, Programme, ProtectionMeasure, Referral, ReferralStatus, Review, Role,
  SchoolLevel, SchoolNetwork, ServiceLink, ServiceLinkStatus, TeamMeeting, Workshop,
} from '../entities';
import { SeededRandom, addDays, at, dateBetween } from './random.util';
import {
  ACTION_TITLES, ADULT_FEMALE_NAMES, ADULT_MALE_NAMES, BOY_NAMES, GIRL_NAMES, HOME_LANGUAGES, LAST_NAMES,
  OBJECTIVE_TEXTS, STREET_NAMES, gradeFor, levelOf, uai,
} from './french.data';

/**
 * The demo programme: a fictional PRE in Villeneuve-sur-Lot with every kind of partner,
 * 200 children and every status of every workflow, plus a small second programme
 * (Montreuil) that only exists to prove that nothing crosses tenants.
 *
 * Deterministic: names, dates, texts and ids come from one seeded generator, so two runs
 * give the same programme. Ages and grades are computed at DEMO_TODAY. Link validity is
 * written so that it does not depend on the real date: ACTIVE links start in 2025 and end
 * in 2030 or never, and exactly one ACTIVE link ended in 2025 (expired by date, not by status).
 */

export const DEMO_TODAY = '2026-11-01';
export const DEMO_PROGRAMME_NAME = 'PRE de Villeneuve-sur-Lot (démo)';
export const OTHER_PROGRAMME_NAME = 'PRE de Montreuil (autre)';
export const DEMO_CHILDREN = 200;

/** The accounts of the demo, by email; `Account.subject` is `demo|<email>`. */
export const DEMO_ACCOUNT_ROLES = {
  'admin@demo.example': Role.ADMIN,
  'coordinator@demo.example': Role.PRE_COORDINATOR,
  'referent@demo.example': Role.PATHWAY_REFERENT,
  'referent2@demo.example': Role.PATHWAY_REFERENT,
  'inclusion@demo.example': Role.INCLUSION_REFERENT,
  'school@demo.example': Role.PARTNER_AGENT,
  'social@demo.example': Role.PARTNER_AGENT,
  'leisure@demo.example': Role.PARTNER_AGENT,
  'health@demo.example': Role.PARTNER_AGENT,
  'sports@demo.example': Role.PARTNER_AGENT,
  'guardian@demo.example': Role.GUARDIAN,
  'analyst@demo.example': Role.ANALYST,
  'dpo@demo.example': Role.DPO,
  'coordinator@other.example': Role.PRE_COORDINATOR,
  'school@other.example': Role.PARTNER_AGENT,
} as const satisfies Record<string, Role>;

export type DemoAccountEmail = keyof typeof DEMO_ACCOUNT_ROLES;
export const DEMO_ACCOUNTS = Object.keys(DEMO_ACCOUNT_ROLES) as DemoAccountEmail[];

/** The subject a local token must carry to sign in as a demo account. */
export function demoSubject(email: string): string {
  return `demo|${email}`;
}

/** Tables the demo writes (pivot tables included). */
export const DEMO_TABLES = [
  'programme', 'partner', 'account', 'family', 'guardian', 'child', 'observation', 'referral', 'team_meeting',
  'team_meeting_attending_partners', 'pathway', 'objective', 'action', 'action_pathway', 'review', 'consent',
  'consent_scope', 'service_link', 'inclusion_follow_up', 'accommodation', 'adapted_activity', 'family_meeting',
  'workshop', 'workshop_attending_partners',
] as const;
export type DemoTable = (typeof DEMO_TABLES)[number];

export interface DemoSummary {
  /** The demo programme (Villeneuve-sur-Lot). */
  programmeId: string;
  /** The isolation programme (Montreuil). */
  otherProgrammeId: string;
  /** Rows written per table, both programmes together. */
  counts: Record<DemoTable, number>;
}

/** Seeds both programmes in one transaction. Fails on a database that already holds them (unique emails). */
export async function seedDemo(em: EntityManager): Promise<DemoSummary> {
  return em.transactional(async (tem) => {
    const builder = new DemoBuilder(tem);
    const summary = builder.build();
    await tem.flush();
    return summary;
  });
}

// ---------------------------------------------------------------------------------------

const SEED = 0x5eed_2026;
const SCHOOL_YEAR = Number(DEMO_TODAY.slice(0, 4)) - (Number(DEMO_TODAY.slice(5, 7)) < 9 ? 1 : 0);

/** The kind of each closure reason the demo writes (what the statistics count). */
const DEMO_CLOSURE_KINDS: Record<string, PathwayClosureKind> = {
  'Retrait du consentement par la famille': PathwayClosureKind.FAMILY_WITHDREW,
  'Objectifs atteints': PathwayClosureKind.OBJECTIVES_MET,
  'Déménagement de la famille': PathwayClosureKind.FAMILY_MOVED,
  'Relais par un dispositif de droit commun': PathwayClosureKind.HANDED_OVER,
  "Fin de l'accompagnement à la demande de la famille": PathwayClosureKind.FAMILY_WITHDREW,
};

/** Ends of validity that do not depend on the real date (see the file comment). */
const OPEN_ENDED_UNTIL = '2030-08-31';
const PAST_SCHOOL_YEAR_END = '2025-07-04';

const ALL_CHILD_CATEGORIES = [
  DataCategory.IDENTITY, DataCategory.CONTACT, DataCategory.SCHOOLING, DataCategory.SOCIAL, DataCategory.INCLUSION,
  DataCategory.PATHWAY,
];
const SCHOOL_LINK = [DataCategory.IDENTITY, DataCategory.SCHOOLING, DataCategory.INCLUSION, DataCategory.PATHWAY];
const SOCIAL_LINK = [DataCategory.IDENTITY, DataCategory.CONTACT, DataCategory.SOCIAL, DataCategory.PATHWAY];
const LEISURE_LINK = [DataCategory.IDENTITY, DataCategory.CONTACT, DataCategory.INCLUSION];
const HEALTH_LINK = [DataCategory.IDENTITY, DataCategory.CONTACT, DataCategory.HEALTH, DataCategory.INCLUSION];
const INCLUSION_SERVICE_SCOPE = [
  DataCategory.IDENTITY, DataCategory.CONTACT, DataCategory.SCHOOLING, DataCategory.HEALTH, DataCategory.INCLUSION,
];

/** Team meetings of the demo programme (équipe pluridisciplinaire), one per term or so. */
const TEAM_MEETING_DATES = [
  '2024-10-15', '2025-01-21', '2025-03-18', '2025-06-10', '2025-10-14', '2026-01-20', '2026-03-17', '2026-06-09',
  '2026-10-13',
];

/** Birth years of the 200 children (some under 2 or over 16 at DEMO_TODAY, on purpose). */
const BIRTH_YEARS: readonly (readonly [number, number])[] = [
  [2025, 3], [2024, 6], [2023, 10], [2022, 12], [2021, 14], [2020, 20], [2019, 18], [2018, 18], [2017, 18],
  [2016, 17], [2015, 15], [2014, 14], [2013, 12], [2012, 10], [2011, 6], [2010, 4], [2009, 3],
];

interface Condition {
  diagnosis: string;
  medicalFollowUp: string;
  treatments?: string;
  mdphDecision?: string;
  pps?: boolean;
  aeshHours?: string;
  needs: string;
  pai?: { arrangements: string; emergency: string };
  schoolAccommodation: string;
  leisureAccommodation: string;
}

const CONDITIONS: readonly Condition[] = [
  {
    diagnosis: 'Allergie alimentaire sévère (arachide, fruits à coque)',
    medicalFollowUp: 'Suivi allergologique annuel',
    treatments: 'Stylo auto-injecteur d\'adrénaline, antihistaminique',
    needs: 'Éviction stricte de l\'arachide et des fruits à coque, y compris aux goûters et ateliers cuisine.',
    pai: {
      arrangements: 'Panier-repas fourni par la famille ; goûters vérifiés ; trousse d\'urgence emportée à chaque sortie.',
      emergency: 'Gonflement des lèvres, gêne respiratoire ou urticaire : injecter l\'adrénaline à la cuisse (stylo dans la trousse), appeler le 15, prévenir la famille.',
    },
    schoolAccommodation: 'PAI affiché en classe et au restaurant scolaire ; trousse d\'urgence dans la classe.',
    leisureAccommodation: 'Animateur référent formé au PAI ; trousse d\'urgence suit l\'enfant en sortie.',
  },
  {
    diagnosis: 'Diabète de type 1',
    medicalFollowUp: 'Diabétologie pédiatrique, consultation trimestrielle',
    treatments: 'Insuline par pompe',
    needs: 'Contrôle de la glycémie avant le repas et l\'activité physique ; collation possible à tout moment.',
    pai: {
      arrangements: 'Lecteur de glycémie et sucre dans le sac ; collation autorisée ; repas pris à heure fixe.',
      emergency: 'Sueurs, pâleur, malaise : 3 morceaux de sucre, contrôle après 15 minutes ; perte de connaissance : position latérale de sécurité, glucagon, appeler le 15.',
    },
    schoolAccommodation: 'Temps de contrôle de la glycémie en classe ; sortie de classe autorisée.',
    leisureAccommodation: 'Contrôle de la glycémie avant les activités sportives ; sucre dans la trousse de l\'animateur.',
  },
  {
    diagnosis: 'Épilepsie',
    medicalFollowUp: 'Suivi neuropédiatrique',
    treatments: 'Traitement de fond anti-épileptique',
    needs: 'Surveillance individuelle en milieu aquatique ; éviter la privation de sommeil.',
    pai: {
      arrangements: 'Pas de baignade sans surveillance individuelle ; séjours avec horaires de coucher respectés.',
      emergency: 'Crise de plus de 5 minutes : traitement prévu au PAI, position latérale de sécurité, appeler le 15.',
    },
    schoolAccommodation: 'PAI connu de l\'équipe ; surveillance en EPS aquatique.',
    leisureAccommodation: 'Surveillance individuelle à la piscine ; protocole affiché.',
  },
  {
    diagnosis: 'Asthme',
    medicalFollowUp: 'Suivi pneumopédiatrique',
    treatments: 'Bronchodilatateur à la demande',
    needs: 'Échauffement progressif ; inhalateur à portée lors des sorties.',
    pai: {
      arrangements: 'Inhalateur et chambre d\'inhalation dans le sac lors des sorties.',
      emergency: 'Crise : 2 bouffées avec chambre d\'inhalation, renouveler après 10 minutes ; sans amélioration, appeler le 15.',
    },
    schoolAccommodation: 'Inhalateur en classe et en EPS.',
    leisureAccommodation: 'Inhalateur emporté par l\'animateur.',
  },
  {
    diagnosis: 'Trouble du spectre de l\'autisme',
    medicalFollowUp: 'Suivi CMP et orthophonie',
    mdphDecision: 'Notification MDPH : AESH mutualisée 12 h, PPS',
    pps: true,
    aeshHours: '12',
    needs: 'Besoin de repères visuels et d\'un temps calme ; difficultés lors des transitions et dans le bruit.',
    schoolAccommodation: 'AESH sur les temps d\'apprentissage ; emploi du temps visuel.',
    leisureAccommodation: 'Planning visuel de la journée ; espace calme ; animateur référent.',
  },
  {
    diagnosis: 'Trouble déficit de l\'attention avec hyperactivité (TDAH)',
    medicalFollowUp: 'Suivi pédopsychiatrique',
    treatments: 'Méthylphénidate',
    needs: 'Consignes courtes, une à la fois ; possibilité de bouger ; pauses régulières.',
    schoolAccommodation: 'Place au calme ; tâches fractionnées.',
    leisureAccommodation: 'Activités en petit groupe ; rôle actif proposé (responsable du matériel).',
  },
  {
    diagnosis: 'Troubles dys (dyslexie, dysorthographie)',
    medicalFollowUp: 'Orthophonie hebdomadaire',
    mdphDecision: 'PPS sans aide humaine ; ordinateur',
    pps: true,
    needs: 'Supports agrandis, consignes lues à voix haute, temps supplémentaire.',
    schoolAccommodation: 'Supports adaptés ; évaluations à l\'oral.',
    leisureAccommodation: 'Consignes données à l\'oral.',
  },
  {
    diagnosis: 'Déficience auditive moyenne',
    medicalFollowUp: 'Suivi ORL ; appareillage bilatéral',
    mdphDecision: 'Matériel pédagogique adapté (micro HF)',
    pps: true,
    needs: 'Se placer face à l\'enfant pour parler ; protéger les appareils lors des activités aquatiques.',
    schoolAccommodation: 'Micro HF porté par l\'enseignant.',
    leisureAccommodation: 'Consignes face à l\'enfant ; appareils retirés et rangés avant la baignade.',
  },
  {
    diagnosis: 'Trouble développemental de la coordination (dyspraxie)',
    medicalFollowUp: 'Ergothérapie et psychomotricité',
    mdphDecision: 'AESH individuelle 6 h, PPS',
    pps: true,
    aeshHours: '6',
    needs: 'Aide à l\'habillage et au découpage ; activités motrices adaptées.',
    schoolAccommodation: 'AESH pour les gestes graphiques ; ordinateur.',
    leisureAccommodation: 'Aide à l\'habillage avant les sorties ; activités manuelles adaptées.',
  },
];

const SOCIAL_SITUATIONS = [
  'Famille monoparentale, mère en recherche d\'emploi.',
  'Parents séparés, garde alternée.',
  'Famille hébergée chez un tiers, demande de logement social en cours.',
  'Famille nombreuse, revenus modestes, père en arrêt maladie.',
  'Arrivée récente en France, démarches administratives en cours.',
  'Famille logée en résidence sociale.',
] as const;

const SOCIAL_FOLLOW_UPS = [
  'Accompagnement budgétaire par la MDS.',
  'Suivi par l\'assistante sociale de secteur depuis 2024.',
  'Mesure éducative en cours, éducateur référent désigné.',
  'Accompagnement vers l\'ouverture des droits CAF.',
  'Orientation vers l\'épicerie solidaire.',
] as const;

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

interface Fam {
  family: Family;
  lastName: string;
  guardians: Guardian[];
  /** Guardians who hold parental authority (the only ones who can consent). */
  authority: Guardian[];
  kids: Kid[];
}

interface Kid {
  child: Child;
  fam: Fam;
  birthYear: number;
  grade?: Grade;
  school?: Partner;
  pathway?: Pathway;
  pathwayStatus?: PathwayStatus;
  condition?: Condition;
  followUp?: InclusionFollowUp;
  followUpStatus?: InclusionStatus;
}

interface Ctx {
  programme: Programme;
  postalCode: string;
  city: string;
  qpvCodes: readonly string[];
  preTeam: Partner;
  families: Fam[];
  kids: Kid[];
  /** Consents by child, purpose and withdrawal (a withdrawn consent is never reused). */
  consents: Map<string, ConsentDraft>;
  /** Children with a link to a partner, by partner id: one link per child and partner. */
  linked: Map<string, Set<Kid>>;
  /** Children with an ACTIVE link to a partner that is valid at any date from 2026 on. */
  visible: Map<string, Set<Kid>>;
}

interface ConsentDraft {
  consent: Consent;
  kid: Kid;
  firstUse: string;
  scope: Map<Partner, Set<DataCategory>>;
}

interface LinkSpec {
  kid: Kid;
  partner: Partner;
  categories: readonly DataCategory[];
  status: ServiceLinkStatus;
  purpose: ConsentPurpose;
  createdBy: Account;
  origin?: Partner;
  basis?: LegalBasis;
  validFrom?: string;
  validUntil?: string | null;
  /** REVOKED because the guardian withdrew the consent it rests on. */
  consentWithdrawn?: boolean;
  revokedOn?: string;
  revocationReason?: string;
  parentsInformedOn?: string;
  parentsNotInformedReason?: string;
}

class DemoBuilder {
  private readonly rng = new SeededRandom(SEED);
  /** Ids come from their own stream so that adding a row does not reshuffle every name. */
  private readonly ids = new SeededRandom(SEED ^ 0x1d5);
  private readonly counts = Object.fromEntries(DEMO_TABLES.map((t) => [t, 0])) as Record<DemoTable, number>;
  private readonly accounts = new Map<string, Account>();

  constructor(private readonly em: EntityManager) {}

  build(): DemoSummary {
    const main = this.buildMain();
    const other = this.buildOther();
    return { programmeId: main.id, otherProgrammeId: other.id, counts: { ...this.counts } };
  }

  // ---- generic helpers ----------------------------------------------------------------

  /** Creates (and persists) one row with a seeded id, and counts it. */
  private make<T extends { id: string }>(cls: EntityClass<T>, table: DemoTable, data: RequiredEntityData<T>): T {
    this.counts[table]++;
    return this.em.create(cls, { ...data, id: this.ids.uuid() });
  }

  private account(programme: Programme, email: DemoAccountEmail, displayName: string, extra: { partner?: Partner; guardian?: Guardian }): Account {
    const account = this.make(Account, 'account', {
      programme, email, subject: demoSubject(email), displayName, role: DEMO_ACCOUNT_ROLES[email], active: true,
      partner: extra.partner, guardian: extra.guardian,
    });
    this.accounts.set(email, account);
    return account;
  }

  private partner(ctx: { programme: Programme }, kind: PartnerKind, name: string, address: string, school?: { uai: string; level: SchoolLevel; network: SchoolNetwork }): Partner {
    return this.make(Partner, 'partner', {
      programme: ctx.programme, kind, name, address,
      uai: school?.uai, schoolLevel: school?.level, network: school?.network ?? SchoolNetwork.NONE,
    });
  }

  private phone(): string {
    const n = () => String(this.rng.int(0, 99)).padStart(2, '0');
    return `0${this.rng.pick(['6', '7'])} ${n()} ${n()} ${n()} ${n()}`;
  }

  private mailOf(first: string, last: string): string {
    const plain = `${first}.${last}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z.]/g, '').toLowerCase();
    return `${plain}@courriel.example`;
  }

  private newFamily(ctx: Ctx, opts: { qpv?: boolean; lastName?: string; forceTwoParents?: boolean } = {}): Fam {
    const r = this.rng;
    const lastName = opts.lastName ?? r.pick(LAST_NAMES);
    const qpv = opts.qpv ?? r.chance(0.55);
    const speaksOther = r.chance(0.3);
    const languages = speaksOther ? [r.pick(HOME_LANGUAGES.filter((l) => l !== 'fr')), 'fr'] : ['fr'];
    const family = this.make(Family, 'family', {
      programme: ctx.programme,
      addressLine: `${r.int(1, 120)} ${r.pick(STREET_NAMES)}`,
      postalCode: ctx.postalCode,
      city: ctx.city,
      qpvCode: qpv ? r.pick(ctx.qpvCodes) : undefined,
      languages,
      interpreterNeeded: speaksOther && r.chance(0.3),
      socialSituation: r.chance(0.3) ? r.pick(SOCIAL_SITUATIONS) : undefined,
      socialNotes: r.chance(0.1) ? 'Famille rencontrée à domicile ; bonne adhésion à l\'accompagnement.' : undefined,
    });
    const fam: Fam = { family, lastName, guardians: [], authority: [], kids: [] };
    const shape = opts.forceTwoParents ? 'two' : r.weighted([['two', 55], ['mother', 25], ['motherAndGrandparent', 10], ['fatherNoAuthority', 5], ['legalGuardian', 5]] as const);
    const guardian = (relationship: GuardianRelationship, first: string, last: string, authority: boolean) => {
      const g = this.make(Guardian, 'guardian', {
        programme: ctx.programme, family, firstName: first, lastName: last, relationship, parentalAuthority: authority,
        phone: this.phone(), email: r.chance(0.7) ? this.mailOf(first, last) : undefined,
        preferredLanguage: languages[0]!,
      });
      fam.guardians.push(g);
      if (authority) fam.authority.push(g);
      return g;
    };
    switch (shape) {
      case 'two':
        guardian(GuardianRelationship.MOTHER, r.pick(ADULT_FEMALE_NAMES), r.chance(0.8) ? lastName : r.pick(LAST_NAMES), true);
        guardian(GuardianRelationship.FATHER, r.pick(ADULT_MALE_NAMES), lastName, true);
        break;
      case 'mother':
        guardian(GuardianRelationship.MOTHER, r.pick(ADULT_FEMALE_NAMES), lastName, true);
        break;
      case 'motherAndGrandparent':
        guardian(GuardianRelationship.MOTHER, r.pick(ADULT_FEMALE_NAMES), lastName, true);
        guardian(GuardianRelationship.GRANDPARENT, r.pick(ADULT_FEMALE_NAMES), r.pick(LAST_NAMES), false);
        break;
      case 'fatherNoAuthority':
        guardian(GuardianRelationship.MOTHER, r.pick(ADULT_FEMALE_NAMES), lastName, true);
        guardian(GuardianRelationship.FATHER, r.pick(ADULT_MALE_NAMES), r.pick(LAST_NAMES), false);
        break;
      case 'legalGuardian':
        guardian(GuardianRelationship.LEGAL_GUARDIAN, r.pick(ADULT_FEMALE_NAMES), r.pick(LAST_NAMES), true);
        break;
    }
    ctx.families.push(fam);
    return fam;
  }

  private newChild(ctx: Ctx, fam: Fam, birthYear: number, schools: (grade: Grade) => Partner | undefined, firstName?: string): Kid {
    const r = this.rng;
    const girl = r.chance(0.5);
    let first = firstName ?? r.pick(girl ? GIRL_NAMES : BOY_NAMES);
    // Siblings get different first names.
    while (fam.kids.some((k) => k.child.firstName === first)) first = r.pick(girl ? GIRL_NAMES : BOY_NAMES);
    // Born before November for the oldest year, so that they are 17 at DEMO_TODAY.
    const lastDay = birthYear <= SCHOOL_YEAR - 17 ? `${birthYear}-09-30` : `${birthYear}-12-31`;
    const birthDate = dateBetween(r, `${birthYear}-01-01`, lastDay);
    let grade = gradeFor(birthYear, SCHOOL_YEAR);
    if (grade === Grade.TPS && r.chance(0.5)) grade = undefined; // not every two-year-old is in TPS
    const school = grade ? schools(grade) : undefined;
    const schooled = grade !== undefined && school !== undefined;
    const child = this.make(Child, 'child', {
      programme: ctx.programme, family: fam.family, firstName: first, lastName: fam.lastName, birthDate,
      school: schooled ? school : undefined,
      grade: schooled ? grade : undefined,
      attendanceConcern: schooled
        ? r.weighted([[AttendanceConcern.NONE, 70], [AttendanceConcern.OCCASIONAL, 18], [AttendanceConcern.FREQUENT, 9], [AttendanceConcern.SCHOOL_REFUSAL, 3]])
        : AttendanceConcern.NONE,
      hasPps: false,
      protectionMeasure: ProtectionMeasure.NONE,
      socialFollowUp: fam.family.socialSituation && r.chance(0.5) ? r.pick(SOCIAL_FOLLOW_UPS) : undefined,
    });
    const kid: Kid = { child, fam, birthYear, grade: schooled ? grade : undefined, school: schooled ? school : undefined };
    fam.kids.push(kid);
    ctx.kids.push(kid);
    return kid;
  }

  /** The consent of a child for a purpose, created on first use; its scope grows with each link resting on it. */
  private consentFor(ctx: Ctx, kid: Kid, purpose: ConsentPurpose, usedFrom: string, recorder: Account, withdrawn?: { on: string; by: Account }): ConsentDraft {
    const key = `${kid.child.id}|${purpose}|${withdrawn ? 'withdrawn' : 'given'}`;
    let draft = ctx.consents.get(key);
    let givenOn = addDays(usedFrom, -this.rng.int(3, 25));
    if (givenOn > DEMO_TODAY) givenOn = addDays(DEMO_TODAY, -this.rng.int(1, 10));
    if (!draft) {
      const giver = kid.fam.authority[0];
      if (!giver) throw new Error('a family without a guardian holding parental authority');
      const portal = [...this.accounts.values()].some((a) => a.guardian?.id === giver.id);
      const method = portal ? ConsentMethod.PORTAL : this.rng.weighted([[ConsentMethod.SIGNED_FORM, 75], [ConsentMethod.ORAL_RECORDED, 25]]);
      const consent = this.make(Consent, 'consent', {
        programme: ctx.programme, child: kid.child, givenBy: giver, givenAt: at(givenOn), method,
        recordedBy: method === ConsentMethod.PORTAL ? undefined : recorder,
        purpose,
        expiresOn: purpose === ConsentPurpose.INFORMATION_SHARING && this.rng.chance(0.3) ? OPEN_ENDED_UNTIL : undefined,
        withdrawnAt: withdrawn ? at(withdrawn.on, 15) : undefined,
        withdrawnBy: withdrawn?.by,
      });
      draft = { consent, kid, firstUse: usedFrom, scope: new Map() };
      ctx.consents.set(key, draft);
    } else if (usedFrom < draft.firstUse) {
      draft.firstUse = usedFrom;
      draft.consent.givenAt = at(givenOn);
    }
    return draft;
  }

  private addScope(draft: ConsentDraft, partner: Partner, categories: readonly DataCategory[]): void {
    const set = draft.scope.get(partner) ?? new Set<DataCategory>();
    for (const c of categories) set.add(c);
    draft.scope.set(partner, set);
  }

  private link(ctx: Ctx, spec: LinkSpec): ServiceLink {
    const r = this.rng;
    const set = ctx.linked.get(spec.partner.id) ?? new Set<Kid>();
    if (set.has(spec.kid)) throw new Error(`two links for one child and ${spec.partner.name}`);
    set.add(spec.kid);
    ctx.linked.set(spec.partner.id, set);

    const basis = spec.basis ?? LegalBasis.CONSENT;
    let validFrom = spec.validFrom;
    let validUntil: string | null | undefined = spec.validUntil;
    let revokedOn = spec.revokedOn;
    switch (spec.status) {
      case ServiceLinkStatus.ACTIVE:
      case ServiceLinkStatus.SUSPENDED:
        validFrom ??= dateBetween(r, '2025-01-06', '2025-12-19');
        if (validUntil === undefined) validUntil = r.chance(0.5) ? null : OPEN_ENDED_UNTIL;
        break;
      case ServiceLinkStatus.PROPOSED:
        validFrom ??= dateBetween(r, '2026-11-09', '2026-11-30');
        if (validUntil === undefined) validUntil = '2027-07-03';
        break;
      case ServiceLinkStatus.EXPIRED:
        validFrom ??= dateBetween(r, '2024-09-02', '2024-10-18');
        if (validUntil === undefined) validUntil = PAST_SCHOOL_YEAR_END;
        break;
      case ServiceLinkStatus.REVOKED:
        validFrom ??= dateBetween(r, '2025-01-06', '2025-06-27');
        if (validUntil === undefined) validUntil = null;
        revokedOn ??= dateBetween(r, '2026-01-05', '2026-10-16');
        break;
    }
    if (spec.status === ServiceLinkStatus.ACTIVE && (validUntil === null || validUntil! > DEMO_TODAY)) {
      const seen = ctx.visible.get(spec.partner.id) ?? new Set<Kid>();
      seen.add(spec.kid);
      ctx.visible.set(spec.partner.id, seen);
    }
    let consent: Consent | undefined;
    if (basis === LegalBasis.CONSENT) {
      const withdrawn = spec.consentWithdrawn ? { on: revokedOn!, by: this.withdrawer(spec.kid, spec.createdBy) } : undefined;
      const draft = this.consentFor(ctx, spec.kid, spec.purpose, validFrom!, spec.createdBy, withdrawn);
      this.addScope(draft, spec.partner, spec.categories);
      consent = draft.consent;
    }
    return this.make(ServiceLink, 'service_link', {
      programme: ctx.programme, child: spec.kid.child, partner: spec.partner, originPartner: spec.origin,
      purpose: spec.purpose, categories: [...spec.categories], legalBasis: basis, consent,
      parentsInformedOn: spec.parentsInformedOn, parentsNotInformedReason: spec.parentsNotInformedReason,
      createdBy: spec.createdBy, status: spec.status, validFrom: validFrom!, validUntil: validUntil ?? undefined,
      revokedAt: revokedOn ? at(revokedOn, 16) : undefined,
      revocationReason: spec.status === ServiceLinkStatus.REVOKED
        ? (spec.revocationReason ?? (spec.consentWithdrawn ? 'Consentement retiré par le responsable légal' : 'Fin de l\'accompagnement'))
        : undefined,
    });
  }

  /** Who records a withdrawal: the guardian on the portal, or the agent who took it down. */
  private withdrawer(kid: Kid, fallback: Account): Account {
    const giver = kid.fam.authority[0];
    return [...this.accounts.values()].find((a) => giver && a.guardian?.id === giver.id) ?? fallback;
  }

  /** Creates the scope lines of every consent once all links are known. */
  private flushScopes(ctx: Ctx): void {
    for (const draft of ctx.consents.values()) {
      for (const [partner, cats] of draft.scope) {
        this.make(ConsentScope, 'consent_scope', {
          programme: ctx.programme, consent: draft.consent, partner,
          categories: Object.values(DataCategory).filter((c) => cats.has(c)),
        });
      }
    }
  }

  private pickKids(pool: readonly Kid[], count: number, exclude: ReadonlySet<Kid> = new Set()): Kid[] {
    return this.rng.sample(pool.filter((k) => !exclude.has(k)), count);
  }

  private linkedTo(ctx: Ctx, partner: Partner): Set<Kid> {
    return ctx.linked.get(partner.id) ?? new Set();
  }

  private visibleTo(ctx: Ctx, partner: Partner): Kid[] {
    return [...(ctx.visible.get(partner.id) ?? [])];
  }

  // ---- the demo programme ---------------------------------------------------------------

  private buildMain(): Programme {
    const r = this.rng;
    const programme = this.make(Programme, 'programme', { name: DEMO_PROGRAMME_NAME, inseeCode: '47323' });
    const p = { programme };
    const city = 'Villeneuve-sur-Lot';
    const maternelle = this.partner(p, PartnerKind.SCHOOL, 'École maternelle Paul Bert', '12 rue Paul Bert, 47300 Villeneuve-sur-Lot', { uai: uai(470731), level: SchoolLevel.MATERNELLE, network: SchoolNetwork.REP_PLUS });
    const elementaire = this.partner(p, PartnerKind.SCHOOL, 'École élémentaire Jean Macé', '3 avenue Jean Macé, 47300 Villeneuve-sur-Lot', { uai: uai(470842), level: SchoolLevel.ELEMENTAIRE, network: SchoolNetwork.REP });
    const college = this.partner(p, PartnerKind.SCHOOL, 'Collège Anatole France', '1 rue Anatole France, 47300 Villeneuve-sur-Lot', { uai: uai(470967), level: SchoolLevel.COLLEGE, network: SchoolNetwork.NONE });
    const social = this.partner(p, PartnerKind.SOCIAL_SERVICES, 'Maison départementale des solidarités du Villeneuvois', '8 boulevard de la République, 47300 Villeneuve-sur-Lot');
    const leisure = this.partner(p, PartnerKind.LEISURE_CENTRE, 'Accueil de loisirs des Haras', 'cité des Haras, 47300 Villeneuve-sur-Lot');
    const leisure2 = this.partner(p, PartnerKind.LEISURE_CENTRE, 'Accueil de loisirs Pierre de Coubertin', '25 rue Pierre de Coubertin, 47300 Villeneuve-sur-Lot');
    const health = this.partner(p, PartnerKind.HEALTH, 'Centre médico-psychologique infanto-juvénile', '5 rue de la Gare, 47300 Villeneuve-sur-Lot');
    const sports = this.partner(p, PartnerKind.SPORTS, 'Union sportive villeneuvoise', 'stade de la Myre-Mory, 47300 Villeneuve-sur-Lot');
    const culture = this.partner(p, PartnerKind.CULTURE, 'Médiathèque de Villeneuve-sur-Lot', '23 rue Saint-Étienne, 47300 Villeneuve-sur-Lot');
    const preTeam = this.partner(p, PartnerKind.PRE_TEAM, 'Équipe PRE — Caisse des écoles', 'Hôtel de ville, 47300 Villeneuve-sur-Lot');
    const inclusionService = this.partner(p, PartnerKind.INCLUSION_SERVICE, 'Service inclusion — Caisse des écoles', 'Hôtel de ville, 47300 Villeneuve-sur-Lot');

    this.account(programme, 'admin@demo.example', 'Claire Fabre', { partner: preTeam });
    const coordinator = this.account(programme, 'coordinator@demo.example', 'Hélène Roques', { partner: preTeam });
    const referent = this.account(programme, 'referent@demo.example', 'Samir Belkacem', { partner: preTeam });
    const referent2 = this.account(programme, 'referent2@demo.example', 'Anne-Laure Vidal', { partner: preTeam });
    const inclusion = this.account(programme, 'inclusion@demo.example', 'Mathilde Carrère', { partner: inclusionService });
    const schoolAgent = this.account(programme, 'school@demo.example', 'Olivier Lagarde', { partner: elementaire });
    const socialAgent = this.account(programme, 'social@demo.example', 'Nadia Cherif', { partner: social });
    const leisureAgent = this.account(programme, 'leisure@demo.example', 'Kévin Marty', { partner: leisure });
    const healthAgent = this.account(programme, 'health@demo.example', 'Isabelle Roux', { partner: health });
    const sportsAgent = this.account(programme, 'sports@demo.example', 'Jérôme Bouyssou', { partner: sports });
    this.account(programme, 'analyst@demo.example', 'Paul Delpech', {});
    this.account(programme, 'dpo@demo.example', 'Sylvie Marchand', {});

    const ctx: Ctx = {
      programme, postalCode: '47300', city, qpvCodes: ['QN04701M', 'QN04702M'], preTeam,
      families: [], kids: [], consents: new Map(), linked: new Map(), visible: new Map(),
    };
    const schoolFor = (grade: Grade): Partner => {
      const level = levelOf(grade);
      return level === 'MATERNELLE' ? maternelle : level === 'ELEMENTAIRE' ? elementaire : college;
    };

    // Birth years, shuffled; the guardian family takes a CM1 and a 5e first.
    const years = r.shuffle(BIRTH_YEARS.flatMap(([y, n]) => Array.from({ length: n }, () => y)));
    const takeYear = (y: number) => {
      const i = years.indexOf(y);
      if (i < 0) throw new Error(`no birth year ${y} left`);
      years.splice(i, 1);
      return y;
    };

    // The family of guardian@demo.example: two children, both with a pathway and consents.
    const portalFam = this.newFamily(ctx, { qpv: true, lastName: 'Benali', forceTwoParents: true });
    portalFam.family.qpvCode = 'QN04701M';
    const mother = portalFam.guardians[0]!;
    mother.firstName = 'Karima';
    mother.lastName = 'Benali';
    mother.email = 'guardian@demo.example';
    portalFam.guardians[1]!.firstName = 'Youssef';
    portalFam.guardians[1]!.email = 'youssef.benali@courriel.example';
    this.account(programme, 'guardian@demo.example', 'Karima Benali', { guardian: mother });
    const ines = this.newChild(ctx, portalFam, takeYear(SCHOOL_YEAR - 9), schoolFor, 'Inès');
    const adam = this.newChild(ctx, portalFam, takeYear(SCHOOL_YEAR - 12), schoolFor, 'Adam');

    while (years.length > 0) {
      const size = Math.min(years.length, r.weighted([[1, 45], [2, 35], [3, 20]]));
      const fam = this.newFamily(ctx);
      for (let i = 0; i < size; i++) this.newChild(ctx, fam, years.pop()!, schoolFor);
    }
    const kids = ctx.kids;

    // A few children of school age are not schooled here (home schooling, school elsewhere).
    for (const kid of this.pickKids(kids.filter((k) => k.school && k.fam !== portalFam && k.grade !== Grade.TPS), 4)) {
      kid.child.school = undefined;
      kid.child.grade = undefined;
      kid.child.attendanceConcern = AttendanceConcern.NONE;
      kid.school = undefined;
      kid.grade = undefined;
      kid.child.schoolingArrangements = r.pick(['Instruction en famille déclarée', 'Scolarisé hors commune', 'En attente d\'affectation']);
    }

    // SOCIAL: protection measures for a few children.
    for (const [kid, measure] of this.pickKids(kids.filter((k) => k.fam !== portalFam), 9).map(
      (k, i) => [k, [ProtectionMeasure.AED, ProtectionMeasure.AEMO, ProtectionMeasure.INFORMATION_PREOCCUPANTE][i % 3]!] as const,
    )) {
      kid.child.protectionMeasure = measure;
      kid.child.socialFollowUp = measure === ProtectionMeasure.AEMO ? 'Mesure AEMO, éducatrice référente de l\'ASE.' : measure === ProtectionMeasure.AED ? 'Aide éducative à domicile depuis 2025.' : 'Information préoccupante transmise à la CRIP, évaluation en cours.';
    }

    // ---- inclusion follow-ups (20) ----
    const inclusionPool = kids.filter((k) => k.school && k.grade !== Grade.TPS && k.fam !== portalFam && k.child.protectionMeasure === ProtectionMeasure.NONE);
    const inclusionKids = [ines, ...this.pickKids(inclusionPool, 19)];
    const inclusionStatuses = [
      ...Array<InclusionStatus>(11).fill(InclusionStatus.ACTIVE), ...Array<InclusionStatus>(4).fill(InclusionStatus.ASSESSED),
      ...Array<InclusionStatus>(3).fill(InclusionStatus.OPEN), ...Array<InclusionStatus>(2).fill(InclusionStatus.CLOSED),
    ];
    inclusionKids.forEach((kid, i) => {
      const condition = i === 0 ? CONDITIONS[0]! : CONDITIONS[i % CONDITIONS.length]!;
      const status = inclusionStatuses[i]!;
      kid.condition = condition;
      kid.followUpStatus = status;
      const c = kid.child;
      c.diagnosis = condition.diagnosis;
      c.medicalFollowUp = condition.medicalFollowUp;
      c.treatments = condition.treatments;
      c.mdphDecision = condition.mdphDecision;
      c.hasPps = condition.pps ?? false;
      c.aeshHours = condition.aeshHours;
      c.schoolingArrangements = condition.pps ? `PPS en place. ${condition.schoolAccommodation}` : condition.schoolAccommodation;
      const assessed = status !== InclusionStatus.OPEN;
      const assessedOn = assessed ? dateBetween(r, '2025-02-03', '2026-09-25') : undefined;
      kid.followUp = this.make(InclusionFollowUp, 'inclusion_follow_up', {
        programme, child: c, status, referent: inclusion,
        assessedOn, assessedBy: assessed ? inclusion : undefined,
        findings: assessed ? `Évaluation des besoins réalisée avec la famille et l'école. ${condition.needs}` : undefined,
        familyExpectations: r.pick([
          'Que l\'enfant puisse aller au centre de loisirs le mercredi comme ses camarades.',
          'Une activité sportive adaptée le samedi.',
          'Être rassurés sur la prise en charge pendant la pause méridienne.',
          'Un accueil en séjour de vacances cet été.',
        ]),
        needsInventory: assessed ? condition.needs : undefined,
        existingMeans: assessed ? r.pick(['AESH sur le temps scolaire uniquement', 'Aucun accompagnement hors temps scolaire', 'Suivi CMP hebdomadaire', 'Orthophonie en libéral']) : undefined,
        paiArrangements: condition.pai?.arrangements,
        emergencyProtocol: condition.pai?.emergency,
      });
      // The inclusion service is in the scope of the consent behind every follow-up.
      const draft = this.consentFor(ctx, kid, ConsentPurpose.INCLUSION_FOLLOW_UP, assessedOn ?? dateBetween(r, '2026-09-01', '2026-10-20'), inclusion);
      this.addScope(draft, inclusionService, INCLUSION_SERVICE_SCOPE);
      kid.followUp.consent = Reference.create(draft.consent);
      if (status === InclusionStatus.ACTIVE || status === InclusionStatus.CLOSED || (status === InclusionStatus.ASSESSED && r.chance(0.5))) {
        if (kid.school) this.make(Accommodation, 'accommodation', { programme, followUp: kid.followUp, partner: kid.school, description: condition.schoolAccommodation });
        this.make(Accommodation, 'accommodation', { programme, followUp: kid.followUp, partner: status === InclusionStatus.CLOSED ? leisure2 : leisure, description: condition.leisureAccommodation });
        if (r.chance(0.4)) this.make(Accommodation, 'accommodation', { programme, followUp: kid.followUp, partner: sports, description: 'Séances en petit groupe ; consignes reformulées ; éducateur sportif informé du projet d\'accueil.' });
      }
      if (status === InclusionStatus.ACTIVE || status === InclusionStatus.CLOSED) {
        const activity = r.pick([
          { title: 'Atelier sensoriel en petit groupe', partner: leisure, childTime: ChildTime.PERISCHOOL },
          { title: 'Mercredi au centre de loisirs avec accompagnement renforcé', partner: leisure, childTime: ChildTime.EXTRACURRICULAR },
          { title: 'Natation adaptée', partner: sports, childTime: ChildTime.EXTRACURRICULAR },
          { title: 'Éveil musical adapté', partner: culture, childTime: ChildTime.EXTRACURRICULAR },
          { title: 'Pause méridienne accompagnée', partner: leisure, childTime: ChildTime.PERISCHOOL },
        ]);
        this.make(AdaptedActivity, 'adapted_activity', {
          programme, followUp: kid.followUp, title: activity.title, partner: activity.partner, childTime: activity.childTime,
          description: 'Activité construite avec la famille et la structure après l\'évaluation des besoins.',
        });
      }
    });

    // A few more children with HEALTH data and no follow-up.
    for (const kid of this.pickKids(kids.filter((k) => !k.followUp), 10)) {
      kid.child.medicalFollowUp = r.pick(['Bilan orthophonique demandé', 'Suivi PMI', 'Consultation au CMP en attente', 'Suivi ophtalmologique']);
      if (r.chance(0.4)) kid.child.treatments = 'Lunettes de vue';
    }

    // ---- pathways (60), their referrals and the team meetings ----
    const meetings = TEAM_MEETING_DATES.map((heldOn) => {
      const tm = this.make(TeamMeeting, 'team_meeting', {
        programme, heldOn,
        decisions: 'Examen des fiches de repérage ; décisions d\'entrée dans le dispositif ; désignation des référents.',
      });
      const attending = [preTeam, elementaire, social, ...r.sample([maternelle, college, health, leisure, inclusionService], r.int(1, 3))];
      for (const partner of attending) tm.attendingPartners.add(partner);
      this.counts.team_meeting_attending_partners += attending.length;
      return tm;
    });
    const meetingAfter = (date: string): TeamMeeting | undefined => meetings.find((m) => m.heldOn >= addDays(date, 7));

    const eligible = kids.filter((k) => k.birthYear >= SCHOOL_YEAR - 16 && k.birthYear <= SCHOOL_YEAR - 3 && k.fam !== portalFam);
    // 60 pathways; the guardian's two children come first, with ACTIVE pathways.
    const pathwayStatuses: PathwayStatus[] = [PathwayStatus.ACTIVE, PathwayStatus.ACTIVE, ...r.shuffle([
      ...Array<PathwayStatus>(32).fill(PathwayStatus.ACTIVE), ...Array<PathwayStatus>(6).fill(PathwayStatus.DRAFT),
      ...Array<PathwayStatus>(5).fill(PathwayStatus.SUSPENDED), ...Array<PathwayStatus>(15).fill(PathwayStatus.CLOSED),
    ])];
    // Elementary children of the REP school first: the school agent should see many pathways.
    const pathwayKids = [
      ines, adam,
      ...this.pickKids(eligible.filter((k) => k.school === elementaire), 26),
    ];
    pathwayKids.push(...this.pickKids(eligible, pathwayStatuses.length - pathwayKids.length, new Set(pathwayKids)));
    const referrerFor = (kid: Kid): Account => {
      if (kid.school === elementaire && r.chance(0.7)) return schoolAgent;
      return r.weighted([[socialAgent, 40], [healthAgent, 15], [leisureAgent, 15], [sportsAgent, 10], [coordinator, 20]]);
    };
    const referral = (kid: Kid, status: ReferralStatus, referredOn: string, extra: { decidedOn?: string; reason?: string; meeting?: TeamMeeting; assignedTo?: Account }) => {
      const by = referrerFor(kid);
      const domains = r.sample(Object.values(Domain), r.int(1, 3));
      return this.make(Referral, 'referral', {
        programme, child: kid.child, referringPartner: by.partner!, referringAccount: by,
        assignedTo: extra.assignedTo, referredOn, domains,
        description: r.pick([
          'Absences répétées le lundi, fatigue en classe ; la famille semble dépassée.',
          'Difficultés d\'apprentissage en lecture, enfant isolé dans la cour.',
          'Comportement agité, conflits fréquents ; la mère demande de l\'aide.',
          'Famille récemment arrivée, besoin d\'accompagnement pour les démarches scolaires.',
          'Enfant très en retrait, repéré par l\'infirmière scolaire.',
          'Décrochage scolaire au collège, refus d\'aller en cours.',
        ]),
        status, decidedOn: extra.decidedOn, decisionReason: extra.reason, teamMeeting: extra.meeting,
      });
    };

    const firstPathwayReferent = (i: number): Account => (i < 2 || i % 3 !== 2 ? referent : referent2);
    const collectiveCandidates: Pathway[] = [];
    pathwayKids.forEach((kid, i) => {
      const status = pathwayStatuses[i]!;
      const ref = firstPathwayReferent(i);
      const referredOn = status === PathwayStatus.CLOSED ? dateBetween(r, '2024-09-10', '2025-05-30')
        : status === PathwayStatus.DRAFT ? dateBetween(r, '2026-09-01', '2026-10-06')
          : status === PathwayStatus.SUSPENDED ? dateBetween(r, '2024-12-01', '2025-12-31')
            : dateBetween(r, '2024-12-01', '2026-06-01');
      const meeting = meetingAfter(referredOn)!;
      referral(kid, ReferralStatus.ACCEPTED, referredOn, {
        decidedOn: meeting.heldOn, meeting, assignedTo: ref,
        reason: 'Entrée dans le dispositif validée par l\'équipe pluridisciplinaire.',
      });
      const startDate = status === PathwayStatus.DRAFT ? undefined : addDays(meeting.heldOn, r.int(10, 30));
      let endDate: string | undefined;
      if (status === PathwayStatus.CLOSED) {
        endDate = addDays(startDate!, r.int(250, 500));
        if (endDate > '2026-10-30') endDate = '2026-10-30';
      }
      // One closed pathway ended because the parents withdrew their consent.
      const withdrawnConsent = status === PathwayStatus.CLOSED && pathwayStatuses.indexOf(PathwayStatus.CLOSED) === i;
      const consentDraft = this.consentFor(ctx, kid, ConsentPurpose.PATHWAY, startDate ?? meeting.heldOn, ref,
        withdrawnConsent ? { on: endDate!, by: ref } : undefined);
      this.addScope(consentDraft, preTeam, ALL_CHILD_CATEGORIES);
      const closureReason = status !== PathwayStatus.CLOSED ? undefined : withdrawnConsent ? 'Retrait du consentement par la famille'
        : r.pick(['Objectifs atteints', 'Déménagement de la famille', 'Relais par un dispositif de droit commun', 'Fin de l\'accompagnement à la demande de la famille']);
      const pathway = this.make(Pathway, 'pathway', {
        programme, child: kid.child, referent: ref, status, startDate, endDate, closureReason,
        closureKind: closureReason === undefined ? undefined : DEMO_CLOSURE_KINDS[closureReason],
        consent: consentDraft.consent,
      });
      kid.pathway = pathway;
      kid.pathwayStatus = status;

      // Objectives, individual actions and reviews.
      const domains = r.sample(Object.values(Domain), r.int(1, 3));
      for (const domain of domains) {
        this.make(Objective, 'objective', {
          programme, pathway, domain, text: r.pick(OBJECTIVE_TEXTS[domain]),
          status: status === PathwayStatus.CLOSED
            ? r.pick([ObjectiveStatus.ACHIEVED, ObjectiveStatus.PARTLY_ACHIEVED, ObjectiveStatus.NOT_ACHIEVED])
            : status === PathwayStatus.ACTIVE && r.chance(0.2) ? ObjectiveStatus.ACHIEVED
              : status === PathwayStatus.SUSPENDED && r.chance(0.3) ? ObjectiveStatus.ABANDONED : ObjectiveStatus.OPEN,
        });
      }
      const providerFor = (domain: Domain): Partner => ({
        SCHOOL: kid.school ?? preTeam, SOCIAL: social, CULTURE: culture, EDUCATION: leisure, HEALTH: health, SPORT: sports, PARENTING: preTeam,
      })[domain];
      const timeFor = (domain: Domain): ChildTime => ({
        SCHOOL: ChildTime.SCHOOL_TIME, SOCIAL: ChildTime.FAMILY_TIME, CULTURE: ChildTime.EXTRACURRICULAR, EDUCATION: ChildTime.PERISCHOOL,
        HEALTH: ChildTime.FAMILY_TIME, SPORT: ChildTime.EXTRACURRICULAR, PARENTING: ChildTime.FAMILY_TIME,
      })[domain];
      for (const domain of domains.slice(0, status === PathwayStatus.DRAFT ? 1 : 2)) {
        const actionStart = startDate ? addDays(startDate, r.int(0, 45)) : undefined;
        const action = this.make(Action, 'action', {
          programme, title: r.pick(ACTION_TITLES[domain]), kind: ActionKind.INDIVIDUAL, domain, childTime: timeFor(domain),
          provider: providerFor(domain), startDate: actionStart,
          endDate: status === PathwayStatus.CLOSED ? endDate : undefined,
          status: status === PathwayStatus.DRAFT ? ActionStatus.PLANNED
            : status === PathwayStatus.CLOSED ? r.pick([ActionStatus.DONE, ActionStatus.DONE, ActionStatus.CANCELLED])
              : r.pick([ActionStatus.IN_PROGRESS, ActionStatus.IN_PROGRESS, ActionStatus.PLANNED, ActionStatus.DONE]),
          outcome: status === PathwayStatus.CLOSED ? r.pick(['Progrès nets constatés par l\'enseignant.', 'Participation régulière.', 'Action interrompue, famille peu disponible.']) : undefined,
        });
        action.pathways.add(pathway);
        this.counts.action_pathway++;
      }
      if (status !== PathwayStatus.DRAFT) {
        collectiveCandidates.push(pathway);
        const reviewCount = status === PathwayStatus.CLOSED ? 2 : status === PathwayStatus.SUSPENDED ? 1 : r.int(0, 2);
        for (let n = 0; n < reviewCount; n++) {
          const heldOn = status === PathwayStatus.CLOSED && n === reviewCount - 1 ? endDate! : addDays(startDate!, 90 * (n + 1) + r.int(0, 20));
          if (heldOn > DEMO_TODAY) break; // no review in the future
          this.make(Review, 'review', {
            programme, pathway, heldOn,
            progress: r.pick([
              'Assiduité en nette amélioration ; l\'enfant participe volontiers aux ateliers.',
              'Progrès en lecture ; la famille s\'implique dans le suivi.',
              'Peu d\'évolution ; la famille a été difficile à joindre ce trimestre.',
              'Bonne intégration au club ; confiance en soi en hausse.',
            ]),
            nextSteps: status === PathwayStatus.CLOSED && n === reviewCount - 1 ? 'Clôture du parcours ; relais présenté à la famille.' : r.pick(['Maintenir les actions en cours.', 'Prévoir un rendez-vous avec l\'enseignant.', 'Proposer une activité sportive.']),
            author: ref,
          });
        }
      }
    });

    // Three collective actions, each shared by several pathways.
    const collectives = [
      { title: 'Club coup de pouce lecture-écriture', domain: Domain.SCHOOL, childTime: ChildTime.PERISCHOOL, provider: elementaire, count: 9 },
      { title: 'Stage multisport des vacances de printemps', domain: Domain.SPORT, childTime: ChildTime.EXTRACURRICULAR, provider: sports, count: 12 },
      { title: 'Café des parents', domain: Domain.PARENTING, childTime: ChildTime.FAMILY_TIME, provider: preTeam, count: 8 },
    ];
    for (const spec of collectives) {
      const action = this.make(Action, 'action', {
        programme, title: spec.title, kind: ActionKind.COLLECTIVE, domain: spec.domain, childTime: spec.childTime, provider: spec.provider,
        startDate: '2025-09-15', endDate: '2026-06-30', status: ActionStatus.IN_PROGRESS,
      });
      const members = spec.domain === Domain.SCHOOL
        ? collectiveCandidates.filter((pw) => pathwayKids.find((k) => k.pathway === pw)?.school === elementaire)
        : collectiveCandidates;
      for (const pathway of r.sample(members, spec.count)) {
        action.pathways.add(pathway);
        this.counts.action_pathway++;
      }
    }

    // Referrals in the other statuses, for children without a pathway.
    const withoutPathway = kids.filter((k) => !k.pathway && k.fam !== portalFam);
    const referralPlan: [ReferralStatus, number][] = [
      [ReferralStatus.SUBMITTED, 8], [ReferralStatus.UNDER_REVIEW, 7], [ReferralStatus.DECLINED, 6], [ReferralStatus.WITHDRAWN, 4],
    ];
    const referralKids = this.pickKids(withoutPathway.filter((k) => k.birthYear >= SCHOOL_YEAR - 16), 25);
    // One declined referral is for a child over 16: eligibility is shown, not enforced, but here it was decisive.
    const tooOld = kids.find((k) => k.birthYear === SCHOOL_YEAR - 17);
    let cursor = 0;
    for (const [status, count] of referralPlan) {
      for (let n = 0; n < count; n++) {
        const kid = status === ReferralStatus.DECLINED && n === 0 && tooOld ? tooOld : referralKids[cursor++]!;
        if (status === ReferralStatus.SUBMITTED) {
          referral(kid, status, dateBetween(r, '2026-10-05', '2026-10-30'), {});
        } else if (status === ReferralStatus.UNDER_REVIEW) {
          referral(kid, status, dateBetween(r, '2026-09-15', '2026-10-20'), { assignedTo: n % 2 === 0 ? referent : referent2 });
        } else if (status === ReferralStatus.DECLINED) {
          const on = dateBetween(r, '2025-01-06', '2026-09-15');
          const meeting = meetingAfter(on)!;
          referral(kid, status, on, {
            decidedOn: meeting.heldOn, meeting,
            reason: kid === tooOld ? 'Hors critères d\'âge (plus de 16 ans) ; orientation vers la mission locale.' : r.pick(['Situation relevant du droit commun', 'Famille non favorable à l\'accompagnement', 'Déjà accompagné par un autre dispositif']),
          });
        } else {
          const on = dateBetween(r, '2025-01-06', '2026-09-15');
          referral(kid, status, on, { decidedOn: addDays(on, r.int(5, 30)), reason: 'Retrait par le partenaire : la famille a déménagé.' });
        }
      }
    }

    // ---- service links ----
    const pathwayPurpose = (kid: Kid): ConsentPurpose =>
      kid.pathway && kid.pathwayStatus !== PathwayStatus.CLOSED ? ConsentPurpose.PATHWAY : ConsentPurpose.INFORMATION_SHARING;
    const active = ServiceLinkStatus.ACTIVE;

    // The REP school: 40 active links, and one link in each other status for other children.
    const elemKids = kids.filter((k) => k.school === elementaire);
    const schoolActive = [ines, ...elemKids.filter((k) => k.pathway && k !== ines && k.pathwayStatus !== PathwayStatus.CLOSED)].slice(0, 30);
    schoolActive.push(...this.pickKids(elemKids.filter((k) => k.followUp), 40 - schoolActive.length, new Set(schoolActive)).slice(0, 5));
    schoolActive.push(...this.pickKids(elemKids, 40 - schoolActive.length, new Set(schoolActive)));
    for (const kid of schoolActive) {
      this.link(ctx, { kid, partner: elementaire, categories: SCHOOL_LINK, status: active, purpose: pathwayPurpose(kid), createdBy: coordinator, origin: preTeam });
    }
    const [schoolProposed, schoolSuspended, schoolRevoked, schoolExpired, schoolStale] = this.pickKids(elemKids, 5, this.linkedTo(ctx, elementaire));
    this.link(ctx, { kid: schoolProposed!, partner: elementaire, categories: SCHOOL_LINK, status: ServiceLinkStatus.PROPOSED, purpose: ConsentPurpose.INFORMATION_SHARING, createdBy: coordinator, origin: preTeam });
    this.link(ctx, { kid: schoolSuspended!, partner: elementaire, categories: SCHOOL_LINK, status: ServiceLinkStatus.SUSPENDED, purpose: ConsentPurpose.INFORMATION_SHARING, createdBy: coordinator, origin: preTeam });
    this.link(ctx, { kid: schoolRevoked!, partner: elementaire, categories: SCHOOL_LINK, status: ServiceLinkStatus.REVOKED, purpose: ConsentPurpose.INFORMATION_SHARING, createdBy: coordinator, origin: preTeam, consentWithdrawn: true });
    this.link(ctx, { kid: schoolExpired!, partner: elementaire, categories: SCHOOL_LINK, status: ServiceLinkStatus.EXPIRED, purpose: ConsentPurpose.INFORMATION_SHARING, createdBy: coordinator, origin: preTeam });
    // The only ACTIVE link past its end: the school must not see this child.
    this.link(ctx, {
      kid: schoolStale!, partner: elementaire, categories: SCHOOL_LINK, status: active, purpose: ConsentPurpose.INFORMATION_SHARING,
      createdBy: coordinator, origin: preTeam, validFrom: '2024-09-02', validUntil: PAST_SCHOOL_YEAR_END,
    });

    // The other schools have no agent account, but they are partners with links too.
    for (const kid of this.pickKids(kids.filter((k) => k.school === college), 10)) {
      this.link(ctx, { kid, partner: college, categories: SCHOOL_LINK, status: active, purpose: pathwayPurpose(kid), createdBy: coordinator, origin: preTeam });
    }
    if (!this.linkedTo(ctx, college).has(adam)) {
      this.link(ctx, { kid: adam, partner: college, categories: SCHOOL_LINK, status: active, purpose: ConsentPurpose.PATHWAY, createdBy: coordinator, origin: preTeam });
    }
    for (const kid of this.pickKids(kids.filter((k) => k.school === maternelle), 6)) {
      this.link(ctx, { kid, partner: maternelle, categories: SCHOOL_LINK, status: active, purpose: pathwayPurpose(kid), createdBy: coordinator, origin: preTeam });
    }

    // Inclusion links (created by the inclusion referent): leisure centre, health, sports.
    const activeFollowUps = inclusionKids.filter((k) => k.followUpStatus === InclusionStatus.ACTIVE);
    const inclusionLink = (kid: Kid, partner: Partner, categories: readonly DataCategory[], status: ServiceLinkStatus) =>
      this.link(ctx, { kid, partner, categories, status, purpose: ConsentPurpose.INCLUSION_FOLLOW_UP, createdBy: inclusion, origin: inclusionService });
    for (const kid of activeFollowUps.slice(0, 9)) inclusionLink(kid, leisure, LEISURE_LINK, active);
    for (const kid of activeFollowUps.filter((k) => k.condition?.pai || k === ines).slice(0, 6)) inclusionLink(kid, health, HEALTH_LINK, active);
    for (const kid of activeFollowUps.filter((k) => !this.linkedTo(ctx, health).has(k)).slice(0, 2)) inclusionLink(kid, health, HEALTH_LINK, active);
    for (const kid of activeFollowUps.slice(9, 11)) inclusionLink(kid, sports, LEISURE_LINK, active);
    for (const kid of inclusionKids.filter((k) => k.followUpStatus === InclusionStatus.ASSESSED).slice(0, 2)) inclusionLink(kid, leisure, LEISURE_LINK, ServiceLinkStatus.PROPOSED);
    for (const kid of inclusionKids.filter((k) => k.followUpStatus === InclusionStatus.CLOSED)) inclusionLink(kid, leisure2, LEISURE_LINK, ServiceLinkStatus.EXPIRED);
    const assessedWithoutLink = inclusionKids.find((k) => k.followUpStatus === InclusionStatus.ASSESSED && !this.linkedTo(ctx, health).has(k));
    if (assessedWithoutLink) inclusionLink(assessedWithoutLink, health, HEALTH_LINK, ServiceLinkStatus.PROPOSED);

    // Leisure centre: 6 more active links for children of pathways (education actions), one revoked.
    const pathwayKidsOpen = pathwayKids.filter((k) => k.pathwayStatus === PathwayStatus.ACTIVE && k.fam !== portalFam);
    for (const kid of this.pickKids(pathwayKidsOpen, 6, this.linkedTo(ctx, leisure))) {
      this.link(ctx, { kid, partner: leisure, categories: LEISURE_LINK, status: active, purpose: ConsentPurpose.PATHWAY, createdBy: coordinator, origin: preTeam });
    }
    this.link(ctx, { kid: this.pickKids(kids, 1, this.linkedTo(ctx, leisure))[0]!, partner: leisure, categories: LEISURE_LINK, status: ServiceLinkStatus.REVOKED, purpose: ConsentPurpose.INFORMATION_SHARING, createdBy: coordinator, origin: preTeam, revocationReason: 'Fin de l\'inscription au centre de loisirs' });
    for (const kid of this.pickKids(kids.filter((k) => k.birthYear >= SCHOOL_YEAR - 11 && k.birthYear <= SCHOOL_YEAR - 3), 4)) {
      this.link(ctx, { kid, partner: leisure2, categories: LEISURE_LINK, status: active, purpose: ConsentPurpose.INFORMATION_SHARING, createdBy: coordinator, origin: preTeam });
    }

    // Social services: 6 on consent, 3 on the shared secret of L.226-2-2 (parents informed), 1 on L.121-6-2 (not informed).
    const protectedKids = kids.filter((k) => k.child.protectionMeasure !== ProtectionMeasure.NONE);
    const secretKids = protectedKids.slice(0, 4);
    secretKids.forEach((kid, i) => {
      const informed = i < 3;
      this.link(ctx, {
        kid, partner: social, categories: SOCIAL_LINK, status: active, purpose: ConsentPurpose.INFORMATION_SHARING, createdBy: coordinator, origin: preTeam,
        basis: informed ? LegalBasis.SHARED_SECRET_L226_2_2 : LegalBasis.SHARED_SECRET_L121_6_2,
        parentsInformedOn: informed ? dateBetween(r, '2025-01-06', '2025-06-30') : undefined,
        parentsNotInformedReason: informed ? undefined : 'Information des parents contraire à l\'intérêt de l\'enfant : évaluation d\'une situation de danger en cours.',
      });
    });
    for (const kid of this.pickKids(pathwayKidsOpen, 6, this.linkedTo(ctx, social))) {
      this.link(ctx, { kid, partner: social, categories: SOCIAL_LINK, status: active, purpose: ConsentPurpose.PATHWAY, createdBy: coordinator, origin: preTeam });
    }
    this.link(ctx, { kid: this.pickKids(kids, 1, this.linkedTo(ctx, social))[0]!, partner: social, categories: SOCIAL_LINK, status: ServiceLinkStatus.SUSPENDED, purpose: ConsentPurpose.INFORMATION_SHARING, createdBy: coordinator, origin: preTeam });

    // Sports club: 3 more active links from pathways with a sport action; Adam's link was revoked when his mother withdrew her consent.
    for (const kid of this.pickKids(pathwayKidsOpen, 3, this.linkedTo(ctx, sports))) {
      this.link(ctx, { kid, partner: sports, categories: LEISURE_LINK, status: active, purpose: ConsentPurpose.PATHWAY, createdBy: coordinator, origin: preTeam });
    }
    this.link(ctx, { kid: adam, partner: sports, categories: LEISURE_LINK, status: ServiceLinkStatus.REVOKED, purpose: ConsentPurpose.INFORMATION_SHARING, createdBy: coordinator, origin: preTeam, consentWithdrawn: true, revokedOn: '2026-10-12' });
    this.link(ctx, { kid: this.pickKids(kids, 1, this.linkedTo(ctx, sports))[0]!, partner: sports, categories: LEISURE_LINK, status: ServiceLinkStatus.SUSPENDED, purpose: ConsentPurpose.INFORMATION_SHARING, createdBy: coordinator, origin: preTeam });

    // Culture: a few library links.
    for (const kid of this.pickKids(pathwayKidsOpen, 3, this.linkedTo(ctx, culture))) {
      this.link(ctx, { kid, partner: culture, categories: [DataCategory.IDENTITY, DataCategory.CONTACT], status: active, purpose: ConsentPurpose.PATHWAY, createdBy: coordinator, origin: preTeam });
    }
    this.flushScopes(ctx);

    // ---- observations by partner accounts, in their own categories ----
    const observe = (author: Account, category: DataCategory, pool: Iterable<Kid>, count: number, texts: readonly string[]) => {
      for (const kid of this.rng.sample([...pool], count)) {
        this.make(Observation, 'observation', { programme, child: kid.child, category, author, partner: author.partner, text: r.pick(texts) });
      }
    };
    observe(schoolAgent, DataCategory.SCHOOLING, schoolActive, 25, [
      'Absences en hausse ce mois-ci, surtout le lundi matin.',
      'Progrès en lecture depuis l\'entrée au club coup de pouce.',
      'Difficultés de concentration l\'après-midi.',
      'Devoirs rarement faits ; entretien avec la mère prévu.',
      'Très bonne participation en classe ce trimestre.',
    ]);
    observe(socialAgent, DataCategory.SOCIAL, this.visibleTo(ctx, social).filter((k) => k.child.protectionMeasure === ProtectionMeasure.NONE || r.chance(0.5)), 8, [
      'Rendez-vous avec la famille : démarches CAF engagées.',
      'Relogement de la famille prévu en décembre.',
      'La mère a repris une formation ; organisation de la garde à revoir.',
    ]);
    observe(healthAgent, DataCategory.HEALTH, this.visibleTo(ctx, health), 6, [
      'Consultation réalisée ; suivi mensuel proposé.',
      'Bilan orthophonique à programmer.',
      'Traitement bien toléré selon la famille.',
    ]);
    observe(inclusion, DataCategory.INCLUSION, inclusionKids, 18, [
      'Visite au centre de loisirs : l\'accueil se passe bien avec l\'animateur référent.',
      'Réunion avec l\'équipe d\'animation pour présenter le projet d\'accueil.',
      'Besoin d\'un temps calme après le repas confirmé.',
      'La famille souhaite étendre l\'accueil aux vacances scolaires.',
    ]);
    observe(leisureAgent, DataCategory.INCLUSION, this.visibleTo(ctx, leisure).filter((k) => k.followUp), 6, [
      'Bonne journée, l\'enfant a participé à toute l\'activité.',
      'Un moment difficile lors de la sortie ; retour au calme avec le planning visuel.',
      'Trousse PAI vérifiée avant la sortie.',
    ]);

    // ---- family meetings ----
    for (const kid of inclusionKids) {
      this.make(FamilyMeeting, 'family_meeting', {
        programme, family: kid.fam.family, child: kid.child, heldBy: inclusion,
        heldOn: kid.followUp?.assessedOn ?? dateBetween(r, '2026-09-15', '2026-10-30'),
        attendees: `${kid.fam.authority[0]!.firstName} ${kid.fam.authority[0]!.lastName} (responsable légal), ${inclusion.displayName} (référente inclusion)`,
        expectations: kid.followUp?.familyExpectations,
        needs: kid.condition?.needs,
        existingMeans: kid.followUp?.existingMeans,
        nextSteps: 'Rencontre avec la structure d\'accueil ; rédaction du projet d\'accueil.',
      });
    }
    for (const kid of r.sample(pathwayKids.filter((k) => k.pathwayStatus === PathwayStatus.ACTIVE), 8)) {
      this.make(FamilyMeeting, 'family_meeting', {
        programme, family: kid.fam.family, child: kid.child, heldBy: kid.pathway!.referent,
        heldOn: minDate(addDays(kid.pathway!.startDate!, r.int(5, 40)), DEMO_TODAY),
        attendees: 'Parents, référent de parcours',
        expectations: 'Que leur enfant retrouve le goût de l\'école.',
        needs: 'Soutien à la scolarité ; activité extrascolaire.',
        nextSteps: 'Point d\'étape dans trois mois.',
      });
    }

    // ---- workshops (no child data) ----
    const workshops = [
      { heldOn: '2026-02-11', topic: 'Accueillir un enfant autiste en accueil de loisirs', partners: [leisure, leisure2, sports], count: 14 },
      { heldOn: '2026-04-08', topic: 'Mettre en œuvre un PAI : allergies et protocole d\'urgence', partners: [leisure, leisure2, maternelle, elementaire], count: 22 },
      { heldOn: '2026-09-30', topic: 'Handicaps invisibles : troubles dys et TDAH au quotidien', partners: [leisure, culture, sports, college], count: 17 },
    ];
    for (const w of workshops) {
      const workshop = this.make(Workshop, 'workshop', { programme, heldOn: w.heldOn, topic: w.topic, facilitator: inclusion, professionalsCount: w.count });
      for (const partner of w.partners) workshop.attendingPartners.add(partner);
      this.counts.workshop_attending_partners += w.partners.length;
    }
    return programme;
  }

  // ---- the isolation programme ----------------------------------------------------------

  private buildOther(): Programme {
    const r = this.rng;
    const programme = this.make(Programme, 'programme', { name: OTHER_PROGRAMME_NAME, inseeCode: '93048' });
    const p = { programme };
    const school = this.partner(p, PartnerKind.SCHOOL, 'École élémentaire Jules Ferry', '10 rue Jules Ferry, 93100 Montreuil', { uai: uai(931187), level: SchoolLevel.ELEMENTAIRE, network: SchoolNetwork.REP_PLUS });
    const college = this.partner(p, PartnerKind.SCHOOL, 'Collège Jean Moulin', '2 rue Jean Moulin, 93100 Montreuil', { uai: uai(931542), level: SchoolLevel.COLLEGE, network: SchoolNetwork.REP });
    this.partner(p, PartnerKind.SOCIAL_SERVICES, 'Service social départemental de Montreuil', '6 place de la Libération, 93100 Montreuil');
    const leisure = this.partner(p, PartnerKind.LEISURE_CENTRE, 'Centre de loisirs Paul Éluard', '40 rue Paul Éluard, 93100 Montreuil');
    const preTeam = this.partner(p, PartnerKind.PRE_TEAM, 'Équipe PRE de Montreuil', 'Hôtel de ville, 93100 Montreuil');
    const coordinator = this.account(programme, 'coordinator@other.example', 'Fatou Sissoko', { partner: preTeam });
    const schoolAgent = this.account(programme, 'school@other.example', 'Bruno Lemaire', { partner: school });

    const ctx: Ctx = {
      programme, postalCode: '93100', city: 'Montreuil', qpvCodes: ['QN09305M', 'QN09306M'], preTeam,
      families: [], kids: [], consents: new Map(), linked: new Map(), visible: new Map(),
    };
    const schoolFor = (grade: Grade): Partner | undefined => {
      const level = levelOf(grade);
      return level === 'ELEMENTAIRE' ? school : level === 'COLLEGE' ? college : undefined;
    };
    const years = [2019, 2018, 2018, 2017, 2016, 2016, 2015, 2014, 2013, 2012].map((y) => y + (SCHOOL_YEAR - 2026));
    while (years.length > 0) {
      const fam = this.newFamily(ctx);
      const size = Math.min(years.length, r.int(1, 2));
      for (let i = 0; i < size; i++) this.newChild(ctx, fam, years.shift()!, schoolFor);
    }
    const schoolKids = ctx.kids.filter((k) => k.school === school);
    for (const kid of schoolKids.slice(0, 4)) {
      this.link(ctx, { kid, partner: school, categories: SCHOOL_LINK, status: ServiceLinkStatus.ACTIVE, purpose: ConsentPurpose.INFORMATION_SHARING, createdBy: coordinator, origin: preTeam });
    }
    for (const kid of ctx.kids.slice(0, 2)) {
      this.link(ctx, { kid, partner: leisure, categories: LEISURE_LINK, status: ServiceLinkStatus.ACTIVE, purpose: ConsentPurpose.INFORMATION_SHARING, createdBy: coordinator, origin: preTeam });
    }
    ctx.kids.slice(0, 3).forEach((kid, i) => {
      const referredOn = dateBetween(r, '2025-09-08', '2026-03-20');
      this.make(Referral, 'referral', {
        programme, child: kid.child, referringPartner: school, referringAccount: schoolAgent, assignedTo: coordinator,
        referredOn, domains: [Domain.SCHOOL], description: 'Absences fréquentes et difficultés en lecture.',
        status: i < 2 ? ReferralStatus.ACCEPTED : ReferralStatus.SUBMITTED, decidedOn: i < 2 ? addDays(referredOn, 21) : undefined,
      });
      if (i < 2) {
        const startDate = addDays(referredOn, 35);
        const draft = this.consentFor(ctx, kid, ConsentPurpose.PATHWAY, startDate, coordinator);
        this.addScope(draft, preTeam, ALL_CHILD_CATEGORIES);
        const pathway = this.make(Pathway, 'pathway', { programme, child: kid.child, referent: coordinator, status: PathwayStatus.ACTIVE, startDate, consent: draft.consent });
        this.make(Objective, 'objective', { programme, pathway, domain: Domain.SCHOOL, text: 'Retrouver une assiduité régulière', status: ObjectiveStatus.OPEN });
        const action = this.make(Action, 'action', {
          programme, title: 'Accompagnement à la scolarité', kind: ActionKind.INDIVIDUAL, domain: Domain.SCHOOL, childTime: ChildTime.PERISCHOOL,
          provider: preTeam, startDate, status: ActionStatus.IN_PROGRESS,
        });
        action.pathways.add(pathway);
        this.counts.action_pathway++;
      }
    });
    this.flushScopes(ctx);
    for (const kid of schoolKids.slice(0, 2)) {
      this.make(Observation, 'observation', { programme, child: kid.child, category: DataCategory.SCHOOLING, author: schoolAgent, partner: school, text: 'Absences le vendredi après-midi.' });
    }
    return programme;
  }
}
