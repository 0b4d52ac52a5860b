import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../permissions/access';
import { ChildLifecycle } from '../entities/enums';

/**
 * The erasure of children's personal data (RGPD article 17; access-policy.md, "Lifetime
 * of the data"): the same statements for the DPO's `eraseChild` (one child) and for the
 * daily run's anonymisation of archived children (many), inside the caller's transaction,
 * so that nothing is half-erased.
 *
 * What is kept, and why (README "What the erasure keeps"): the anonymous statistics count
 * children, referrals, pathways, links, consents and follow-ups by age, grade, school
 * network, neighbourhood, status and domain. So every row stays, with its keys, dates,
 * enums, flags and counts, and loses what names or describes a person:
 *
 * | table | stripped | kept |
 * |---|---|---|
 * | child | names (''), birth date (null), every text | birth year, grade, school, the SCHOOLING and SOCIAL enums and flags, AESH hours; lifecycle ANONYMISED |
 * | observation | the rows (free texts about the child) | nothing |
 * | referral | description (''), decision reason; an open one is WITHDRAWN | dates, domains, status, referring partner |
 * | pathway | closure and suspension reasons; an open one is CLOSED on that day | dates, status, referent |
 * | objective, review | texts ('' / null) | domain, status, dates |
 * | pathway_comment | the rows (the family's own words) | nothing |
 * | action (individual, of these children only) | title (''), outcome | kind, domain, child time, status, dates |
 * | service_link | reasons (texts); a PROPOSED, ACTIVE or SUSPENDED one is REVOKED | partner, categories, legal basis, dates |
 * | inclusion_follow_up, accommodation, adapted_activity | every text; the follow-up is CLOSED | status, dates, partners, child time |
 * | family_meeting (of the child) | every text | date |
 * | family (when no other child of it remains) | address line, social texts, languages | postal code, city, QPV code, interpreter flag |
 * | guardian (same) | names (''), phone, email; parental authority off | relationship, preferred language |
 * | account of such a guardian | email, subject, name; deactivated | role |
 * | consent, consent_scope | nothing personal to strip | everything |
 * | data_request (the DPO's searches that found the child) | what was asked | when, who, how many matched |
 * | access_event | the child's id (detached, by the owner's function) | everything else: who read what, when |
 */

export interface ErasureCounts {
  /** Children anonymised by this call (already anonymised ones are left alone). */
  children: number;
  /** Families (and their guardians) erased because no other child of theirs remained. */
  families: number;
  /** Access events detached from these children. */
  eventsDetached: number;
}

/** A statement in the caller's transaction (`?` placeholders). */
type Exec = <T extends object>(text: string, params: unknown[]) => Promise<T[]>;

/** Runs statements in the transaction of `em` (a mutation's, or the daily run's). */
export function execIn(em: EntityManager): Exec {
  return <T extends object>(text: string, params: unknown[]) => em.getConnection().execute<T[]>(text, params, 'all', em.getTransactionContext());
}

/** Why a text is where a revocation reason was: no personal data, fixed words. */
const ERASED_REVOCATION = 'The personal data of the child was erased';

/**
 * Anonymises `childIds` (those of them that are not anonymised yet) as of `at` (`today` its
 * date in Paris), in the transaction of `em`. The children are locked first: a concurrent
 * erasure of the same child waits, then finds nothing left to do.
 */
export async function anonymiseChildren(em: EntityManager, childIds: readonly string[], at: Date, today: string): Promise<ErasureCounts & { childIds: string[] }> {
  const exec = execIn(em);
  const locked = await exec<{ id: string }>(
    `select id from child where id = any(?::uuid[]) and lifecycle <> 'ANONYMISED' order by id for update`,
    [pgArray(childIds)],
  );
  if (locked.length === 0) return { children: 0, families: 0, eventsDetached: 0, childIds: [] };
  const ids = pgArray(locked.map((row) => row.id));
  /** The row is written: a new version, as of `at` (`alias`: the updated table's). */
  const touch = (alias: string) => `version = ${alias}.version + 1, updated_at = ?`;

  await exec(`delete from observation where child_id = any(?::uuid[])`, [ids]);
  // The kept answers of the programme's mutations (src/workflows/idempotency.ts) may quote
  // these children: dropped (a retry of one is then told its write is there, not given it).
  await exec(
    `update idempotency_key set answer = null, reads = null
      where answer is not null and account_id in (select a.id from account a where a.programme_id in (select c.programme_id from child c where c.id = any(?::uuid[])))`,
    [ids],
  );
  await exec(`update objective o set text = '', ${touch('o')} from pathway p where p.id = o.pathway_id and p.child_id = any(?::uuid[])`, [at, ids]);
  await exec(`update review r set progress = '', next_steps = null, ${touch('r')} from pathway p where p.id = r.pathway_id and p.child_id = any(?::uuid[])`, [at, ids]);
  await exec(`delete from pathway_comment c using pathway p where p.id = c.pathway_id and p.child_id = any(?::uuid[])`, [ids]);
  // An individual action of these children alone; a collective one is the other children's too.
  await exec(
    `update action a set title = '', outcome = null, ${touch('a')}
      where a.kind = 'INDIVIDUAL'
        and exists (select 1 from action_pathway ap join pathway p on p.id = ap.pathway_id where ap.action_id = a.id and p.child_id = any(?::uuid[]))
        and not exists (select 1 from action_pathway ap join pathway p on p.id = ap.pathway_id where ap.action_id = a.id and not (p.child_id = any(?::uuid[])))`,
    [at, ids, ids],
  );
  await exec(
    `update pathway set closure_reason = null, suspension_reason = null, suspended_at = null, status = 'CLOSED', end_date = coalesce(end_date, ?::date), ${touch('pathway')} where child_id = any(?::uuid[])`,
    [today, at, ids],
  );
  await exec(
    `update referral set description = '', decision_reason = null,
            decided_on = case when status in ('SUBMITTED', 'UNDER_REVIEW') then ?::date else decided_on end,
            status = case when status in ('SUBMITTED', 'UNDER_REVIEW') then 'WITHDRAWN'::referral_status else status end, ${touch('referral')}
      where child_id = any(?::uuid[])`,
    [today, at, ids],
  );
  await exec(`update referral set suspected_duplicate_of_id = null where suspected_duplicate_of_id = any(?::uuid[])`, [ids]);
  await exec(
    `update service_link set parents_not_informed_reason = null, suspension_reason = null,
            revocation_reason = case when status in ('PROPOSED', 'ACTIVE', 'SUSPENDED') then ? else null end,
            revoked_at = case when status in ('PROPOSED', 'ACTIVE', 'SUSPENDED') then ? else revoked_at end,
            status = case when status in ('PROPOSED', 'ACTIVE', 'SUSPENDED') then 'REVOKED'::service_link_status else status end, ${touch('service_link')}
      where child_id = any(?::uuid[])`,
    [ERASED_REVOCATION, at, at, ids],
  );
  await exec(
    `update accommodation a set description = '', ${touch('a')} from inclusion_follow_up f where f.id = a.follow_up_id and f.child_id = any(?::uuid[])`,
    [at, ids],
  );
  await exec(
    `update adapted_activity a set title = '', description = null, ${touch('a')} from inclusion_follow_up f where f.id = a.follow_up_id and f.child_id = any(?::uuid[])`,
    [at, ids],
  );
  await exec(
    `update inclusion_follow_up set findings = null, family_expectations = null, needs_inventory = null, existing_means = null,
            pai_arrangements = null, emergency_protocol = null, outcome = null, status = 'CLOSED', ${touch('inclusion_follow_up')}
      where child_id = any(?::uuid[])`,
    [at, ids],
  );
  await exec(
    `update family_meeting set attendees = null, expectations = null, needs = null, existing_means = null, next_steps = null, ${touch('family_meeting')} where child_id = any(?::uuid[])`,
    [at, ids],
  );
  await exec(
    `update child set first_name = '', last_name = '', birth_date = null, schooling_arrangements = null, social_follow_up = null,
            diagnosis = null, medical_follow_up = null, mdph_decision = null, treatments = null,
            lifecycle = ?, anonymised_at = ?, ${touch('child')}
      where id = any(?::uuid[])`,
    [ChildLifecycle.ANONYMISED, at, at, ids],
  );
  // The family and its guardians, once no child of theirs is left with personal data.
  const [family] = await exec<{ families: string }>(
    `with families as (
       update family f set address_line = '', social_situation = null, social_notes = null, languages = '{}', ${touch('f')}
        where f.id in (select family_id from child where id = any(?::uuid[]))
          and not exists (select 1 from child c where c.family_id = f.id and c.lifecycle <> 'ANONYMISED')
       returning f.id),
     guardians as (
       update guardian g set first_name = '', last_name = '', phone = null, email = null, parental_authority = false, ${touch('g')}
         from families where g.family_id = families.id returning g.id),
     meetings as (
       update family_meeting m set attendees = null, expectations = null, needs = null, existing_means = null, next_steps = null, ${touch('m')}
         from families where m.family_id = families.id returning m.id),
     accounts as (
       update account a set active = false, email = 'erased-' || a.id || '@erased.invalid', subject = 'erased:' || a.id,
              display_name = 'Erased account', ${touch('a')}
         from guardians where a.guardian_id = guardians.id returning a.id),
     invitations as (
       update invitation i set email = 'erased-' || i.id || '@erased.invalid', revoked_at = case when i.used_at is null then coalesce(i.revoked_at, ?) else i.revoked_at end, ${touch('i')}
         from guardians where i.guardian_id = guardians.id returning i.id)
     select (select count(*) from families) as families, (select count(*) from guardians) as g,
            (select count(*) from meetings) as m, (select count(*) from accounts) as a`,
    [at, ids, at, at, at, at, at],
  );
  // The DPO's searches that found these children no longer tell what was asked.
  await exec(
    `update data_request set searched_last_name = null, searched_first_name = null, searched_birth_date = null
      where kind = 'SEARCH' and matched_child_ids && ?::uuid[]`,
    [ids],
  );
  const [detached] = await exec<{ n: string }>(`select access_event_detach_children(?::uuid[]) as n`, [ids]);
  return {
    children: locked.length,
    families: Number(family?.families ?? 0),
    eventsDetached: Number(detached?.n ?? 0),
    childIds: locked.map((row) => row.id),
  };
}
