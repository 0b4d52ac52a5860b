import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../db/sql';
import type { Viewer } from '../context';
import { VIEWER_COLUMNS, VIEWER_FROM, viewerOfRow, type ViewerRow } from '../auth/viewer';
import { parisDate } from '../util/dates';
import { Access, LINK_ROW_ROLES, linkGrantsSql, type LinkGrantRow } from './access';

/**
 * The viewer of a request and its Access, from one SQL statement: the account of the
 * token's subject and, for a partner agent, the grants of its partner's links (which its
 * rows and categories come from) read in the same statement, so that every partner-portal
 * request pays one round trip for both. Other roles' grants are read when first needed,
 * as before. Undefined when no active account has this subject.
 */
export async function openSession(em: EntityManager, subject: string, now: Date): Promise<{ viewer: Viewer; access: Access } | undefined> {
  const rows = await sql<ViewerRow & { link_grants: LinkGrantRow[] | null }>(
    em,
    `select ${VIEWER_COLUMNS},
            case when a.role::text = any($2::text[]) and a.partner_id is not null
                 then (select coalesce(json_agg(g), '[]'::json) from (${linkGrantsSql('a.programme_id', 'a.partner_id', '$3::date', '$4')}) g)
            end as link_grants
       ${VIEWER_FROM}`,
    [subject, LINK_ROW_ROLES, parisDate(now), now],
  );
  const row = rows[0];
  if (!row) return undefined;
  const viewer = viewerOfRow(row);
  return { viewer, access: new Access(em, viewer, now, row.link_grants ?? undefined) };
}
