import { Entity, Enum, Index, ManyToOne, Property, type Ref, type Opt } from '@mikro-orm/core';
import { TenantEntity } from './base.entity';
import { ConsentPurpose, DataCategory, LegalBasis, ServiceLinkStatus } from './enums';
import { Child } from './child.entity';
import { Partner } from './partner.entity';
import { Account } from './account.entity';
import { Consent } from './consent.entity';

/**
 * A link between services (passerelle): the only thing that lets a partner agent see a
 * child, and only in the categories it lists, while ACTIVE and within its validity.
 */
@Entity()
@Index({ properties: ['partner', 'status', 'child'] })
export class ServiceLink extends TenantEntity {
  @ManyToOne(() => Child, { ref: true, index: true })
  child!: Ref<Child>;

  /** The partner that receives access. */
  @ManyToOne(() => Partner, { ref: true })
  partner!: Ref<Partner>;

  @ManyToOne(() => Partner, { ref: true, nullable: true, index: true })
  originPartner?: Ref<Partner>;

  @Enum({ items: () => ConsentPurpose, nativeEnumName: 'consent_purpose' })
  purpose!: ConsentPurpose;

  @Enum({ items: () => DataCategory, nativeEnumName: 'data_category', array: true })
  categories: DataCategory[] & Opt = [];

  @Enum({ items: () => LegalBasis, nativeEnumName: 'legal_basis' })
  legalBasis!: LegalBasis;

  /** The consent the link rests on, when its legal basis is CONSENT. */
  @ManyToOne(() => Consent, { ref: true, nullable: true, index: true })
  consent?: Ref<Consent>;

  /** Shared-secret basis: when the parents were informed... */
  @Property({ type: 'date', nullable: true })
  parentsInformedOn?: string;

  /** ...or why they were not (against the child's interest). */
  @Property({ type: 'text', nullable: true })
  parentsNotInformedReason?: string;

  @ManyToOne(() => Account, { ref: true, index: true })
  createdBy!: Ref<Account>;

  @Enum({ items: () => ServiceLinkStatus, nativeEnumName: 'service_link_status' })
  status: ServiceLinkStatus & Opt = ServiceLinkStatus.PROPOSED;

  @Property({ type: 'date' })
  validFrom!: string;

  @Property({ type: 'date', nullable: true })
  validUntil?: string;

  /** Set while the link is SUSPENDED (cleared when it is activated again). */
  @Property({ type: 'timestamptz', nullable: true })
  suspendedAt?: Date;

  @Property({ type: 'text', nullable: true })
  suspensionReason?: string;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date;

  @Property({ type: 'text', nullable: true })
  revocationReason?: string;
}
