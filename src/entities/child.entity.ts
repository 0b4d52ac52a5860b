import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, type Ref, type Opt } from '@mikro-orm/core';
import { TenantEntity } from './base.entity';
import { AttendanceConcern, Grade, ProtectionMeasure } from './enums';
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
export class Child extends TenantEntity {
  @ManyToOne(() => Family, { ref: true, index: true })
  family!: Ref<Family>;

  // IDENTITY
  @Property({ length: 100 })
  firstName!: string;

  @Property({ length: 100 })
  lastName!: string;

  @Property({ type: 'date' })
  birthDate!: string;

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

  @OneToMany(() => Observation, (o) => o.child)
  observations = new Collection<Observation>(this);
}
