import { runLifetime } from '../src/lifetime/daily-run';
import { startJobRunner, type JobRunner } from '../src/jobs/runner';
import { dropTestDatabase, startTestServer, testDatabase, type TestServer } from './helpers/test-server';
import { buildWorld, dataOf, errorOf, gid, sql, type World } from './helpers/workflow-world';

/**
 * The data's lifetime, with the server's clock moved across each boundary: archiving
 * after the active period, anonymising after the archive period, and the access log's
 * retention a month at a time; then the job runner's retry of a failed run. A database
 * of its own: dropping the log's months must not touch other files' events.
 */

const DAY = 86_400_000;
const CHILD = /* GraphQL */ `query Child($id: ID!) { child(id: $id) { id lifecycle archivedAt } }`;
const REFER = /* GraphQL */ `mutation ($input: SubmitReferralInput!) { submitReferral(input: $input) { duplicateSuspected } }`;
const RUNS = /* GraphQL */ `query { lifetimeRuns(first: 5) { asOf startedAt finishedAt status attempt childrenArchived childrenAnonymised linksRevoked partitionsDropped error } }`;

function yearsAfter(at: Date, years: number, days = 0): Date {
  const shifted = new Date(at.getTime() + days * DAY);
  shifted.setUTCFullYear(shifted.getUTCFullYear() + years);
  return shifted;
}

describe("the data's lifetime", () => {
  let server: TestServer;
  let w: World;
  let databaseUrl: string;
  const start = new Date();
  const run = (now: Date) => runLifetime({ orm: server.apiOrm, ownerUrl: server.databaseUrl, retention: server.config.retention, now });
  const lifecycle = async (id: string) => ((await sql(server, 'select lifecycle from child where id = ?', [id])) as { lifecycle: string }[])[0]!.lifecycle;

  beforeAll(async () => {
    databaseUrl = await testDatabase(`lifetime_${process.pid}`);
    server = await startTestServer({ databaseUrl });
    w = await buildWorld(server);
    // The world's child is still followed (its pathway is open); the other child has a link in force.
    await sql(
      server,
      `insert into service_link (id, created_at, updated_at, programme_id, child_id, partner_id, purpose, categories, legal_basis, parents_informed_on, created_by_id, status, valid_from, valid_until)
       values (gen_random_uuid(), now(), now(), ?, ?, ?, 'INFORMATION_SHARING', '{IDENTITY}', 'SHARED_SECRET_L226_2_2', current_date, ?, 'ACTIVE', current_date, current_date + 30)`,
      [w.programme.id, w.otherChild.id, w.partners.leisure.id, w.accounts.inclusionReferent.id],
    );
  });
  afterAll(async () => {
    await server?.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  it('keeps a file active until the active period (2 years) after the last contact, then archives it and revokes its links', async () => {
    // The link ended 30 days after the start: the last contact.
    const lastContact = new Date(start.getTime() + 30 * DAY);
    await run(yearsAfter(lastContact, 2, -2));
    expect(await lifecycle(w.otherChild.id)).toBe('ACTIVE');

    const counts = await run(yearsAfter(lastContact, 2, 2));
    expect(await lifecycle(w.otherChild.id)).toBe('ARCHIVED');
    expect(counts.childrenArchived).toBe(1);
    expect(counts.linksRevoked).toBe(1);
    expect(await sql(server, 'select status from service_link where child_id = ?', [w.otherChild.id])).toEqual([{ status: 'REVOKED' }]);
    // Still followed: an open pathway.
    expect(await lifecycle(w.child.id)).toBe('ACTIVE');
  });

  it('shows an archived file to the coordinator only (and the DPO through its requests)', async () => {
    server.setNow(yearsAfter(start, 2, 40));
    try {
      const child = dataOf(await server.graphql<{ child: { lifecycle: string } }>(CHILD, { id: w.ids.otherChild }, w.tokens.coordinator)).child;
      expect(child.lifecycle).toBe('ARCHIVED');
      expect(errorOf(await server.graphql(CHILD, { id: w.ids.otherChild }, w.tokens.otherGuardian))).toEqual({ code: 'NOT_FOUND' });
      const exported = await server.graphql(`query($id: ID!) { childExport(childId: $id) { childId } }`, { id: w.ids.otherChild }, w.tokens.dpo);
      expect(exported.errors).toBeUndefined();
      // Read, never written: the coordinator's write on the archived file is refused, nothing written.
      const before = await sql(server, 'select count(*)::int as n from referral where child_id = ?', [w.otherChild.id]);
      const refused = await server.graphql(REFER, { input: { childId: w.ids.otherChild, domains: ['SCHOOL'], description: 'Suivi' } }, w.tokens.coordinator);
      expect(errorOf(refused)).toEqual({ code: 'BAD_USER_INPUT', field: 'id', reason: 'FILE_ARCHIVED' });
      expect(await sql(server, 'select count(*)::int as n from referral where child_id = ?', [w.otherChild.id])).toEqual(before);
    } finally {
      server.setNow(undefined);
    }
  });

  it('anonymises an archived file at the end of the archive period, as the erasure does', async () => {
    const [row] = (await sql(server, 'select archived_at from child where id = ?', [w.otherChild.id])) as { archived_at: Date | string }[];
    const archivedAt = new Date(row!.archived_at);
    const years = server.config.retention.archiveYears;
    await run(yearsAfter(archivedAt, years, -1));
    expect(await lifecycle(w.otherChild.id)).toBe('ARCHIVED');
    const counts = await run(yearsAfter(archivedAt, years, 1));
    expect(counts.childrenAnonymised).toBe(1);
    expect(await sql(server, 'select first_name, birth_date, lifecycle from child where id = ?', [w.otherChild.id])).toEqual([
      { first_name: '', birth_date: null, lifecycle: 'ANONYMISED' },
    ]);
    expect(await sql(server, `select reason from data_request where kind = 'ERASURE' and child_id = ?`, [w.otherChild.id])).toEqual([{ reason: 'RETENTION_EXPIRED' }]);
    // Read by no one, written by no one: the same NOT_FOUND as a child that never was.
    expect(errorOf(await server.graphql(CHILD, { id: w.ids.otherChild }, w.tokens.coordinator))).toEqual({ code: 'NOT_FOUND' });
    expect(errorOf(await server.graphql(REFER, { input: { childId: w.ids.otherChild, domains: ['SCHOOL'], description: 'Suivi' } }, w.tokens.coordinator))).toEqual({ code: 'NOT_FOUND' });
    const [link] = (await sql(server, 'select id from service_link where child_id = ?', [w.otherChild.id])) as { id: string }[];
    if (link) expect(errorOf(await server.graphql('query ($id: ID!) { node(id: $id) { id } }', { id: gid('ServiceLink', link.id) }, w.tokens.coordinator))).toEqual({ code: 'NOT_FOUND' });
  });

  it('drops the access log a whole month at a time, once the month is past the retention', async () => {
    await sql(
      server,
      `insert into access_event (id, programme_id, at, account_id, action, entity, child_id, categories, request_id)
       values (gen_random_uuid(), ?, ?, ?, 'READ', 'Child', ?, '{IDENTITY}', 'retention-test')`,
      [w.programme.id, start, w.accounts.coordinator.id, w.child.id],
    );
    const months = server.config.retention.accessLogMonths;
    const endOfMonth = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    const justBefore = new Date(endOfMonth.getTime() - DAY);
    justBefore.setUTCMonth(justBefore.getUTCMonth() + months);
    await run(justBefore);
    expect(await sql(server, `select count(*)::int as n from access_event where request_id = 'retention-test'`)).toEqual([{ n: 1 }]);
    const after = new Date(endOfMonth.getTime() + DAY);
    after.setUTCMonth(after.getUTCMonth() + months);
    const counts = await run(after);
    expect(counts.partitionsDropped).toBeGreaterThanOrEqual(1);
    expect(counts.eventsDropped).toBeGreaterThanOrEqual(1);
    expect(await sql(server, `select count(*)::int as n from access_event where request_id = 'retention-test'`)).toEqual([{ n: 0 }]);
    // The months ahead of the clock exist; an event in a month not made yet lands in the default partition, and moves into its month when it is made.
    const far = yearsAfter(start, 9);
    await sql(
      server,
      `insert into access_event (id, programme_id, at, account_id, action, entity, categories, request_id) values (gen_random_uuid(), ?, ?, ?, 'READ', 'Child', '{IDENTITY}', 'far-test')`,
      [w.programme.id, far, w.accounts.coordinator.id],
    );
    expect(await sql(server, `select tableoid::regclass::text as t from access_event where request_id = 'far-test'`)).toEqual([{ t: 'access_event_default' }]);
    await run(far);
    const [{ t }] = (await sql(server, `select tableoid::regclass::text as t from access_event where request_id = 'far-test'`)) as { t: string }[];
    expect(t).toMatch(/^access_event_y\d{4}m\d{2}$/);
  });

  it('runs on the job runner with the API clock; a failed run is recorded, rolled back and retried', async () => {
    // A child whose pathway closed long ago, archived by the next run (2 years and a day on).
    await sql(server, `update pathway set status = 'CLOSED' where child_id = ?`, [w.child.id]);
    server.setNow(yearsAfter(new Date(), 2, 1));
    await sql(server, `create function fail_archive() returns trigger language plpgsql as $$ begin raise exception 'injected'; end $$`);
    await sql(server, `create trigger fail_archive before update of lifecycle on child for each row execute function fail_archive()`);
    let jobs: JobRunner | undefined;
    try {
      jobs = await startJobRunner({ orm: server.apiOrm, apiUrl: server.apiDatabaseUrl, ownerUrl: server.databaseUrl, config: server.config, now: () => server.clock(), log: () => undefined, pollInterval: 200, metrics: server.app.metrics });
      const jobId = await jobs.runLifetimeNow();
      const waitFor = async (predicate: () => Promise<boolean>) => {
        for (let i = 0; i < 150 && !(await predicate()); i++) await new Promise((resolve) => setTimeout(resolve, 100));
      };
      await waitFor(async () => (await sql(server, `select 1 from lifetime_run where job_id = ? and status = 'FAILED'`, [jobId])).length > 0);
      expect(await lifecycle(w.child.id)).toBe('ACTIVE');
      const [failed] = await sql(server, `select attempt, error, children_archived from lifetime_run where job_id = ?`, [jobId]);
      expect(failed).toEqual({ attempt: 1, error: 'archive: SQLSTATE P0001', children_archived: 0 });
      await sql(server, `drop trigger fail_archive on child`);
      // graphile-worker retries after about e^1 s.
      await waitFor(async () => (await sql(server, `select 1 from lifetime_run where job_id = ? and status = 'SUCCEEDED'`, [jobId])).length > 0);
      expect(await sql(server, `select attempt, status from lifetime_run where job_id = ? order by attempt`, [jobId])).toEqual([
        { attempt: 1, status: 'FAILED' },
        { attempt: 2, status: 'SUCCEEDED' },
      ]);
      expect(await lifecycle(w.child.id)).toBe('ARCHIVED');
      const runs = dataOf(await server.graphql<{ lifetimeRuns: { status: string; childrenArchived: number }[] }>(RUNS, {}, w.tokens.dpo)).lifetimeRuns;
      expect(runs[0]).toMatchObject({ status: 'SUCCEEDED', attempt: 2, childrenArchived: 1 });
      expect(errorOf(await server.graphql(RUNS, {}, w.tokens.coordinator))).toEqual({ code: 'FORBIDDEN' });
      // GET /metrics counts the runs by task and outcome: the failed attempt, then the one that succeeded.
      const jobRuns = await server.app.metrics.registry.getSingleMetric('pre_api_job_runs_total')?.get();
      const byOutcome = (jobRuns?.values ?? []).map(({ labels, value }) => ({ task: labels.task, outcome: String(labels.outcome), value }));
      expect(byOutcome.sort((a, b) => a.outcome.localeCompare(b.outcome))).toEqual([
        { task: 'lifetime_daily', outcome: 'error', value: 1 },
        { task: 'lifetime_daily', outcome: 'success', value: 1 },
      ]);
    } finally {
      await jobs?.stop();
      server.setNow(undefined);
      await sql(server, `drop trigger if exists fail_archive on child`);
      await sql(server, `drop function if exists fail_archive()`);
    }
  });
});
