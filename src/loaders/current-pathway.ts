import { PathwayStatus } from '../entities/enums';

/**
 * "The current pathway" of a child, one definition for the loader (in JS) and for the
 * `pathwayStatus` filter of the children list (in SQL): the ACTIVE one, else SUSPENDED,
 * else DRAFT, else CLOSED; among equals the latest start date (unknown last), then the
 * latest created, then the smallest id.
 */
const RANK: Record<PathwayStatus, number> = {
  [PathwayStatus.ACTIVE]: 0,
  [PathwayStatus.SUSPENDED]: 1,
  [PathwayStatus.DRAFT]: 2,
  [PathwayStatus.CLOSED]: 3,
};

/** What the choice reads of a pathway (an entity or its record). */
interface Candidate {
  id: string;
  status: PathwayStatus;
  startDate?: string | null;
  createdAt: Date;
}

export function pickCurrentPathway<P extends Candidate>(pathways: P[]): P | null {
  let best: P | null = null;
  for (const p of pathways) if (!best || compare(p, best) < 0) best = p;
  return best;
}

function compare(a: Candidate, b: Candidate): number {
  return (
    RANK[a.status as PathwayStatus] - RANK[b.status as PathwayStatus] ||
    compareNullableDesc(a.startDate, b.startDate) ||
    b.createdAt.getTime() - a.createdAt.getTime() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Descending, nulls last (PostgreSQL's `desc nulls last`). */
function compareNullableDesc(a: string | null | undefined, b: string | null | undefined): number {
  if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1;
  return a < b ? 1 : a > b ? -1 : 0;
}

/**
 * SQL expression: the status of the current pathway of the child aliased `childAlias`
 * (null when it has none). Same order as pickCurrentPathway.
 */
export function currentPathwayStatusSql(childAlias: string): string {
  return `(select p.status from pathway p where p.child_id = ${childAlias}.id
           order by case p.status when 'ACTIVE' then 0 when 'SUSPENDED' then 1 when 'DRAFT' then 2 else 3 end,
                    p.start_date desc nulls last, p.created_at desc, p.id
           limit 1)`;
}
