import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ChildLifecycle, DataCategory, ErasureReason } from '../entities/enums';
import { DataRequestAction } from '../permissions/policy';
import { DateTimeISO, LocalDate } from './scalars';
import './enums';

/**
 * The requests of families, handled by the DPO (RGPD articles 15 and 17), and the daily
 * run of the data's lifetime (src/dpo/, src/lifetime/; policy table DATA_REQUEST_POLICY).
 */

registerEnumType(ChildLifecycle, {
  name: 'ChildLifecycle',
  description: "Lifecycle of a child's file (CNIL référentiel for social support).",
  valuesConfig: {
    ACTIVE: { description: 'Followed, or within the active period (2 years by default) after the last contact.' },
    ARCHIVED: { description: 'No activity for the active period: read by the coordinator and the DPO only; its links are revoked.' },
    ANONYMISED: { description: 'Erased: a row without personal data, kept for the anonymous statistics.' },
  },
});

registerEnumType(ErasureReason, {
  name: 'ErasureReason',
  description: "Why a child's personal data is erased.",
  valuesConfig: {
    FAMILY_REQUEST: { description: 'The family asked (RGPD article 17).' },
    CONSENT_WITHDRAWN: { description: 'The consent the processing rested on was withdrawn.' },
    UNLAWFUL_PROCESSING: { description: 'The data was processed unlawfully (a child referred by mistake...).' },
    LEGAL_OBLIGATION: { description: 'A legal obligation or a court order.' },
    RETENTION_EXPIRED: { description: 'The archive period ended (the daily run only).' },
  },
});

registerEnumType(DataRequestAction, {
  name: 'DataRequestAction',
  description: 'A request about one child outside the rows (policy table "Requests from families").',
  valuesConfig: {
    READ_ACCESS_LOG: { description: "Read a child's access log." },
    FIND_CHILD: { description: 'Find a child by exact identity for a request.' },
    EXPORT_CHILD: { description: 'Download the whole file of a child as one JSON document.' },
    ERASE_CHILD: { description: "Erase a child's personal data everywhere." },
    READ_LIFETIME_RUNS: { description: "Read the daily runs of the data's lifetime." },
  },
});

@ArgsType()
export class FindChildArgs {
  @Field({ description: 'Last name as the request gives it (accents, case, hyphens and apostrophes do not matter).' })
  lastName!: string;

  @Field({ description: 'First name, the same way.' })
  firstName!: string;

  @Field(() => LocalDate, { description: 'Birth date.' })
  birthDate!: string;
}

@ObjectType('ChildIdentityMatch', { description: 'A child found by the DPO for a request: its ID and names, nothing else.' })
export class ChildIdentityMatchType {
  @Field(() => ID, { description: 'ID of the child: give it to childExport or eraseChild.' })
  id!: string;

  @Field({ description: 'First name as recorded.' })
  firstName!: string;

  @Field({ description: 'Last name as recorded.' })
  lastName!: string;

  @Field(() => ChildLifecycle, { description: 'Whether the file is active or archived.' })
  lifecycle!: ChildLifecycle;
}

@ObjectType('ChildExport', { description: "The whole file of one child, as one JSON document (RGPD article 15). Logged as EXPORT." })
export class ChildExportType {
  @Field(() => ID, { description: 'ID of the child.' })
  childId!: string;

  @Field(() => DateTimeISO, { description: 'When the document was made.' })
  generatedAt!: Date;

  @Field(() => [DataCategory], { description: 'The data categories the document holds (the requester\'s, from the policy).' })
  categories!: DataCategory[];

  @Field(() => GraphQLJSONObject, {
    description:
      'The document: identity and category blocks, family and guardians, referrals, pathways (objectives, actions, reviews), consents, links, ' +
      'inclusion follow-up, family meetings, observations, and the access log of the child; `names` gives the names of the accounts and structures it refers to.',
  })
  document!: Record<string, unknown>;
}

@InputType('EraseChildInput', { description: "The DPO's erasure of one child's personal data." })
export class EraseChildInput {
  @Field(() => ID, { description: 'The child (an ID from findChildren).' })
  childId!: string;

  @Field(() => ErasureReason, { description: 'Why (RETENTION_EXPIRED is the daily run\'s).' })
  reason!: ErasureReason;

  @Field(() => String, { nullable: true, description: "The DPO's reference of the request (letters, digits, '-', '_', '/', '.', at most 64): never a name." })
  reference?: string;
}

@ObjectType('ErasureReceipt', { description: 'What an erasure did.' })
export class ErasureReceiptType {
  @Field(() => ID, { description: 'ID of the erased child (it no longer resolves).' })
  childId!: string;

  @Field(() => DateTimeISO, { description: 'When.' })
  erasedAt!: Date;

  @Field(() => ErasureReason, { description: 'Why.' })
  reason!: ErasureReason;

  @Field({ description: 'Whether the family and its guardians were erased too (no other child of theirs remained).' })
  familyErased!: boolean;

  @Field(() => Int, { description: 'Access events of the child kept, no longer pointing at it.' })
  eventsDetached!: number;

}

@ObjectType('LifetimeRun', { description: 'One run of the daily job of the data\'s lifetime (archiving, anonymising, the access log\'s retention).' })
export class LifetimeRunType {
  @Field(() => ID, { description: 'ID of the run.' })
  id!: string;

  @Field(() => Int, { description: 'Attempt of its job (a failed run is retried).' })
  attempt!: number;

  @Field(() => DateTimeISO, { description: 'The instant the run took as now.' })
  asOf!: Date;

  @Field(() => DateTimeISO, { description: 'When it started.' })
  startedAt!: Date;

  @Field(() => DateTimeISO, { nullable: true, description: 'When it finished; null while running.' })
  finishedAt?: Date;

  @Field({ description: 'RUNNING, SUCCEEDED or FAILED.' })
  status!: string;

  @Field(() => Int, { description: 'Children moved to ARCHIVED.' })
  childrenArchived!: number;

  @Field(() => Int, { description: 'Links revoked because their child was archived.' })
  linksRevoked!: number;

  @Field(() => Int, { description: 'Archived children anonymised at the end of the archive period.' })
  childrenAnonymised!: number;



  @Field(() => Int, { description: "Months of the access log made ahead." })
  partitionsCreated!: number;

  @Field(() => Int, { description: 'Months of the access log dropped (past the retention).' })
  partitionsDropped!: number;

  @Field(() => Int, { description: "Statistics tables of the school year that had just ended, frozen for its programme (docs/statistics.md, \"Frozen school years\")." })
  statisticsFrozen!: number;

  @Field({ nullable: true, description: 'For a failed run: the step and the database error code (no data).' })
  error?: string;
}
