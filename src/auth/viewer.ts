import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../db/sql';
import type { PartnerKind, Role } from '../entities';
import type { Viewer } from '../context';

/** The active account whose identity-provider subject is `subject`, as a Viewer (one SQL statement). */
export async function viewerForSubject(em: EntityManager, subject: string): Promise<Viewer | undefined> {
  const rows = await sql<{
    id: string;
    programme_id: string;
    role: Role;
    email: string;
    display_name: string;
    partner_id: string | null;
    partner_kind: PartnerKind | null;
    guardian_id: string | null;
  }>(
    em,
    `select a.id, a.programme_id, a.role, a.email, a.display_name, a.partner_id, p.kind as partner_kind, a.guardian_id
       from account a left join partner p on p.id = a.partner_id and p.programme_id = a.programme_id
      where a.subject = $1 and a.active`,
    [subject],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    accountId: row.id,
    programmeId: row.programme_id,
    role: row.role,
    email: row.email,
    displayName: row.display_name,
    partnerId: row.partner_id ?? undefined,
    partnerKind: row.partner_kind ?? undefined,
    guardianId: row.guardian_id ?? undefined,
  };
}
