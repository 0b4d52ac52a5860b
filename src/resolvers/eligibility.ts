import type { ChildRecord } from './rows';
import { SchoolNetwork } from '../entities/enums';
import type { Context } from '../context';
import { ageOn, parisDate } from '../util/dates';

/** Programme age band (domain.md): children and adolescents aged 2 to 16. */
export const MIN_AGE = 2;
export const MAX_AGE = 16;

export function ageToday(ctx: Context, child: { birthDate: string }): number {
  return ageOn(child.birthDate, parisDate(ctx.now));
}

export interface Eligibility {
  ageInRange: boolean;
  priorityNetwork: boolean;
  priorityNeighbourhood: boolean;
  priority: boolean;
}

/**
 * Priority eligibility (domain.md): "priority given to those schooled in priority
 * education networks (REP, REP+) and/or living in a priority neighbourhood (QPV)".
 * Computed and shown, never enforced. The same rule in SQL: ELIGIBLE_SQL.
 */
export async function eligibilityOf(ctx: Context, child: ChildRecord): Promise<Eligibility> {
  const [school, family] = await Promise.all([
    child.schoolId ? ctx.loaders.partnerById.load(child.schoolId) : null,
    ctx.loaders.familyById.load(child.familyId),
  ]);
  return eligibilityFrom(ctx, child, school, family);
}

/** The same, from the child's school and family as the caller holds them (a mutation's own entities). */
export function eligibilityFrom(
  ctx: Context,
  child: { birthDate: string },
  school: { network: SchoolNetwork } | null | undefined,
  family: { qpvCode?: string | null } | null | undefined,
): Eligibility {
  const age = ageToday(ctx, child);
  const priorityNetwork = school?.network === SchoolNetwork.REP || school?.network === SchoolNetwork.REP_PLUS;
  const priorityNeighbourhood = family?.qpvCode != null;
  return {
    ageInRange: age >= MIN_AGE && age <= MAX_AGE,
    priorityNetwork,
    priorityNeighbourhood,
    priority: priorityNetwork || priorityNeighbourhood,
  };
}

/** eligibilityOf's `priority`, as an SQL condition on the child aliased `c`. */
export const ELIGIBLE_SQL = `(exists (select 1 from partner s where s.id = c.school_id and s.network in ('REP', 'REP_PLUS'))
  or exists (select 1 from family f where f.id = c.family_id and f.qpv_code is not null))`;
