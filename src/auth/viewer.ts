import type { PartnerKind, Role } from '../entities';
import type { Viewer } from '../context';

/** The columns of an account that make a Viewer (account `a`, its partner `p`). */
export const VIEWER_COLUMNS = 'a.id, a.programme_id, a.role, a.email, a.display_name, a.partner_id, p.kind as partner_kind, a.guardian_id';

/** The active account of a subject, with its partner: `from` and `where` of the statement ($1: the subject). */
export const VIEWER_FROM = `from account a left join partner p on p.id = a.partner_id and p.programme_id = a.programme_id
      where a.subject = $1 and a.active`;

export interface ViewerRow {
  id: string;
  programme_id: string;
  role: Role;
  email: string;
  display_name: string;
  partner_id: string | null;
  partner_kind: PartnerKind | null;
  guardian_id: string | null;
}

export function viewerOfRow(row: ViewerRow): Viewer {
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
