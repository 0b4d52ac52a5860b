import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref, type Opt } from '@mikro-orm/core';
import { TenantEntity } from './base.entity';
import { Domain, ReferralStatus } from './enums';
import { Child } from './child.entity';
import { Partner } from './partner.entity';
import { Account } from './account.entity';
import { TeamMeeting } from './team-meeting.entity';

/** A referral (orientation, fiche de repérage) of a child to the programme. */
@Entity()
@Index({ properties: ['programme', 'status'] })
// A child has at most one open referral (the workflow names the open one: REFERRAL_ALREADY_OPEN).
@Unique({
  name: 'referral_one_open_per_child',
  expression: `create unique index "referral_one_open_per_child" on "referral" ("child_id") where "status" in ('SUBMITTED', 'UNDER_REVIEW')`,
})
export class Referral extends TenantEntity {
  @ManyToOne(() => Child, { ref: true, index: true })
  child!: Ref<Child>;

  @ManyToOne(() => Partner, { ref: true, index: true })
  referringPartner!: Ref<Partner>;

  @ManyToOne(() => Account, { ref: true, index: true })
  referringAccount!: Ref<Account>;

  /** The pathway referent the referral was handed to, if any. */
  @ManyToOne(() => Account, { ref: true, nullable: true, index: true })
  assignedTo?: Ref<Account>;

  @Property({ type: 'date' })
  referredOn!: string;

  @Enum({ items: () => Domain, nativeEnumName: 'domain', array: true })
  domains: Domain[] & Opt = [];

  @Property({ type: 'text' })
  description!: string;

  @Enum({ items: () => ReferralStatus, nativeEnumName: 'referral_status' })
  status: ReferralStatus & Opt = ReferralStatus.SUBMITTED;

  @Property({ type: 'date', nullable: true })
  decidedOn?: string;

  @Property({ type: 'text', nullable: true })
  decisionReason?: string;

  @ManyToOne(() => TeamMeeting, { ref: true, nullable: true, index: true })
  teamMeeting?: Ref<TeamMeeting>;

  /**
   * A child of the programme this referral's new child looks like (same names and birth
   * date) that the submitter may not see: the coordinator decides; the submitter is never
   * told (access-policy.md, "What a request may reveal").
   */
  @ManyToOne(() => Child, { ref: true, nullable: true, index: true })
  suspectedDuplicateOf?: Ref<Child>;
}
