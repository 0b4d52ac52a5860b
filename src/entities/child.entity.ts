import { Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, type Ref, type Opt } from '@mikro-orm/core';
import { TenantEntity } from './base.entity';
import { AttendanceConcern, ChildLifecycle, Grade, ProtectionMeasure } from './enums';
import { Family } from './family.entity';
import { Partner } from './partner.entity';
import { Observation } from './observation.entity';

/**
 * A child followed by the programme. Columns are grouped by data category: identity
 * first, then SCHOOLING, SOCIAL and HEALTH; CONTACT lives on the family and guardians,
 * INCLUSION on the inclusion follow-up, PATHWAY on referrals and pathways.
 */
@Entity()
@Index({ properties: ['programme', 'lastName', 'firstName'] })
@Index({ properties: ['programme', 'lifecycle'] })
@Index({ properties: ['programme', 'birthDate'] })
// An anonymised row holds no name, birth date or text (src/lifetime/erasure.ts).
@Check({
  name: 'child_anonymised_check',
  expression: `lifecycle <> 'ANONYMISED' or (anonymised_at is not null and first_name = '' and last_name = '' and birth_date is null and schooling_arrangements is null and social_follow_up is null and diagnosis is null and medical_follow_up is null and mdph_decision is null and treatments is null)`,
})
export class Child extends TenantEntity {
  @ManyToOne(() => Family, { ref: true, index: true })
  family!: Ref<Family>;

  // IDENTITY
  @Property({ length: 100 })
  firstName!: string;

  @Property({ length: 100 })
  lastName!: string;

  /**
   * Null only once the child is anonymised (ChildLifecycle.ANONYMISED), and no read path
   * returns an anonymised child: every child that reaches a resolver has one.
   */
  @Property({ type: 'date', nullable: true })
  birthDate!: string;

  /** Follows the birth date (a trigger sets it) and outlives it: the statistics' age. */
  @Property({ type: 'smallint', onCreate: (child: Child) => Number(child.birthDate.slice(0, 4)) })
  birthYear!: number & Opt;

  @ManyToOne(() => Partner, { ref: true, nullable: true, index: true })
  school?: Ref<Partner>;

  @Enum({ items: () => Grade, nativeEnumName: 'grade', nullable: true, index: true })
  grade?: Grade;

  // SCHOOLING
  @Enum({ items: () => AttendanceConcern, nativeEnumName: 'attendance_concern' })
  attendanceConcern: AttendanceConcern & Opt = AttendanceConcern.NONE;

  /** Personalised schooling project (PPS) in place. */
  @Property({ type: 'boolean' })
  hasPps: boolean & Opt = false;

  /** Weekly hours of a support assistant (AESH), if any. */
  @Property({ type: 'decimal', precision: 4, scale: 1, nullable: true })
  aeshHours?: string;

  @Property({ type: 'text', nullable: true })
  schoolingArrangements?: string;

  // SOCIAL
  @Enum({ items: () => ProtectionMeasure, nativeEnumName: 'protection_measure' })
  protectionMeasure: ProtectionMeasure & Opt = ProtectionMeasure.NONE;

  @Property({ type: 'text', nullable: true })
  socialFollowUp?: string;

  // HEALTH
  @Property({ type: 'text', nullable: true })
  diagnosis?: string;

  @Property({ type: 'text', nullable: true })
  medicalFollowUp?: string;

  @Property({ type: 'text', nullable: true })
  mdphDecision?: string;

  @Property({ type: 'text', nullable: true })
  treatments?: string;

  // LIFETIME (src/lifetime/): ACTIVE, then ARCHIVED, then ANONYMISED.
  @Enum({ items: () => ChildLifecycle, nativeEnumName: 'child_lifecycle' })
  lifecycle: ChildLifecycle & Opt = ChildLifecycle.ACTIVE;

  @Property({ type: 'timestamptz', nullable: true })
  archivedAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  anonymisedAt?: Date;

  @OneToMany(() => Observation, (o) => o.child)
  observations = new Collection<Observation>(this);
}
