import { Client } from 'pg';
import { loadConfig } from '../src/config';
import { signLocalToken } from '../src/auth/tokens';
import { toGlobalId } from '../src/schema/global-id';
import { SCALE_PROGRAMME_PREFIX } from '../src/seed/scale.seed';
import { CHILD_FILE, COORDINATOR_LIST, LEISURE_ROSTER, SCHOOL_PUPILS, STATISTICS_TABLE } from './operations';
import { lastClosedSchoolYear, schoolYearPeriod } from '../src/statistics/periods';
import { parisDate } from '../src/util/dates';
import { BENCH_WRITE_DESCRIPTION } from './database';

/**
 * The scenarios and who plays them. Each one rotates over the same account of up to
 * `programmes` scale programmes spread over the database (programme 1, then evenly up to
 * the last), so that a run touches the whole database rather than one programme's pages:
 *
 * - leisure: the leisure centre with the most active links of each programme, LeisureRoster, first: 100;
 * - school: the school with the most active links, SchoolPupils, first: 100;
 * - coordinator: the programme's coordinator, CoordinatorList, first: 100;
 *
 * The three lists rotate over the big cities of the seed (src/seed/scale.seed.ts: a leisure
 * centre and a collège with 110 to 145 active links), so that their pages hold 100 children;
 * the other scenarios over programmes spread over the database.
 *
 * - file: the child with the largest file (objectives + actions + links + referrals) of each
 *   programme, ChildFile, as the referent of its pathway;
 * - write: the school's agent submits a referral for a child linked to its school;
 * - statistics: the programme's coordinator reads the children followed over the last school
 *   year that ended, by age band and school network (the largest table, one SQL statement
 *   over the programme's pathways, children, families and schools for the year and its months).
 */

export type ScenarioKey = 'leisure' | 'school' | 'coordinator' | 'file' | 'statistics' | 'write';

export interface ScenarioRequest {
  token: string;
  body: string;
  /** The floor server's path for the same answer (scenarios that have a floor). */
  floorPath?: string;
}

/** Children a list scenario asks for: a page that holds fewer is marked, not counted for a target. */
export const PAGE_SIZE = 100;
export const LIST_SCENARIOS: readonly ScenarioKey[] = ['leisure', 'school', 'coordinator'];

export interface Scenario {
  key: ScenarioKey;
  title: string;
  requests: ScenarioRequest[];
}

export const SCENARIO_TITLES: Record<ScenarioKey, string> = {
  leisure: 'Leisure-centre list (100/page: identity, school, contact, inclusion)',
  school: 'School list (100/page: identity, schooling, inclusion, pathway actions)',
  coordinator: 'Coordinator list (100/page: identity, pathway status, referrals, links)',
  file: "Child's whole file, as its referent",
  statistics: 'Statistics: children followed, last school year, by age band × school network (coordinator)',
  write: 'Write: submitReferral',
};

export const SUBMIT_REFERRAL = /* GraphQL */ `
  mutation BenchSubmitReferral($input: SubmitReferralInput!) {
    submitReferral(input: $input) { duplicateSuspected referral { id status } }
  }
`;

interface Cast {
  programmeId: string;
  leisure: { subject: string; partnerId: string };
  school: { subject: string; childId: string };
  coordinator: string;
  file: { subject: string; childId: string };
}

async function castOf(client: Client, programmeId: string): Promise<Cast> {
  const agent = async (kind: string) => {
    const { rows } = await client.query<{ subject: string; partner_id: string; child_id: string }>(
      `select a.subject, a.partner_id, min(sl.child_id::text) as child_id
         from account a
         join partner pa on pa.id = a.partner_id
         join service_link sl on sl.partner_id = pa.id and sl.status = 'ACTIVE'
        where a.programme_id = $1 and a.role = 'PARTNER_AGENT' and a.active and pa.kind = $2
        group by a.subject, a.partner_id
        order by count(distinct sl.child_id) desc, a.subject
        limit 1`,
      [programmeId, kind],
    );
    if (!rows[0]) throw new Error(`programme ${programmeId}: no ${kind} agent with active links`);
    return rows[0];
  };
  const leisure = await agent('LEISURE_CENTRE');
  const school = await agent('SCHOOL');
  const coordinator = await client.query<{ subject: string }>(
    `select subject from account where programme_id = $1 and role = 'PRE_COORDINATOR' and active order by subject limit 1`,
    [programmeId],
  );
  const file = await client.query<{ subject: string; child_id: string }>(
    `select a.subject, p.child_id
       from pathway p join account a on a.id = p.referent_id
      where p.programme_id = $1 and p.status = 'ACTIVE' and a.active
      order by (select count(*) from objective o where o.pathway_id = p.id)
             + (select count(*) from action_pathway ap where ap.pathway_id = p.id)
             + (select count(*) from service_link s where s.child_id = p.child_id)
             + (select count(*) from referral r where r.child_id = p.child_id) desc, p.child_id
      limit 1`,
    [programmeId],
  );
  if (!coordinator.rows[0] || !file.rows[0]) throw new Error(`programme ${programmeId}: no coordinator or no active pathway`);
  return {
    programmeId,
    leisure: { subject: leisure.subject, partnerId: leisure.partner_id },
    school: { subject: school.subject, childId: school.child_id },
    coordinator: coordinator.rows[0].subject,
    file: { subject: file.rows[0].subject, childId: file.rows[0].child_id },
  };
}

/**
 * Up to `count` scale programmes, evenly spread (always the first); with `full`, only those
 * where a leisure centre and a school each have at least PAGE_SIZE children on active links
 * (the seed's big cities), or all of them when none has.
 */
async function samplePrograms(client: Client, count: number, full = false): Promise<string[]> {
  const everyProgramme = `select id from programme where name like $1 order by name`;
  const fullOnly = `select p.id from programme p where p.name like $1
      and (select max(n) from (select count(distinct sl.child_id) as n from service_link sl join partner pa on pa.id = sl.partner_id
            where sl.programme_id = p.id and sl.status = 'ACTIVE' and pa.kind = 'LEISURE_CENTRE' group by sl.partner_id) l) >= ${PAGE_SIZE}
      and (select max(n) from (select count(distinct sl.child_id) as n from service_link sl join partner pa on pa.id = sl.partner_id
            where sl.programme_id = p.id and sl.status = 'ACTIVE' and pa.kind = 'SCHOOL' group by sl.partner_id) s) >= ${PAGE_SIZE}
    order by p.name`;
  let { rows } = await client.query<{ id: string }>(full ? fullOnly : everyProgramme, [`${SCALE_PROGRAMME_PREFIX} %`]);
  if (full && rows.length === 0) ({ rows } = await client.query<{ id: string }>(everyProgramme, [`${SCALE_PROGRAMME_PREFIX} %`]));
  if (rows.length === 0) throw new Error('no scale programme in the bench database');
  const k = Math.min(count, rows.length);
  const picked = new Set<number>();
  for (let i = 0; i < k; i++) picked.add(Math.floor((i * rows.length) / k));
  return [...picked].map((i) => rows[i]!.id);
}

/** The last school year that has ended: the latest the statistics publish. */
export function lastSchoolYear(): string {
  return schoolYearPeriod(lastClosedSchoolYear(parisDate(new Date()))).code;
}

export interface ScenarioOptions {
  programmes: number;
  /** Include the write scenario (the schema offers submitReferral). */
  write: boolean;
}

export async function buildScenarios(url: string, options: ScenarioOptions): Promise<Scenario[]> {
  const auth = loadConfig({ NODE_ENV: 'development' }).auth;
  const token = (subject: string) => signLocalToken(auth, subject, { expiresIn: '12h' });
  const client = new Client({ connectionString: url });
  await client.connect();
  const casts: Cast[] = [];
  const listCasts: Cast[] = [];
  try {
    for (const id of await samplePrograms(client, options.programmes)) casts.push(await castOf(client, id));
    for (const id of await samplePrograms(client, options.programmes, true)) listCasts.push(await castOf(client, id));
  } finally {
    await client.end();
  }
  const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
  const scenario = async (key: ScenarioKey, make: (cast: Cast) => Promise<ScenarioRequest>): Promise<Scenario> => ({
    key,
    title: SCENARIO_TITLES[key],
    requests: await Promise.all((LIST_SCENARIOS.includes(key) ? listCasts : casts).map(make)),
  });
  const scenarios = [
    await scenario('leisure', async (c) => ({
      token: await token(c.leisure.subject),
      body: body(LEISURE_ROSTER, { first: 100 }),
      floorPath: `/leisure?programme=${c.programmeId}&partner=${c.leisure.partnerId}`,
    })),
    await scenario('school', async (c) => ({ token: await token(c.school.subject), body: body(SCHOOL_PUPILS, { first: 100 }) })),
    await scenario('coordinator', async (c) => ({ token: await token(c.coordinator), body: body(COORDINATOR_LIST, { first: 100 }) })),
    await scenario('file', async (c) => ({
      token: await token(c.file.subject),
      body: body(CHILD_FILE, { id: toGlobalId('Child', c.file.childId) }),
    })),
    await scenario('statistics', async (c) => ({
      token: await token(c.coordinator),
      body: body(STATISTICS_TABLE, { table: 'CHILDREN_FOLLOWED', period: lastSchoolYear(), by: ['AGE_BAND', 'SCHOOL_NETWORK'] }),
    })),
  ];
  if (options.write) {
    scenarios.push(
      await scenario('write', async (c) => ({
        token: await token(c.school.subject),
        body: body(SUBMIT_REFERRAL, {
          input: { childId: toGlobalId('Child', c.school.childId), domains: ['SCHOOL'], description: BENCH_WRITE_DESCRIPTION },
        }),
      })),
    );
  }
  return scenarios;
}
