import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  ActionKind, ActionStatus, AttendanceConcern, ChildTime, ConsentMethod, ConsentPurpose, DataCategory, Domain, Grade,
  GuardianRelationship, InclusionStatus, LegalBasis, ObjectiveStatus, PartnerKind, PathwayClosureKind, PathwayStatus, ProtectionMeasure,
  ReferralStatus, Role, SchoolLevel, SchoolNetwork, ServiceLinkStatus,
} from '../entities/enums';
import { SeededRandom } from './random.util';
import {
  ACTION_TITLES, ADULT_FEMALE_NAMES, ADULT_MALE_NAMES, BOY_NAMES, GIRL_NAMES, HOME_LANGUAGES, LAST_NAMES,
  OBJECTIVE_TEXTS, STREET_NAMES, gradeFor, levelOf, uai,
} from './french.data';

/**
 * The large-scale generator: N children spread over programmes averaging ~160 children (the
 * size of a city's PRE; one in eight a big city six times the size of the others, see
 * isBigCity), with everything the API reads around them. It writes with `pg`
 * directly, in multi-row `INSERT ... SELECT FROM unnest(...)` batches, inside one
 * transaction: 100,000 children (about 1.2 million rows) take well under three minutes.
 *
 * Content is deterministic (one seeded generator per programme); ids are random UUIDs.
 * Dates are computed at SCALE_TODAY; ACTIVE links start in 2025 and end in 2030 or never,
 * so they stay valid whatever the real date.
 */

export const SCALE_TODAY = '2026-11-01';
export const SCALE_PROGRAMME_PREFIX = 'PRE échelle';
export const CHILDREN_PER_PROGRAMME = 160;

export interface ScaleOptions {
  children: number;
  /** Default: one programme per ~160 children, at least one. */
  programmes?: number;
  log?: (line: string) => void;
  /** Seed of the generator (default fixed). */
  seed?: number;
  /** Rows per INSERT statement (default 5,000). */
  batchSize?: number;
}

export const SCALE_TABLES = [
  'programme', 'partner', 'family', 'guardian', 'account', 'child', 'team_meeting', 'team_meeting_attending_partners',
  'consent', 'consent_scope', 'pathway', 'objective', 'action', 'action_pathway', 'review', 'referral', 'service_link',
  'inclusion_follow_up', 'accommodation', 'adapted_activity', 'observation', 'family_meeting', 'workshop',
  'workshop_attending_partners',
] as const;
export type ScaleTable = (typeof SCALE_TABLES)[number];

export interface ScaleSummary {
  programmes: number;
  children: number;
  /** Rows written per table. */
  counts: Record<ScaleTable, number>;
  seconds: number;
}

/** Fills an already migrated database. Refuses a database that already holds scale programmes. */
export async function seedScale(url: string, opts: ScaleOptions): Promise<ScaleSummary> {
  const started = Date.now();
  const log = opts.log ?? (() => undefined);
  if (!Number.isInteger(opts.children) || opts.children < 1) throw new Error('children must be a positive integer');
  const programmes = opts.programmes ?? Math.max(1, Math.round(opts.children / CHILDREN_PER_PROGRAMME));
  if (!Number.isInteger(programmes) || programmes < 1 || programmes > opts.children) {
    throw new Error('programmes must be an integer between 1 and the number of children');
  }
  const batchSize = opts.batchSize ?? 5_000;
  const seed = opts.seed ?? 0x5ca1e;

  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const existing = await client.query<{ n: string }>(
      `select count(*) as n from programme where name like $1`, [`${SCALE_PROGRAMME_PREFIX} %`]);
    if (Number(existing.rows[0]?.n ?? 0) > 0) {
      throw new Error(`the database already holds "${SCALE_PROGRAMME_PREFIX} …" programmes; use an empty database`);
    }
    const tables = makeTables();
    const writer = new Writer(client, tables, batchSize, new Date().toISOString());
    await client.query('begin');
    try {
      const sizes = programmeSizes(opts.children, programmes);
      let done = 0;
      for (let p = 0; p < programmes; p++) {
        const n = sizes[p]!;
        generateProgramme(tables, p, n, new SeededRandom((seed + Math.imul(p + 1, 0x9e3779b1)) >>> 0), isBigCity(p));
        done += n;
        if (tables.child.rows >= CHUNK_CHILDREN || p === programmes - 1) {
          writer.enqueueAll();
          log(`generated ${done}/${opts.children} children (${p + 1}/${programmes} programmes), ${elapsed(started)} s`);
          // Let the queued INSERTs run while the next chunk is generated, without queuing too far ahead.
          await writer.drain(1);
        }
        // Yield between programmes so that the pg client can send the next queued statement.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      await writer.drain(0);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    }
    await client.query('analyze');
    const counts = Object.fromEntries(SCALE_TABLES.map((t) => [t, tables[t].total])) as Record<ScaleTable, number>;
    const seconds = Number(elapsed(started));
    log(`done: ${opts.children} children in ${programmes} programmes, ${seconds} s`);
    return { programmes, children: opts.children, counts, seconds };
  } finally {
    await client.end();
  }
}

const CHUNK_CHILDREN = 5_000;

/**
 * One programme in eight (the 8th, 16th...) is a big city: BIG_CITY_WEIGHT times the
 * children of the others, a leisure centre and a collège with BIG_PARTNER_LINKS active
 * links each, so that a partner's first page of 100 children is full (the lists of the
 * bench are measured on those).
 */
export const BIG_CITY_EVERY = 8;
export const BIG_CITY_WEIGHT = 6;
export const BIG_PARTNER_LINKS = { min: 110, max: 145 } as const;

export const isBigCity = (index: number) => index % BIG_CITY_EVERY === BIG_CITY_EVERY - 1;

/** Children per programme: weights 1 and BIG_CITY_WEIGHT, the remainder one each to the first. */
export function programmeSizes(children: number, programmes: number): number[] {
  const weights = Array.from({ length: programmes }, (_, p) => (isBigCity(p) ? BIG_CITY_WEIGHT : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((children * w) / total)));
  let left = children - sizes.reduce((a, b) => a + b, 0);
  for (let p = 0; left !== 0; p = (p + 1) % programmes) {
    const step = Math.sign(left);
    if (sizes[p]! + step < 1) continue;
    sizes[p]! += step;
    left -= step;
  }
  return sizes;
}

function elapsed(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(1);
}

// ---- tables and the batched writer -------------------------------------------------------

type Value = string | number | boolean | null | undefined;
type Row = Record<string, Value>;

/**
 * Rows of one table, column by column. Every value travels as text inside a typed array
 * parameter; array columns (`data_category[]`, `text[]`) travel as array literals and are cast
 * in the SELECT. created_at, updated_at and version are constants of the statement.
 */
class Table {
  readonly columns: { name: string; type: string }[];
  private data: Value[][];
  rows = 0;
  total = 0;
  private readonly sql: string;
  private readonly names: Set<string>;

  constructor(readonly name: ScaleTable, spec: string, private readonly stamped = true) {
    this.columns = spec.trim().split(/\s+/).map((c) => {
      const [col, type] = c.split(':') as [string, string];
      return { name: col, type };
    });
    this.names = new Set(this.columns.map((c) => c.name));
    this.data = this.columns.map(() => []);
    const n = this.columns.length;
    const unnest = this.columns.map((c, i) => `$${i + 1}::${c.type.endsWith('[]') ? 'text' : c.type}[]`).join(', ');
    const select = this.columns.map((c, i) => (c.type.endsWith('[]') ? `u.c${i}::${c.type}` : `u.c${i}`));
    const cols = this.columns.map((c) => `"${c.name}"`);
    if (stamped) {
      cols.push('"created_at"', '"updated_at"', '"version"');
      select.push(`$${n + 1}::timestamptz`, `$${n + 1}::timestamptz`, '1');
    }
    this.sql = `insert into "${name}" (${cols.join(', ')}) select ${select.join(', ')} from unnest(${unnest}) as u(${this.columns.map((_, i) => `c${i}`).join(', ')})`;
  }

  add(row: Row): void {
    for (const key in row) if (!this.names.has(key)) throw new Error(`${this.name}: unknown column ${key}`);
    for (let i = 0; i < this.columns.length; i++) {
      const v = row[this.columns[i]!.name];
      this.data[i]!.push(v === undefined ? null : v);
    }
    this.rows++;
    this.total++;
  }

  /** Takes the buffered rows as statements of at most `batchSize` rows. */
  take(batchSize: number, stamp: string): { text: string; values: unknown[] }[] {
    const out: { text: string; values: unknown[] }[] = [];
    for (let start = 0; start < this.rows; start += batchSize) {
      const values: unknown[] = this.data.map((col) => col.slice(start, start + batchSize));
      if (this.stamped) values.push(stamp);
      out.push({ text: this.sql, values });
    }
    this.data = this.columns.map(() => []);
    this.rows = 0;
    return out;
  }
}

type Tables = Record<ScaleTable, Table>;

/** Declared in foreign-key order: a chunk is written table by table in this order. */
function makeTables(): Tables {
  const t = (name: ScaleTable, spec: string, stamped = true) => new Table(name, spec, stamped);
  return {
    programme: t('programme', 'id:uuid name:text insee_code:text'),
    partner: t('partner', 'id:uuid programme_id:uuid kind:partner_kind name:text address:text uai:text school_level:school_level network:school_network'),
    family: t('family', 'id:uuid programme_id:uuid address_line:text postal_code:text city:text qpv_code:text languages:text[] interpreter_needed:bool social_situation:text social_notes:text'),
    guardian: t('guardian', 'id:uuid programme_id:uuid family_id:uuid first_name:text last_name:text relationship:guardian_relationship parental_authority:bool phone:text email:text preferred_language:text'),
    account: t('account', 'id:uuid programme_id:uuid email:text subject:text display_name:text role:account_role partner_id:uuid guardian_id:uuid active:bool'),
    child: t('child', 'id:uuid programme_id:uuid family_id:uuid first_name:text last_name:text birth_date:date school_id:uuid grade:grade attendance_concern:attendance_concern has_pps:bool aesh_hours:numeric schooling_arrangements:text protection_measure:protection_measure social_follow_up:text diagnosis:text medical_follow_up:text mdph_decision:text treatments:text'),
    team_meeting: t('team_meeting', 'id:uuid programme_id:uuid held_on:date decisions:text'),
    team_meeting_attending_partners: t('team_meeting_attending_partners', 'team_meeting_id:uuid partner_id:uuid', false),
    consent: t('consent', 'id:uuid programme_id:uuid child_id:uuid given_by_id:uuid given_at:timestamptz method:consent_method recorded_by_id:uuid purpose:consent_purpose expires_on:date withdrawn_at:timestamptz withdrawn_by_id:uuid'),
    consent_scope: t('consent_scope', 'id:uuid programme_id:uuid consent_id:uuid partner_id:uuid categories:data_category[]'),
    pathway: t('pathway', 'id:uuid programme_id:uuid child_id:uuid referent_id:uuid status:pathway_status start_date:date end_date:date closure_reason:text closure_kind:pathway_closure_kind consent_id:uuid'),
    objective: t('objective', 'id:uuid programme_id:uuid pathway_id:uuid domain:domain text:text status:objective_status'),
    action: t('action', 'id:uuid programme_id:uuid title:text kind:action_kind domain:domain child_time:child_time provider_id:uuid start_date:date end_date:date status:action_status outcome:text'),
    action_pathway: t('action_pathway', 'action_id:uuid pathway_id:uuid', false),
    review: t('review', 'id:uuid programme_id:uuid pathway_id:uuid held_on:date progress:text next_steps:text author_id:uuid'),
    referral: t('referral', 'id:uuid programme_id:uuid child_id:uuid referring_partner_id:uuid referring_account_id:uuid assigned_to_id:uuid referred_on:date domains:domain[] description:text status:referral_status decided_on:date decision_reason:text team_meeting_id:uuid'),
    service_link: t('service_link', 'id:uuid programme_id:uuid child_id:uuid partner_id:uuid origin_partner_id:uuid purpose:consent_purpose categories:data_category[] legal_basis:legal_basis consent_id:uuid parents_informed_on:date parents_not_informed_reason:text created_by_id:uuid status:service_link_status valid_from:date valid_until:date revoked_at:timestamptz revocation_reason:text'),
    inclusion_follow_up: t('inclusion_follow_up', 'id:uuid programme_id:uuid child_id:uuid status:inclusion_status referent_id:uuid consent_id:uuid assessed_on:date assessed_by_id:uuid findings:text family_expectations:text needs_inventory:text existing_means:text pai_arrangements:text emergency_protocol:text'),
    accommodation: t('accommodation', 'id:uuid programme_id:uuid follow_up_id:uuid partner_id:uuid description:text'),
    adapted_activity: t('adapted_activity', 'id:uuid programme_id:uuid follow_up_id:uuid title:text description:text partner_id:uuid child_time:child_time'),
    observation: t('observation', 'id:uuid programme_id:uuid child_id:uuid category:data_category author_id:uuid partner_id:uuid text:text'),
    family_meeting: t('family_meeting', 'id:uuid programme_id:uuid family_id:uuid child_id:uuid held_by_id:uuid held_on:date attendees:text expectations:text needs:text existing_means:text next_steps:text'),
    workshop: t('workshop', 'id:uuid programme_id:uuid held_on:date topic:text facilitator_id:uuid professionals_count:int4'),
    workshop_attending_partners: t('workshop_attending_partners', 'workshop_id:uuid partner_id:uuid', false),
  };
}

/**
 * Sends the statements of each chunk in foreign-key order on one connection (one
 * transaction). Statements are queued on the client without waiting, so the database
 * works on chunk N while chunk N+1 is generated; `drain(k)` waits until at most k chunks
 * are still in flight.
 */
class Writer {
  private inFlight: Promise<void>[] = [];
  private tail: Promise<void> = Promise.resolve();
  private failure: unknown;

  constructor(private readonly client: Client, private readonly tables: Tables, private readonly batchSize: number, private readonly stamp: string) {}

  enqueueAll(): void {
    if (this.failure) throw this.failure;
    const statements = SCALE_TABLES.flatMap((name) => this.tables[name].take(this.batchSize, this.stamp));
    // One statement after the other (pg refuses concurrent queries on a client); a failure skips the rest.
    this.tail = statements.reduce<Promise<void>>(
      (previous, s) => previous.then(async () => {
        if (this.failure) return;
        await this.client.query(s.text, s.values).catch((error: unknown) => {
          this.failure ??= error;
        });
      }),
      this.tail,
    );
    this.inFlight.push(this.tail);
  }

  async drain(keep: number): Promise<void> {
    while (this.inFlight.length > keep) await this.inFlight.shift();
    if (this.failure) throw this.failure;
  }
}

// ---- generation ---------------------------------------------------------------------------

const COMMUNES: readonly (readonly [city: string, insee: string, postal: string])[] = [
  ['Agen', '47001', '47000'], ['Montreuil', '93048', '93100'], ['Roubaix', '59512', '59100'],
  ['Vaulx-en-Velin', '69256', '69120'], ['Grigny', '91286', '91350'], ['Clichy-sous-Bois', '93014', '93390'],
  ['Mulhouse', '68224', '68100'], ['Nîmes', '30189', '30000'], ['Amiens', '80021', '80000'],
  ['Saint-Denis', '93066', '93200'], ['Tourcoing', '59599', '59200'], ['Villeurbanne', '69266', '69100'],
  ['Besançon', '25056', '25000'], ['Perpignan', '66136', '66000'], ['Limoges', '87085', '87000'],
  ['Le Havre', '76351', '76600'], ['Marseille', '13055', '13001'], ['Toulouse', '31555', '31000'],
];

const SCHOOL_YEAR = Number(SCALE_TODAY.slice(0, 4)) - (Number(SCALE_TODAY.slice(5, 7)) < 9 ? 1 : 0);

const C = DataCategory;
/** What a link to a partner of each kind carries (the kind's maximum, see access-policy.md). */
const LINK_CATEGORIES: Record<PartnerKind, string> = {
  SCHOOL: `{${C.IDENTITY},${C.SCHOOLING},${C.INCLUSION},${C.PATHWAY}}`,
  SOCIAL_SERVICES: `{${C.IDENTITY},${C.CONTACT},${C.SOCIAL},${C.PATHWAY}}`,
  LEISURE_CENTRE: `{${C.IDENTITY},${C.CONTACT},${C.INCLUSION}}`,
  HEALTH: `{${C.IDENTITY},${C.CONTACT},${C.HEALTH},${C.INCLUSION}}`,
  SPORTS: `{${C.IDENTITY},${C.CONTACT},${C.INCLUSION}}`,
  CULTURE: `{${C.IDENTITY},${C.CONTACT},${C.INCLUSION}}`,
  PRE_TEAM: `{${C.IDENTITY},${C.CONTACT},${C.SCHOOLING},${C.SOCIAL},${C.INCLUSION},${C.PATHWAY}}`,
  INCLUSION_SERVICE: `{${C.IDENTITY},${C.CONTACT},${C.SCHOOLING},${C.HEALTH},${C.INCLUSION}}`,
};
const OBSERVATION_CATEGORY: Partial<Record<PartnerKind, DataCategory>> = {
  SCHOOL: C.SCHOOLING, SOCIAL_SERVICES: C.SOCIAL, HEALTH: C.HEALTH, LEISURE_CENTRE: C.INCLUSION, SPORTS: C.INCLUSION,
  CULTURE: C.INCLUSION,
};

const DOMAINS = Object.values(Domain);
/** The closure reasons the generator writes, with their kind (what the statistics count). */
const CLOSURES: readonly (readonly [reason: string, kind: PathwayClosureKind])[] = [
  ['Objectifs atteints', PathwayClosureKind.OBJECTIVES_MET],
  ['Déménagement de la famille', PathwayClosureKind.FAMILY_MOVED],
  ['Relais par le droit commun', PathwayClosureKind.HANDED_OVER],
];
const closure = (index: number | undefined) =>
  index === undefined ? { closure_reason: null, closure_kind: null } : { closure_reason: CLOSURES[index]![0], closure_kind: CLOSURES[index]![1] };
const DOMAIN_TIME: Record<Domain, ChildTime> = {
  SCHOOL: ChildTime.SCHOOL_TIME, SOCIAL: ChildTime.FAMILY_TIME, CULTURE: ChildTime.EXTRACURRICULAR,
  EDUCATION: ChildTime.PERISCHOOL, HEALTH: ChildTime.FAMILY_TIME, SPORT: ChildTime.EXTRACURRICULAR,
  PARENTING: ChildTime.FAMILY_TIME,
};

/** ISO dates by day number from 2000-01-01, computed once. */
const DAY0 = Date.UTC(2000, 0, 1);
const ISO_DAYS: string[] = Array.from({ length: 366 * 33 }, (_, i) => new Date(DAY0 + i * 86_400_000).toISOString().slice(0, 10));
const dayOf = (iso: string) => Math.round((Date.parse(`${iso}T00:00:00Z`) - DAY0) / 86_400_000);
const iso = (day: number) => ISO_DAYS[day]!;
const TODAY = dayOf(SCALE_TODAY);
const D = (s: string) => dayOf(s);

interface PartnerRow { id: string; kind: PartnerKind; level?: SchoolLevel; slug: string; agent?: string }

function generateProgramme(T: Tables, index: number, childCount: number, r: SeededRandom, big: boolean): void {
  const num = String(index + 1).padStart(3, '0');
  const [city, insee, postal] = COMMUNES[index % COMMUNES.length]!;
  const programmeId = randomUUID();
  T.programme.add({ id: programmeId, name: `${SCALE_PROGRAMME_PREFIX} ${num}`, insee_code: insee });
  const P = programmeId;
  const dept = insee.slice(0, 2);
  const qpvCodes = [`QN0${dept}0${1 + (index % 9)}M`, `QN0${dept}1${index % 10}M`];

  // Partners: six schools (two maternelles, three élémentaires, one collège), then one or two of every other kind.
  const partners: PartnerRow[] = [];
  const partner = (kind: PartnerKind, slug: string, name: string, school?: { level: SchoolLevel; network: SchoolNetwork; n: number }) => {
    const row: PartnerRow = { id: randomUUID(), kind, level: school?.level, slug };
    T.partner.add({
      id: row.id, programme_id: P, kind, name, address: `${r.int(1, 90)} ${r.pick(STREET_NAMES)}, ${postal} ${city}`,
      uai: school ? uai(9_000_000 + index * 10 + school.n) : null, school_level: school?.level ?? null,
      network: school?.network ?? SchoolNetwork.NONE,
    });
    partners.push(row);
    return row;
  };
  const network = () => r.weighted([[SchoolNetwork.NONE, 40], [SchoolNetwork.REP, 35], [SchoolNetwork.REP_PLUS, 25]]);
  const schools = [
    partner(PartnerKind.SCHOOL, 'maternelle1', `École maternelle ${r.pick(LAST_NAMES)}`, { level: SchoolLevel.MATERNELLE, network: network(), n: 0 }),
    partner(PartnerKind.SCHOOL, 'maternelle2', `École maternelle ${r.pick(LAST_NAMES)}`, { level: SchoolLevel.MATERNELLE, network: network(), n: 1 }),
    partner(PartnerKind.SCHOOL, 'elementaire1', `École élémentaire ${r.pick(LAST_NAMES)}`, { level: SchoolLevel.ELEMENTAIRE, network: network(), n: 2 }),
    partner(PartnerKind.SCHOOL, 'elementaire2', `École élémentaire ${r.pick(LAST_NAMES)}`, { level: SchoolLevel.ELEMENTAIRE, network: network(), n: 3 }),
    partner(PartnerKind.SCHOOL, 'elementaire3', `École élémentaire ${r.pick(LAST_NAMES)}`, { level: SchoolLevel.ELEMENTAIRE, network: network(), n: 4 }),
    partner(PartnerKind.SCHOOL, 'college', `Collège ${r.pick(LAST_NAMES)}`, { level: SchoolLevel.COLLEGE, network: network(), n: 5 }),
  ];
  const social = partner(PartnerKind.SOCIAL_SERVICES, 'social', `Service social départemental de ${city}`);
  const leisure1 = partner(PartnerKind.LEISURE_CENTRE, 'leisure1', `Accueil de loisirs ${r.pick(LAST_NAMES)}`);
  const leisure2 = partner(PartnerKind.LEISURE_CENTRE, 'leisure2', `Accueil de loisirs ${r.pick(LAST_NAMES)}`);
  const health = partner(PartnerKind.HEALTH, 'health', `Centre médico-psychologique de ${city}`);
  const sports = partner(PartnerKind.SPORTS, 'sports', `Club omnisports de ${city}`);
  const culture = partner(PartnerKind.CULTURE, 'culture', `Médiathèque de ${city}`);
  const preTeam = partner(PartnerKind.PRE_TEAM, 'pre', `Équipe PRE de ${city}`);
  const inclusionService = partner(PartnerKind.INCLUSION_SERVICE, 'inclusion', `Service inclusion de ${city}`);
  const others = [social, leisure1, leisure2, health, sports, culture];

  // Accounts: a coordinator, 7 referents, the inclusion referent, one agent per partner.
  const account = (email: string, role: Role, partnerId: string | null, displayName: string) => {
    const id = randomUUID();
    T.account.add({ id, programme_id: P, email, subject: `scale|${email}`, display_name: displayName, role, partner_id: partnerId, guardian_id: null, active: true });
    return id;
  };
  const person = () => `${r.pick(r.chance(0.6) ? ADULT_FEMALE_NAMES : ADULT_MALE_NAMES)} ${r.pick(LAST_NAMES)}`;
  const coordinator = account(`coordinator+p${num}@scale.example`, Role.PRE_COORDINATOR, preTeam.id, person());
  const referents = Array.from({ length: 7 }, (_, k) => account(`referent${k + 1}+p${num}@scale.example`, Role.PATHWAY_REFERENT, preTeam.id, person()));
  const inclusionReferent = account(`inclusion+p${num}@scale.example`, Role.INCLUSION_REFERENT, inclusionService.id, person());
  for (const pa of [...schools, ...others]) pa.agent = account(`${pa.slug}+p${num}@scale.example`, Role.PARTNER_AGENT, pa.id, person());
  inclusionService.agent = inclusionReferent;
  preTeam.agent = coordinator;

  // Team meetings (équipe pluridisciplinaire), about one per term since 2024.
  const meetings = ['2024-10-15', '2025-01-21', '2025-03-18', '2025-06-10', '2025-10-14', '2026-01-20', '2026-03-17', '2026-06-09', '2026-10-13']
    .map((d) => {
      const id = randomUUID();
      const day = D(d) + r.int(-5, 5);
      T.team_meeting.add({ id, programme_id: P, held_on: iso(day), decisions: 'Examen des fiches de repérage ; entrées dans le dispositif.' });
      for (const pa of [preTeam, ...r.sample([...schools, ...others], 3)]) T.team_meeting_attending_partners.add({ team_meeting_id: id, partner_id: pa.id });
      return { id, day };
    });
  const meetingAfter = (day: number) => meetings.find((m) => m.day >= day + 7) ?? meetings[meetings.length - 1]!;

  // Collective actions of the programme, joined by pathways below.
  const collectives = [
    { title: 'Club coup de pouce lecture-écriture', domain: Domain.SCHOOL, provider: schools[2]! },
    { title: 'Stage multisport des vacances', domain: Domain.SPORT, provider: sports },
    { title: 'Café des parents', domain: Domain.PARENTING, provider: preTeam },
    { title: 'Atelier théâtre', domain: Domain.CULTURE, provider: culture },
  ].map((c) => {
    const id = randomUUID();
    T.action.add({
      id, programme_id: P, title: c.title, kind: ActionKind.COLLECTIVE, domain: c.domain, child_time: DOMAIN_TIME[c.domain],
      provider_id: c.provider.id, start_date: '2025-09-15', end_date: '2026-06-30', status: ActionStatus.IN_PROGRESS, outcome: null,
    });
    return id;
  });

  for (let w = 0; w < 2; w++) {
    const id = randomUUID();
    T.workshop.add({
      id, programme_id: P, held_on: iso(D('2026-01-12') + r.int(0, 280)), facilitator_id: inclusionReferent,
      topic: r.pick(['Accueillir un enfant autiste en accueil de loisirs', 'Mettre en œuvre un PAI', 'Handicaps invisibles au quotidien']),
      professionals_count: r.int(6, 25),
    });
    for (const pa of r.sample([leisure1, leisure2, sports, culture, ...schools], 3)) T.workshop_attending_partners.add({ workshop_id: id, partner_id: pa.id });
  }

  // A big city's leisure centre and collège: links added until each holds its target of
  // active links (and no more), whatever the random draws.
  const bigTarget = big ? { leisure: r.int(BIG_PARTNER_LINKS.min, BIG_PARTNER_LINKS.max), college: r.int(BIG_PARTNER_LINKS.min, BIG_PARTNER_LINKS.max) } : undefined;
  const bigActive = { leisure: 0, college: 0 };
  const college = schools.find((s) => s.slug === 'college')!;

  // Families and children.
  let made = 0;
  while (made < childCount) {
    const size = Math.min(childCount - made, r.weighted([[1, 50], [2, 35], [3, 15]]));
    made += size;
    const familyId = randomUUID();
    const lastName = r.pick(LAST_NAMES);
    const otherLanguage = r.chance(0.3);
    const lang = otherLanguage ? r.pick(HOME_LANGUAGES.slice(1)) : 'fr';
    T.family.add({
      id: familyId, programme_id: P, address_line: `${r.int(1, 150)} ${r.pick(STREET_NAMES)}`, postal_code: postal, city,
      qpv_code: r.chance(0.55) ? r.pick(qpvCodes) : null, languages: otherLanguage ? `{${lang},fr}` : '{fr}',
      interpreter_needed: otherLanguage && r.chance(0.3), social_situation: r.chance(0.25) ? 'Famille monoparentale, revenus modestes.' : null,
      social_notes: null,
    });
    const guardians: { id: string; first: string; last: string; authority: boolean }[] = [];
    const guardian = (rel: GuardianRelationship, first: string, last: string, authority: boolean) => {
      const id = randomUUID();
      T.guardian.add({
        id, programme_id: P, family_id: familyId, first_name: first, last_name: last, relationship: rel, parental_authority: authority,
        phone: `06 ${String(r.int(0, 99)).padStart(2, '0')} ${String(r.int(0, 99)).padStart(2, '0')} ${String(r.int(0, 99)).padStart(2, '0')} ${String(r.int(0, 99)).padStart(2, '0')}`,
        email: r.chance(0.6) ? `${first}.${last}`.normalize('NFD').replace(/[^A-Za-z.]/g, '').toLowerCase() + '@courriel.example' : null,
        preferred_language: lang,
      });
      guardians.push({ id, first, last, authority });
    };
    guardian(GuardianRelationship.MOTHER, r.pick(ADULT_FEMALE_NAMES), lastName, true);
    const second = r.weighted([['father', 55], ['none', 30], ['grandparent', 10], ['fatherNoAuthority', 5]] as const);
    if (second === 'father') guardian(GuardianRelationship.FATHER, r.pick(ADULT_MALE_NAMES), lastName, true);
    if (second === 'grandparent') guardian(GuardianRelationship.GRANDPARENT, r.pick(ADULT_FEMALE_NAMES), r.pick(LAST_NAMES), false);
    if (second === 'fatherNoAuthority') guardian(GuardianRelationship.FATHER, r.pick(ADULT_MALE_NAMES), r.pick(LAST_NAMES), false);
    const giver = guardians[0]!;

    for (let k = 0; k < size; k++) {
      const childId = randomUUID();
      const birthYear = r.weighted([[SCHOOL_YEAR - 1, 1], [SCHOOL_YEAR - 17, 1], [r.int(SCHOOL_YEAR - 16, SCHOOL_YEAR - 2), 98]]);
      const birthDay = D(`${birthYear}-01-01`) + r.int(0, 364);
      let grade: Grade | undefined = gradeFor(birthYear, SCHOOL_YEAR);
      if (grade === Grade.TPS && r.chance(0.5)) grade = undefined;
      if (grade && r.chance(0.01)) grade = undefined;
      const level = grade ? levelOf(grade) : undefined;
      const school = level ? r.pick(schools.filter((s) => s.level === level)) : undefined;
      const girl = r.chance(0.5);
      const inclusion = r.chance(0.125) && school !== undefined; // about 10% of all children
      const pathway = r.chance(0.4);
      const toCollege = bigTarget !== undefined && school === college && bigActive.college < bigTarget.college;
      const toLeisure = bigTarget !== undefined && school !== college && bigActive.leisure < bigTarget.leisure;
      // 40% + 60% × 1/3 = 60% of children with links (more in a big city).
      const linked = pathway || r.chance(1 / 3) || toCollege || toLeisure;
      const protection = r.chance(0.04) ? r.pick([ProtectionMeasure.AED, ProtectionMeasure.AEMO, ProtectionMeasure.INFORMATION_PREOCCUPANTE]) : ProtectionMeasure.NONE;
      T.child.add({
        id: childId, programme_id: P, family_id: familyId, first_name: r.pick(girl ? GIRL_NAMES : BOY_NAMES), last_name: lastName,
        birth_date: iso(birthDay), school_id: school?.id ?? null, grade: school ? grade : null,
        attendance_concern: school ? r.weighted([[AttendanceConcern.NONE, 70], [AttendanceConcern.OCCASIONAL, 18], [AttendanceConcern.FREQUENT, 9], [AttendanceConcern.SCHOOL_REFUSAL, 3]]) : AttendanceConcern.NONE,
        has_pps: inclusion && r.chance(0.5), aesh_hours: inclusion && r.chance(0.3) ? r.pick(['6', '9', '12']) : null,
        schooling_arrangements: inclusion ? 'Aménagements pédagogiques ; consignes reformulées.' : null,
        protection_measure: protection, social_follow_up: protection !== ProtectionMeasure.NONE ? 'Suivi par l\'assistante sociale de secteur.' : null,
        diagnosis: inclusion ? r.pick(['Trouble du spectre de l\'autisme', 'TDAH', 'Troubles dys', 'Allergie alimentaire sévère', 'Diabète de type 1']) : null,
        medical_follow_up: inclusion ? 'Suivi spécialisé' : null, mdph_decision: inclusion && r.chance(0.5) ? 'Notification MDPH' : null, treatments: null,
      });

      // Pathway, with its consent, objectives, actions, reviews and the accepted referral.
      let pathwayConsent: string | undefined;
      let pathwayStatus: PathwayStatus | undefined;
      let pathwayEnd: number | undefined;
      let pathwayConsentDay = 0;
      const referent = r.pick(referents);
      if (pathway) {
        pathwayStatus = r.weighted([[PathwayStatus.ACTIVE, 60], [PathwayStatus.DRAFT, 8], [PathwayStatus.SUSPENDED, 7], [PathwayStatus.CLOSED, 25]]);
        const referredOn = pathwayStatus === PathwayStatus.DRAFT ? D('2026-09-01') + r.int(0, 35)
          : pathwayStatus === PathwayStatus.CLOSED ? D('2024-09-10') + r.int(0, 260) : D('2024-12-01') + r.int(0, 540);
        const meeting = meetingAfter(referredOn);
        const start = pathwayStatus === PathwayStatus.DRAFT ? undefined : Math.min(meeting.day + r.int(10, 30), TODAY - 1);
        pathwayEnd = pathwayStatus === PathwayStatus.CLOSED ? Math.min(start! + r.int(250, 500), TODAY - 2) : undefined;
        pathwayConsent = randomUUID();
        const consentDay = (start ?? meeting.day) - r.int(3, 20);
        pathwayConsentDay = consentDay;
        const method = r.weighted([[ConsentMethod.SIGNED_FORM, 75], [ConsentMethod.ORAL_RECORDED, 20], [ConsentMethod.PORTAL, 5]]);
        T.consent.add({
          id: pathwayConsent, programme_id: P, child_id: childId, given_by_id: giver.id, given_at: `${iso(consentDay)}T10:00:00Z`, method,
          recorded_by_id: method === ConsentMethod.PORTAL ? null : referent, purpose: ConsentPurpose.PATHWAY, expires_on: null,
          withdrawn_at: null, withdrawn_by_id: null,
        });
        T.consent_scope.add({ id: randomUUID(), programme_id: P, consent_id: pathwayConsent, partner_id: preTeam.id, categories: LINK_CATEGORIES.PRE_TEAM });
        const pathwayId = randomUUID();
        T.pathway.add({
          id: pathwayId, programme_id: P, child_id: childId, referent_id: referent, status: pathwayStatus,
          start_date: start === undefined ? null : iso(start), end_date: pathwayEnd === undefined ? null : iso(pathwayEnd),
          ...closure(pathwayStatus === PathwayStatus.CLOSED ? r.int(0, 2) : undefined),
          consent_id: pathwayConsent,
        });
        const referrer = school && r.chance(0.6) ? school : r.pick(others);
        T.referral.add({
          id: randomUUID(), programme_id: P, child_id: childId, referring_partner_id: referrer.id, referring_account_id: referrer.agent!,
          assigned_to_id: referent, referred_on: iso(referredOn), domains: `{${r.sample(DOMAINS, r.int(1, 2)).join(',')}}`,
          description: 'Difficultés repérées par le partenaire ; la famille est d\'accord pour rencontrer l\'équipe.',
          status: ReferralStatus.ACCEPTED, decided_on: iso(meeting.day), decision_reason: 'Entrée validée par l\'équipe pluridisciplinaire.',
          team_meeting_id: meeting.id,
        });
        const domains = r.sample(DOMAINS, 2);
        for (const domain of domains) {
          T.objective.add({
            id: randomUUID(), programme_id: P, pathway_id: pathwayId, domain, text: r.pick(OBJECTIVE_TEXTS[domain]),
            status: pathwayStatus === PathwayStatus.CLOSED ? r.pick([ObjectiveStatus.ACHIEVED, ObjectiveStatus.PARTLY_ACHIEVED, ObjectiveStatus.NOT_ACHIEVED]) : ObjectiveStatus.OPEN,
          });
        }
        const actionCount = pathwayStatus === PathwayStatus.DRAFT ? 1 : r.int(1, 2);
        for (const domain of domains.slice(0, actionCount)) {
          const actionId = randomUUID();
          T.action.add({
            id: actionId, programme_id: P, title: r.pick(ACTION_TITLES[domain]), kind: ActionKind.INDIVIDUAL, domain, child_time: DOMAIN_TIME[domain],
            provider_id: (domain === Domain.SCHOOL && school ? school : domain === Domain.SOCIAL ? social : domain === Domain.HEALTH ? health : domain === Domain.SPORT ? sports : domain === Domain.CULTURE ? culture : domain === Domain.EDUCATION ? leisure1 : preTeam).id,
            start_date: start === undefined ? null : iso(start + r.int(0, 30)), end_date: pathwayEnd === undefined ? null : iso(pathwayEnd),
            status: pathwayStatus === PathwayStatus.DRAFT ? ActionStatus.PLANNED : pathwayStatus === PathwayStatus.CLOSED ? ActionStatus.DONE : ActionStatus.IN_PROGRESS,
            outcome: pathwayStatus === PathwayStatus.CLOSED ? 'Participation régulière.' : null,
          });
          T.action_pathway.add({ action_id: actionId, pathway_id: pathwayId });
        }
        if (pathwayStatus !== PathwayStatus.DRAFT) {
          if (r.chance(0.35)) T.action_pathway.add({ action_id: r.pick(collectives), pathway_id: pathwayId });
          const reviewDay = pathwayEnd ?? Math.min(start! + r.int(60, 120), TODAY - 1);
          T.review.add({
            id: randomUUID(), programme_id: P, pathway_id: pathwayId, held_on: iso(reviewDay), author_id: referent,
            progress: r.pick(['Assiduité en amélioration.', 'Progrès en lecture.', 'Peu d\'évolution ce trimestre.', 'Bonne intégration au club.']),
            next_steps: pathwayEnd !== undefined ? 'Clôture du parcours.' : 'Maintenir les actions en cours.',
          });
        }
      } else if (r.chance(0.1)) {
        // Referrals that did not (or not yet) open a pathway.
        const status = r.weighted([[ReferralStatus.SUBMITTED, 35], [ReferralStatus.UNDER_REVIEW, 30], [ReferralStatus.DECLINED, 25], [ReferralStatus.WITHDRAWN, 10]]);
        const referredOn = status === ReferralStatus.SUBMITTED || status === ReferralStatus.UNDER_REVIEW ? TODAY - r.int(1, 45) : D('2025-01-06') + r.int(0, 600);
        const meeting = status === ReferralStatus.DECLINED ? meetingAfter(referredOn) : undefined;
        const referrer = school && r.chance(0.6) ? school : r.pick(others);
        T.referral.add({
          id: randomUUID(), programme_id: P, child_id: childId, referring_partner_id: referrer.id, referring_account_id: referrer.agent!,
          assigned_to_id: status === ReferralStatus.UNDER_REVIEW ? referent : null, referred_on: iso(referredOn),
          domains: `{${r.sample(DOMAINS, r.int(1, 2)).join(',')}}`, description: 'Fiche de repérage transmise par le partenaire.',
          status, decided_on: meeting ? iso(meeting.day) : status === ReferralStatus.WITHDRAWN ? iso(referredOn + r.int(5, 30)) : null,
          decision_reason: status === ReferralStatus.DECLINED ? 'Situation relevant du droit commun' : status === ReferralStatus.WITHDRAWN ? 'Retrait par le partenaire' : null,
          team_meeting_id: meeting?.id ?? null,
        });
      }

      // Service links on consent (or on the shared secret for some social links), one per partner.
      if (linked) {
        let consentId = pathwayConsent;
        const purpose = pathway ? ConsentPurpose.PATHWAY : ConsentPurpose.INFORMATION_SHARING;
        // A link starts after the consent it rests on.
        const linkFrom = Math.min(Math.max(D('2025-01-06') + r.int(0, 340), pathwayConsentDay + r.int(1, 15)), TODAY - 1);
        if (!consentId) {
          consentId = randomUUID();
          const method = r.weighted([[ConsentMethod.SIGNED_FORM, 75], [ConsentMethod.ORAL_RECORDED, 25]]);
          T.consent.add({
            id: consentId, programme_id: P, child_id: childId, given_by_id: giver.id, given_at: `${iso(linkFrom - r.int(3, 20))}T10:00:00Z`, method,
            recorded_by_id: coordinator, purpose, expires_on: null, withdrawn_at: null, withdrawn_by_id: null,
          });
        }
        // The second leisure centre is kept for the inclusion link below: one link per child and partner.
        // A big city's first leisure centre is linked only up to its target, its second only
        // for inclusion follow-ups (so that neither holds more than a page and a half).
        const pool = others.filter((o) => !(inclusion && o === leisure2) && !(bigTarget && (o === leisure1 || o === leisure2)));
        const ownSchool = school && !(bigTarget && school === college && !toCollege) ? [school] : [];
        const targets = [...ownSchool, ...r.sample(pool, r.weighted([[1, 40], [2, 40], [3, 10], [0, 10]])), ...(toLeisure ? [leisure1] : [])];
        if (targets.length === 0) targets.push(r.pick(pool));
        for (const target of targets) {
          const closed = pathwayStatus === PathwayStatus.CLOSED;
          const secret = target === social && protection !== ProtectionMeasure.NONE;
          const status = closed ? ServiceLinkStatus.EXPIRED
            : pathwayStatus === PathwayStatus.DRAFT ? ServiceLinkStatus.PROPOSED
              : r.weighted([[ServiceLinkStatus.ACTIVE, 95], [ServiceLinkStatus.SUSPENDED, 2], [ServiceLinkStatus.REVOKED, 3]]);
          const from = closed ? Math.max(Math.min(linkFrom, pathwayEnd! - 30), pathwayConsentDay + 1) : pathwayStatus === PathwayStatus.DRAFT ? TODAY + r.int(1, 20) : linkFrom;
          const revoked = status === ServiceLinkStatus.REVOKED ? Math.min(from + r.int(30, 300), TODAY - 1) : undefined;
          T.service_link.add({
            id: randomUUID(), programme_id: P, child_id: childId, partner_id: target.id, origin_partner_id: preTeam.id, purpose,
            categories: LINK_CATEGORIES[target.kind],
            legal_basis: secret ? LegalBasis.SHARED_SECRET_L226_2_2 : LegalBasis.CONSENT, consent_id: secret ? null : consentId,
            parents_informed_on: secret ? iso(from - r.int(1, 10)) : null, parents_not_informed_reason: null,
            created_by_id: coordinator, status, valid_from: iso(from),
            valid_until: closed ? iso(pathwayEnd!) : r.chance(0.5) ? '2030-08-31' : null,
            revoked_at: revoked === undefined ? null : `${iso(revoked)}T16:00:00Z`, revocation_reason: revoked === undefined ? null : 'Fin de l\'accompagnement',
          });
          if (!secret) T.consent_scope.add({ id: randomUUID(), programme_id: P, consent_id: consentId, partner_id: target.id, categories: LINK_CATEGORIES[target.kind] });
          if (status === ServiceLinkStatus.ACTIVE && target === leisure1) bigActive.leisure++;
          if (status === ServiceLinkStatus.ACTIVE && target === college) bigActive.college++;
          if (status === ServiceLinkStatus.ACTIVE && r.chance(0.25) && OBSERVATION_CATEGORY[target.kind]) {
            T.observation.add({
              id: randomUUID(), programme_id: P, child_id: childId, category: OBSERVATION_CATEGORY[target.kind]!, author_id: target.agent!, partner_id: target.id,
              text: r.pick(['Absences en hausse ce mois-ci.', 'Bonne participation.', 'Rendez-vous avec la famille réalisé.', 'Besoin d\'un temps calme confirmé.']),
            });
          }
        }
      }

      // Inclusion follow-up, with its own consent and a link to the first leisure centre.
      if (inclusion) {
        const followUpId = randomUUID();
        const consentId = randomUUID();
        const status = r.weighted([[InclusionStatus.ACTIVE, 55], [InclusionStatus.ASSESSED, 20], [InclusionStatus.OPEN, 15], [InclusionStatus.CLOSED, 10]]);
        const assessed = status === InclusionStatus.CLOSED ? D('2024-06-03') + r.int(0, 80)
          : status !== InclusionStatus.OPEN ? D('2025-02-03') + r.int(0, 580) : undefined;
        const pai = r.chance(0.3);
        T.inclusion_follow_up.add({
          id: followUpId, programme_id: P, child_id: childId, status, referent_id: inclusionReferent, consent_id: consentId,
          assessed_on: assessed === undefined ? null : iso(assessed), assessed_by_id: assessed === undefined ? null : inclusionReferent,
          findings: assessed === undefined ? null : 'Besoins évalués avec la famille et l\'école.',
          family_expectations: 'Un accueil au centre de loisirs le mercredi.', needs_inventory: assessed === undefined ? null : 'Repères visuels ; temps calme.',
          existing_means: assessed === undefined ? null : 'AESH sur le temps scolaire uniquement.',
          pai_arrangements: pai ? 'Trousse d\'urgence emportée à chaque sortie.' : null,
          emergency_protocol: pai ? 'Appliquer le protocole du PAI, appeler le 15, prévenir la famille.' : null,
        });
        if (status === InclusionStatus.ACTIVE || status === InclusionStatus.CLOSED) {
          T.accommodation.add({ id: randomUUID(), programme_id: P, follow_up_id: followUpId, partner_id: leisure1.id, description: 'Animateur référent ; planning visuel ; espace calme.' });
          if (r.chance(0.5)) T.accommodation.add({ id: randomUUID(), programme_id: P, follow_up_id: followUpId, partner_id: school!.id, description: 'Place au calme ; consignes reformulées.' });
          T.adapted_activity.add({ id: randomUUID(), programme_id: P, follow_up_id: followUpId, title: r.pick(['Atelier sensoriel en petit groupe', 'Natation adaptée', 'Éveil musical adapté']), description: null, partner_id: r.pick([leisure1, sports, culture]).id, child_time: ChildTime.EXTRACURRICULAR });
        }
        const from = (assessed ?? TODAY - 30) + r.int(1, 20);
        T.consent.add({
          id: consentId, programme_id: P, child_id: childId, given_by_id: giver.id, given_at: `${iso(from - r.int(3, 10))}T10:00:00Z`,
          method: ConsentMethod.SIGNED_FORM, recorded_by_id: inclusionReferent, purpose: ConsentPurpose.INCLUSION_FOLLOW_UP,
          expires_on: null, withdrawn_at: null, withdrawn_by_id: null,
        });
        T.consent_scope.add({ id: randomUUID(), programme_id: P, consent_id: consentId, partner_id: inclusionService.id, categories: LINK_CATEGORIES.INCLUSION_SERVICE });
        T.consent_scope.add({ id: randomUUID(), programme_id: P, consent_id: consentId, partner_id: leisure2.id, categories: LINK_CATEGORIES.LEISURE_CENTRE });
        T.service_link.add({
          id: randomUUID(), programme_id: P, child_id: childId, partner_id: leisure2.id, origin_partner_id: inclusionService.id,
          purpose: ConsentPurpose.INCLUSION_FOLLOW_UP, categories: LINK_CATEGORIES.LEISURE_CENTRE, legal_basis: LegalBasis.CONSENT, consent_id: consentId,
          parents_informed_on: null, parents_not_informed_reason: null, created_by_id: inclusionReferent,
          status: status === InclusionStatus.ACTIVE ? ServiceLinkStatus.ACTIVE : status === InclusionStatus.CLOSED ? ServiceLinkStatus.EXPIRED : ServiceLinkStatus.PROPOSED,
          valid_from: iso(status === InclusionStatus.ACTIVE || status === InclusionStatus.CLOSED ? from : TODAY + r.int(1, 20)),
          valid_until: status === InclusionStatus.CLOSED ? '2025-07-04' : null, revoked_at: null, revocation_reason: null,
        });
        T.family_meeting.add({
          id: randomUUID(), programme_id: P, family_id: familyId, child_id: childId, held_by_id: inclusionReferent,
          held_on: iso(assessed ?? TODAY - r.int(1, 30)), attendees: `${giver.first} ${giver.last}, référente inclusion`,
          expectations: 'Un accueil au centre de loisirs le mercredi.', needs: 'Repères visuels ; temps calme.', existing_means: null,
          next_steps: 'Rencontre avec la structure d\'accueil.',
        });
      }
    }
  }
}
