import type { MikroORM } from '@mikro-orm/postgresql';
import { dropTestDatabase, openTestOrm, testDatabase } from './helpers/test-server';

describe('migrations', () => {
  let orm: MikroORM | undefined;
  let url: string;

  beforeAll(async () => {
    url = await testDatabase(`migrations_${process.pid}`);
    orm = await openTestOrm(url);
  });
  afterAll(async () => {
    await orm?.close(true);
    if (url) await dropTestDatabase(url);
  });

  it('leave nothing for the entities to change (entities and migrations agree)', async () => {
    const diff = await orm!.schema.getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });

  it('make the access log append-only in the database itself', async () => {
    const conn = orm!.em.getConnection();
    const [prog] = await conn.execute(`insert into programme (id, name, insee_code, created_at, updated_at) values (gen_random_uuid(), 'p', '00000', now(), now()) returning id`);
    const [acc] = await conn.execute(
      `insert into account (id, created_at, updated_at, programme_id, email, subject, display_name, role)
       values (gen_random_uuid(), now(), now(), ?, 'log@test.example', 'log', 'Log', 'DPO') returning id`,
      [prog.id],
    );
    await conn.execute(
      `insert into access_event (id, programme_id, at, account_id, action, entity, categories, request_id)
       values (gen_random_uuid(), ?, now(), ?, 'READ', 'Child', '{IDENTITY}', 'r1')`,
      [prog.id, acc.id],
    );
    await expect(conn.execute(`update access_event set entity = 'Family'`)).rejects.toThrow(/append-only/);
    await expect(conn.execute(`delete from access_event`)).rejects.toThrow(/append-only/);
    const rows = await conn.execute(`select entity from access_event`);
    expect(rows).toEqual([{ entity: 'Child' }]);
  });
});
