import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Account,
  Child,
  Consent,
  ConsentMethod,
  ConsentPurpose,
  ConsentScope,
  DataCategory,
  Family,
  Guardian,
  GuardianRelationship,
  InclusionFollowUp,
  InclusionStatus,
  LegalBasis,
  Partner,
  PartnerKind,
  Programme,
  Role,
  SchoolNetwork,
  ServiceLink,
  ServiceLinkStatus,
} from '../../src/entities';

/**
 * Factories for test data: each builds one valid row with sensible defaults, and takes
 * overrides for what a test is about. Rows are persisted; call `em.flush()` once after.
 */

let counter = 0;
const next = () => (counter += 1);

/**
 * UAI codes are unique across the database, and the test files of a jest worker share one
 * database, each with its own counter: each file draws its own range.
 */
const UAI_BASE = Math.floor(Math.random() * 8_000_000);
const uaiOf = (n: number) => `${String(1_000_000 + ((UAI_BASE + n) % 8_999_999)).padStart(7, '0')}${'ABCDEFGH'[n % 8]}`;

export function programme(em: EntityManager, overrides: Partial<Programme> = {}): Programme {
  return em.create(Programme, { name: `PRE test ${next()}`, inseeCode: '75056', ...overrides });
}

export function partner(em: EntityManager, prog: Programme, overrides: Partial<Partner> = {}): Partner {
  const n = next();
  const kind = overrides.kind ?? PartnerKind.SCHOOL;
  return em.create(Partner, {
    programme: prog,
    kind,
    name: `${kind} ${n}`,
    network: SchoolNetwork.NONE,
    ...(kind === PartnerKind.SCHOOL ? { uai: uaiOf(n) } : {}),
    ...overrides,
  } as Partner);
}

export function account(
  em: EntityManager,
  prog: Programme,
  role: Role,
  overrides: Partial<Account> = {},
): Account {
  const n = next();
  const email = overrides.email ?? `${role.toLowerCase()}-${n}-${randomUUID().slice(0, 8)}@test.example`;
  return em.create(Account, {
    programme: prog,
    role,
    email,
    subject: `test|${email}`,
    displayName: `${role} ${n}`,
    ...overrides,
  } as Account);
}

export function family(em: EntityManager, prog: Programme, overrides: Partial<Family> = {}): Family {
  return em.create(Family, {
    programme: prog,
    addressLine: `${next()} rue de la République`,
    postalCode: '75011',
    city: 'Paris',
    ...overrides,
  } as Family);
}

export function guardian(em: EntityManager, fam: Family, overrides: Partial<Guardian> = {}): Guardian {
  return em.create(Guardian, {
    programme: fam.programme,
    family: fam,
    firstName: 'Fatou',
    lastName: `Parent${next()}`,
    relationship: GuardianRelationship.MOTHER,
    phone: '0612345678',
    email: `parent${counter}@test.example`,
    ...overrides,
  } as Guardian);
}

export function child(em: EntityManager, fam: Family, overrides: Partial<Child> = {}): Child {
  const n = next();
  return em.create(Child, {
    programme: fam.programme,
    family: fam,
    firstName: `Enfant${n}`,
    lastName: `Nom${String(n).padStart(5, '0')}`,
    birthDate: '2016-05-12',
    ...overrides,
  } as Child);
}

export function consent(
  em: EntityManager,
  kid: Child,
  by: Guardian,
  scope: { partner: Partner; categories: DataCategory[] }[],
  overrides: Partial<Consent> = {},
): Consent {
  const c = em.create(Consent, {
    programme: kid.programme,
    child: kid,
    givenBy: by,
    givenAt: new Date('2025-01-10T10:00:00Z'),
    method: ConsentMethod.SIGNED_FORM,
    purpose: ConsentPurpose.INFORMATION_SHARING,
    ...overrides,
  } as Consent);
  for (const line of scope) {
    em.create(ConsentScope, { programme: kid.programme, consent: c, partner: line.partner, categories: line.categories });
  }
  return c;
}

export function serviceLink(
  em: EntityManager,
  kid: Child,
  to: Partner,
  createdBy: Account,
  overrides: Partial<ServiceLink> = {},
): ServiceLink {
  return em.create(ServiceLink, {
    programme: kid.programme,
    child: kid,
    partner: to,
    purpose: ConsentPurpose.INFORMATION_SHARING,
    categories: [DataCategory.IDENTITY],
    legalBasis: LegalBasis.SHARED_SECRET_L226_2_2,
    parentsInformedOn: '2025-01-01',
    createdBy,
    status: ServiceLinkStatus.ACTIVE,
    validFrom: '2025-01-01',
    ...overrides,
  } as ServiceLink);
}

/** The categories a family's INCLUSION_FOLLOW_UP consent gives the inclusion service (HEALTH when asked). */
export function inclusionScope(health = true): DataCategory[] {
  const { IDENTITY, CONTACT, SCHOOLING, HEALTH, INCLUSION } = DataCategory;
  return health ? [IDENTITY, CONTACT, SCHOOLING, HEALTH, INCLUSION] : [IDENTITY, CONTACT, SCHOOLING, INCLUSION];
}

/**
 * A follow-up opened with the family's INCLUSION_FOLLOW_UP consent naming the inclusion
 * service (access-policy.md, INCLUSION_REFERENT rows): the child enters the inclusion
 * referents' rows, with HEALTH when the consent's scope gives it.
 */
export function inclusionFollowUp(
  em: EntityManager,
  kid: Child,
  by: Guardian,
  service: Partner,
  options: { health?: boolean; consent?: Partial<Consent>; followUp?: Partial<InclusionFollowUp> } = {},
): { consent: Consent; followUp: InclusionFollowUp } {
  const given = consent(em, kid, by, [{ partner: service, categories: inclusionScope(options.health ?? true) }], {
    purpose: ConsentPurpose.INCLUSION_FOLLOW_UP,
    ...options.consent,
  });
  const followUp = em.create(InclusionFollowUp, {
    programme: kid.programme,
    child: kid,
    consent: given,
    status: InclusionStatus.OPEN,
    ...options.followUp,
  } as InclusionFollowUp);
  return { consent: given, followUp };
}
