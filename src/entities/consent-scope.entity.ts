import { Entity, Enum, ManyToOne, type Ref, type Opt } from '@mikro-orm/core';
import { TenantEntity } from './base.entity';
import { DataCategory } from './enums';
import { Consent } from './consent.entity';
import { Partner } from './partner.entity';

/** One line of a consent's scope: a partner and the categories it may receive. */
@Entity()
export class ConsentScope extends TenantEntity {
  @ManyToOne(() => Consent, { ref: true, index: true })
  consent!: Ref<Consent>;

  @ManyToOne(() => Partner, { ref: true, index: true })
  partner!: Ref<Partner>;

  @Enum({ items: () => DataCategory, nativeEnumName: 'data_category', array: true })
  categories: DataCategory[] & Opt = [];
}
