import { Collection, Entity, Enum, ManyToOne, OneToMany, OneToOne, Property, type Ref, type Opt } from '@mikro-orm/core';
import { TenantEntity } from './base.entity';
import { InclusionStatus } from './enums';
import { Child } from './child.entity';
import { Account } from './account.entity';
import { Accommodation } from './accommodation.entity';
import { AdaptedActivity } from './adapted-activity.entity';
import { Consent } from './consent.entity';

/**
 * The inclusion follow-up (projet d'accueil) of a child with special needs. INCLUSION
 * data: needs and accommodations, never the diagnosis (that is HEALTH, on the child).
 */
@Entity()
export class InclusionFollowUp extends TenantEntity {
  @OneToOne(() => Child, { ref: true, owner: true, unique: true })
  child!: Ref<Child>;

  @Enum({ items: () => InclusionStatus, nativeEnumName: 'inclusion_status' })
  status: InclusionStatus & Opt = InclusionStatus.OPEN;

  @ManyToOne(() => Account, { ref: true, nullable: true, index: true })
  referent?: Ref<Account>;

  /**
   * The family's INCLUSION_FOLLOW_UP consent the follow-up was opened with: the inclusion
   * referent sees the child only while it is in force, and its HEALTH only where its scope
   * gives HEALTH to the referent's structure (access-policy.md, INCLUSION_REFERENT rows).
   * Null for a follow-up recorded before consents were required: it grants nothing.
   */
  @ManyToOne(() => Consent, { ref: true, nullable: true, index: true })
  consent?: Ref<Consent>;

  @Property({ type: 'date', nullable: true })
  assessedOn?: string;

  @ManyToOne(() => Account, { ref: true, nullable: true, index: true })
  assessedBy?: Ref<Account>;

  @Property({ type: 'text', nullable: true })
  findings?: string;

  @Property({ type: 'text', nullable: true })
  familyExpectations?: string;

  @Property({ type: 'text', nullable: true })
  needsInventory?: string;

  @Property({ type: 'text', nullable: true })
  existingMeans?: string;

  /** PAI arrangements: what staff must do, never the diagnosis. */
  @Property({ type: 'text', nullable: true })
  paiArrangements?: string;

  @Property({ type: 'text', nullable: true })
  emergencyProtocol?: string;

  /** The day the follow-up was closed (closeInclusionFollowUp). */
  @Property({ type: 'date', nullable: true })
  closedOn?: string;

  /** What the follow-up came to, written when it is closed. */
  @Property({ type: 'text', nullable: true })
  outcome?: string;

  @OneToMany(() => Accommodation, (a) => a.followUp)
  accommodations = new Collection<Accommodation>(this);

  @OneToMany(() => AdaptedActivity, (a) => a.followUp)
  adaptedActivities = new Collection<AdaptedActivity>(this);
}
