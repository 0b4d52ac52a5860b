import { Client } from 'pg';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { buildWorld, sql, type World } from '../helpers/workflow-world';

/**
 * The proof that the API's database role cannot touch the access log (issue 11, "Roles
 * in the database"): connected as that role, every way found to change or drop events
 * fails, and the one way it has (the erasure's detach) refuses a child not erased.
 */
describe("the API's database role", () => {
  let server: TestServer;
  let w: World;
  let api: Client;
  let partition: string;

  beforeAll(async () => {
    server = await startTestServer();
    w = await buildWorld(server);
    // An event of a child still followed.
    await sql(
      server,
      `insert into access_event (id, programme_id, at, account_id, action, entity, child_id, categories, request_id)
       values (gen_random_uuid(), ?, now(), ?, 'READ', 'Child', ?, '{IDENTITY}', 'roles-test')`,
      [w.programme.id, w.accounts.coordinator.id, w.child.id],
    );
    [{ name: partition }] = (await sql(server, `select tableoid::regclass::text as name from access_event where request_id = 'roles-test'`)) as { name: string }[];
    api = new Client({ connectionString: server.apiDatabaseUrl });
    await api.connect();
  });
  afterAll(async () => {
    await api?.end();
    await server?.close();
  });

  /** The SQLSTATE a statement fails with, as the API's role. */
  async function refusal(statement: string, params: unknown[] = []): Promise<string | undefined> {
    try {
      await api.query(statement, params);
      return undefined;
    } catch (error) {
      return (error as { code?: string }).code;
    }
  }

  it('is not a superuser, owns no table, and connects as its own role (not the owner)', async () => {
    const { rows } = await api.query<{ superuser: boolean; owned: string; me: string }>(
      `select rolsuper as superuser, current_user as me,
              (select count(*) from pg_class where pg_get_userbyid(relowner) = current_user) as owned
         from pg_roles where rolname = current_user`,
    );
    expect(rows[0]).toEqual({ superuser: false, owned: '0', me: new URL(server.apiDatabaseUrl).username });
  });

  it('reads the log and appends to it', async () => {
    await api.query(
      `insert into access_event (id, programme_id, at, account_id, action, entity, categories, request_id)
       values (gen_random_uuid(), $1, now(), $2, 'READ', 'Child', '{IDENTITY}', 'roles-append')`,
      [w.programme.id, w.accounts.coordinator.id],
    );
    expect((await api.query(`select count(*)::int as n from access_event where request_id like 'roles-%'`)).rows).toEqual([{ n: 2 }]);
  });

  it('cannot update, delete or truncate an access event, nor reach a partition directly', async () => {
    expect(await refusal(`update access_event set entity = 'Family' where request_id = 'roles-test'`)).toBe('42501');
    expect(await refusal(`delete from access_event where request_id = 'roles-test'`)).toBe('42501');
    expect(await refusal(`truncate access_event`)).toBe('42501');
    expect(await refusal(`delete from ${partition}`)).toBe('42501');
    expect(await refusal(`truncate ${partition}`)).toBe('42501');
  });

  it('cannot disable a trigger, set session_replication_role, or detach or drop a partition', async () => {
    expect(await refusal(`alter table access_event disable trigger access_event_append_only`)).toBe('42501');
    expect(await refusal(`alter table ${partition} disable trigger all`)).toBe('42501');
    expect(await refusal(`set session_replication_role = replica`)).toBe('42501');
    expect(await refusal(`alter table access_event detach partition ${partition}`)).toBe('42501');
    expect(await refusal(`drop table ${partition}`)).toBe('42501');
  });

  it('cannot detach an event from a child that has not been erased: only the erasure may, for the child it erases', async () => {
    expect(await refusal(`update access_event set child_id = null where child_id = $1`, [w.child.id])).toBe('42501');
    expect(await refusal(`select access_event_detach_children(array[$1::uuid])`, [w.child.id])).toBe('42501');
    // Not even the owner, bypassing the function: the trigger refuses it while the child is not anonymised.
    await expect(sql(server, `update access_event set child_id = null where child_id = ?`, [w.child.id])).rejects.toThrow(/append-only/);
    expect((await api.query(`select count(*)::int as n from access_event where child_id = $1`, [w.child.id])).rows).toEqual([{ n: 1 }]);
  });

  it('still reads and writes the domain tables', async () => {
    expect((await api.query(`update child set grade = grade where id = $1`, [w.child.id])).rowCount).toBe(1);
    expect(await refusal(`select * from mikro_orm_migrations`)).toBe('42501');
  });
});
