import { createServer } from 'node:http';
import { Pool } from 'pg';

/**
 * The floor: the fastest thing that could serve the leisure-centre list. A bare node:http
 * server and `pg`, ONE hand-written SQL statement that builds the whole response of the
 * LeisureRoster operation (bench/operations.ts, first: 100) in PostgreSQL, and the text
 * passed through untouched. No GraphQL, no ORM, no token: the partner and its programme come
 * in the query string (`GET /leisure?programme=<uuid>&partner=<uuid>`).
 *
 * Same children and same JSON as the API: the rows rule of a partner agent (ACTIVE links to
 * its partner valid today, on a consent in force when the legal basis is CONSENT), the
 * categories of those links within the leisure-centre maximum, `contact` and `inclusion`
 * null where not granted, the same order and the same opaque IDs and cursor. `bench/run.ts`
 * checks the two answers are equal before it measures either.
 *
 *   DATABASE_URL=postgresql://... PORT=4600 node dist/bench/floor-server.js
 */

/** PARTNER_KIND_MAX of a leisure centre (src/permissions/policy.ts). */
export const LEISURE_CENTRE_MAX = ['IDENTITY', 'CONTACT', 'INCLUSION'];

const PAGE = 100;

/** The floor's PostgreSQL backends carry this name (the bench reads their CPU time). */
export const FLOOR_APPLICATION = 'pre-bench-floor';

/** base64url of a text, as Buffer#toString('base64url') writes it. */
const base64url = (expr: string) =>
  `translate(rtrim(replace(encode(convert_to(${expr}, 'UTF8'), 'base64'), E'\\n', ''), '='), '+/', '-_')`;

export const FLOOR_SQL = `
with today as (select (now() at time zone 'Europe/Paris')::date as d),
granted as (
  select sl.child_id, array_agg(distinct cat::text) as cats
    from service_link sl
    left join consent c on c.id = sl.consent_id
    left join consent_scope cs on cs.consent_id = c.id and cs.partner_id = sl.partner_id
    cross join today
    cross join lateral unnest(case when sl.legal_basis = 'CONSENT'
                                   then array(select unnest(sl.categories) intersect select unnest(cs.categories))
                                   else sl.categories end) as cat
   where sl.programme_id = $1 and sl.partner_id = $2 and sl.status = 'ACTIVE'
     and sl.valid_from <= today.d and (sl.valid_until is null or sl.valid_until >= today.d)
     and (sl.legal_basis <> 'CONSENT'
          or (c.id is not null and c.child_id = sl.child_id and c.withdrawn_at is null
              and c.given_at <= now() and (c.expires_on is null or c.expires_on >= today.d)))
     and cat::text = any($3::text[])
   group by sl.child_id
),
visible as (
  select c.*, g.cats from child c join granted g on g.child_id = c.id where c.programme_id = $1
),
page as (
  select * from visible order by last_name, first_name, id limit ${PAGE + 1}
),
shown as (
  select * from page order by last_name, first_name, id limit ${PAGE}
),
last_row as (
  select * from shown order by last_name desc, first_name desc, id desc limit 1
)
select json_build_object('data', json_build_object('children', json_build_object(
  'totalCount', (select count(*) from visible),
  'pageInfo', json_build_object(
    'hasNextPage', (select count(*) from page) > ${PAGE},
    'endCursor', (select ${base64url(`'child:' || l.id`)} from last_row l)),
  'edges', coalesce((
    select json_agg(json_build_object('node', json_build_object(
      'id', ${base64url(`'Child:' || s.id`)},
      'firstName', s.first_name,
      'lastName', s.last_name,
      'birthDate', s.birth_date,
      'age', extract(year from age((select d from today), s.birth_date))::int,
      'grade', s.grade,
      'school', (select json_build_object('name', p.name) from partner p where p.id = s.school_id),
      'contact', case when 'CONTACT' = any(s.cats) then json_build_object('guardians', coalesce((
          select json_agg(json_build_object('firstName', g.first_name, 'lastName', g.last_name, 'relationship', g.relationship, 'phone', g.phone)
                          order by g.last_name collate "C", g.first_name collate "C", g.id)
            from guardian g where g.family_id = s.family_id), '[]'::json)) end,
      'inclusion', case when 'INCLUSION' = any(s.cats) then json_build_object(
          'accommodations', coalesce((select json_agg(json_build_object('description', a.description) order by a.id)
                                        from accommodation a join inclusion_follow_up f on f.id = a.follow_up_id
                                       where f.child_id = s.id), '[]'::json),
          'emergencyProtocol', (select f.emergency_protocol from inclusion_follow_up f where f.child_id = s.id),
          'adaptedActivities', coalesce((select json_agg(json_build_object('title', a.title) order by a.id)
                                           from adapted_activity a join inclusion_follow_up f on f.id = a.follow_up_id
                                          where f.child_id = s.id), '[]'::json)) end
    )) order by s.last_name, s.first_name, s.id)
    from shown s), '[]'::json)
)))::text as body`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function main(): void {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const port = Number(process.env.PORT ?? 4600);
  const pool = new Pool({ connectionString: url, max: Number(process.env.DB_POOL_MAX ?? 10), application_name: FLOOR_APPLICATION });
  const server = createServer((req, res) => {
    const query = new URL(req.url ?? '/', 'http://localhost');
    if (query.pathname === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    const programme = query.searchParams.get('programme') ?? '';
    const partner = query.searchParams.get('partner') ?? '';
    if (query.pathname !== '/leisure' || !UUID.test(programme) || !UUID.test(partner)) {
      res.writeHead(404).end();
      return;
    }
    pool.query<{ body: string }>(FLOOR_SQL, [programme, partner, LEISURE_CENTRE_MAX]).then(
      (result) => {
        const body = result.rows[0]!.body;
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      },
      (error: unknown) => {
        console.error(error);
        res.writeHead(500).end();
      },
    );
  });
  const stop = () => {
    server.close();
    void pool.end().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  server.listen(port, '127.0.0.1', () => console.log(`floor server at http://127.0.0.1:${port}/leisure`));
}

if (require.main === module) main();
