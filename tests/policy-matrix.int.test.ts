import { DEMO_ACCOUNTS } from '../src/seed/demo.seed';
import { toGlobalId } from '../src/schema/global-id';
import { startDemoServer } from './helpers/test-server';

/**
 * The policy matrix: for every seeded account, for a child in its rows and one outside,
 * for every category block, the value or the error code the policy expects.
 *
 * The expectations are written here from ../shared/access-policy.md, independently of
 * src/permissions/policy.ts, and a partner agent's grants are recomputed by SQL from its
 * links and consents: a mistake in the policy tables or in the access code shows up as a
 * difference.
 */

type Category = 'IDENTITY' | 'CONTACT' | 'SCHOOLING' | 'SOCIAL' | 'HEALTH' | 'INCLUSION' | 'PATHWAY';

// access-policy.md, "Role maxima and rows".
const ROLE_MAX: Record<string, Category[]> = {
  ADMIN: [],
  PRE_COORDINATOR: ['IDENTITY', 'CONTACT', 'SCHOOLING', 'SOCIAL', 'INCLUSION', 'PATHWAY'],
  PATHWAY_REFERENT: ['IDENTITY', 'CONTACT', 'SCHOOLING', 'SOCIAL', 'INCLUSION', 'PATHWAY'],
  INCLUSION_REFERENT: ['IDENTITY', 'CONTACT', 'SCHOOLING', 'INCLUSION', 'HEALTH', 'PATHWAY'],
  GUARDIAN: ['IDENTITY', 'CONTACT', 'SCHOOLING', 'INCLUSION', 'HEALTH', 'PATHWAY'],
  ANALYST: [],
  DPO: [],
};
const KIND_MAX: Record<string, Category[]> = {
  SCHOOL: ['IDENTITY', 'SCHOOLING', 'INCLUSION', 'PATHWAY'],
  SOCIAL_SERVICES: ['IDENTITY', 'CONTACT', 'SOCIAL', 'PATHWAY'],
  LEISURE_CENTRE: ['IDENTITY', 'CONTACT', 'INCLUSION'],
  HEALTH: ['IDENTITY', 'CONTACT', 'HEALTH', 'INCLUSION'],
  SPORTS: ['IDENTITY', 'CONTACT', 'INCLUSION'],
  CULTURE: ['IDENTITY', 'CONTACT', 'INCLUSION'],
};

// The schema's category blocks (the contract of the portals).
const BLOCKS: Record<string, Category> = {
  contact: 'CONTACT',
  schooling: 'SCHOOLING',
  social: 'SOCIAL',
  health: 'HEALTH',
  inclusion: 'INCLUSION',
  pathway: 'PATHWAY',
  serviceLinks: 'PATHWAY',
  consents: 'PATHWAY',
};

const QUERY = `query ($id: ID!) {
  child(id: $id) {
    id firstName
    contact { languages } schooling { hasPps } social { protectionMeasure } health { diagnosis }
    inclusion { status } pathway { status } serviceLinks { id } consents { id }
  }
}`;

interface Account {
  id: string;
  email: string;
  role: string;
  programme_id: string;
  partner_id: string | null;
  kind: string | null;
  guardian_id: string | null;
}

describe('policy matrix: every account × (a child in its rows, one outside) × every category block', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  const sql = <T>(text: string, params: unknown[] = []) => server.orm.em.getConnection().execute<T[]>(text, params);

  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  /** The children of the account's rows, with their granted categories, recomputed by SQL. */
  async function expectedRows(account: Account): Promise<Map<string, Category[]>> {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
    const all = (ids: { id: string }[], max: Category[]) => new Map(ids.map((r) => [r.id, max] as const));
    switch (account.role) {
      case 'PRE_COORDINATOR':
        return all(await sql(`select id from child where programme_id = ?`, [account.programme_id]), ROLE_MAX.PRE_COORDINATOR);
      case 'PATHWAY_REFERENT':
        return all(
          await sql(`select child_id as id from pathway where referent_id = ? union select child_id from referral where assigned_to_id = ?`, [account.id, account.id]),
          ROLE_MAX.PATHWAY_REFERENT,
        );
      case 'INCLUSION_REFERENT':
        return all(
          await sql(`select child_id as id from inclusion_follow_up where programme_id = ? union select child_id from service_link where created_by_id = ?`, [
            account.programme_id,
            account.id,
          ]),
          ROLE_MAX.INCLUSION_REFERENT,
        );
      case 'GUARDIAN':
        return all(
          await sql(`select c.id from child c join guardian g on g.family_id = c.family_id where g.id = ? and g.parental_authority`, [account.guardian_id]),
          ROLE_MAX.GUARDIAN,
        );
      case 'PARTNER_AGENT': {
        const links = await sql<{ child_id: string; categories: string; legal_basis: string; scope: string | null; consent_ok: boolean }>(
          `select sl.child_id, sl.categories::text as categories, sl.legal_basis,
                  (select string_agg(cs.categories::text, ',') from consent_scope cs where cs.consent_id = sl.consent_id and cs.partner_id = sl.partner_id) as scope,
                  coalesce((select c.withdrawn_at is null and (c.expires_on is null or c.expires_on >= ?::date) from consent c where c.id = sl.consent_id), false) as consent_ok
             from service_link sl
            where sl.partner_id = ? and sl.status = 'ACTIVE' and sl.valid_from <= ?::date and (sl.valid_until is null or sl.valid_until >= ?::date)`,
          [today, account.partner_id, today, today],
        );
        const rows = new Map<string, Category[]>();
        const parse = (text: string | null) => (text ?? '').replace(/[{}]/g, '').split(',').filter(Boolean) as Category[];
        for (const link of links) {
          if (link.legal_basis === 'CONSENT' && !link.consent_ok) continue;
          let granted = parse(link.categories).filter((c) => KIND_MAX[account.kind ?? '']?.includes(c));
          if (link.legal_basis === 'CONSENT') granted = granted.filter((c) => parse(link.scope).includes(c));
          if (!granted.length) continue;
          rows.set(link.child_id, [...new Set([...(rows.get(link.child_id) ?? []), ...granted])]);
        }
        return rows;
      }
      default:
        return new Map();
    }
  }

  it.each(DEMO_ACCOUNTS)('%s', async (email) => {
    const [account] = await sql<Account>(
      `select a.id, a.email, a.role, a.programme_id, a.partner_id, p.kind, a.guardian_id from account a left join partner p on p.id = a.partner_id where a.email = ?`,
      [email],
    );
    const token = await server.tokenFor(email);
    const rows = await expectedRows(account);

    // A child in its rows (one with the most categories), and one of its programme outside them.
    const inside = [...rows.entries()].sort((a, b) => b[1].length - a[1].length)[0];
    const [outside] = await sql<{ id: string }>(
      `select id from child where programme_id = ? and not (id = any(?::uuid[])) order by id limit 1`,
      [account.programme_id, `{${[...rows.keys()].join(',')}}`],
    );

    if (inside) {
      const [childId, granted] = inside;
      const result = await server.graphql<{ child: Record<string, unknown> | null }>(QUERY, { id: toGlobalId('Child', childId) }, token);
      expect(result.data?.child?.id).toBe(toGlobalId('Child', childId));
      const forbidden = (result.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN').map((e) => e.path?.join('.'));
      expect((result.errors ?? []).every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
      for (const [block, category] of Object.entries(BLOCKS)) {
        const row = { email, block, category };
        if (granted.includes(category)) {
          expect({ ...row, value: result.data?.child?.[block] === null ? 'null' : 'value', forbidden: forbidden.includes(`child.${block}`) }).toEqual({
            ...row,
            value: 'value',
            forbidden: false,
          });
        } else {
          expect({ ...row, value: result.data?.child?.[block], forbidden: forbidden.includes(`child.${block}`) }).toEqual({
            ...row,
            value: null,
            forbidden: true,
          });
        }
      }
    } else {
      // Roles without rows: ADMIN, ANALYST, DPO.
      expect(['ADMIN', 'ANALYST', 'DPO']).toContain(account.role);
    }

    if (outside) {
      const result = await server.graphql(QUERY, { id: toGlobalId('Child', outside.id) }, token);
      expect(result.data?.child ?? null).toBeNull();
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    } else {
      expect(account.role).toBe('PRE_COORDINATOR');
    }

    // The other programme's children are NOT_FOUND for every role.
    const [foreign] = await sql<{ id: string }>(`select id from child where programme_id <> ? order by id limit 1`, [account.programme_id]);
    const crossing = await server.graphql(QUERY, { id: toGlobalId('Child', foreign.id) }, token);
    expect(crossing.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });
});
