import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { TenantEntity } from './base.entity';
import { DataCategory } from './enums';
import { Child } from './child.entity';
import { Account } from './account.entity';
import { Partner } from './partner.entity';

/** A dated note a professional writes about a child, in one data category. */
@Entity()
@Index({ properties: ['child', 'category'] })
export class Observation extends TenantEntity {
  @ManyToOne(() => Child, { ref: true })
  child!: Ref<Child>;

  @Enum({ items: () => DataCategory, nativeEnumName: 'data_category' })
  category!: DataCategory;

  @ManyToOne(() => Account, { ref: true, index: true })
  author!: Ref<Account>;

  @ManyToOne(() => Partner, { ref: true, nullable: true, index: true })
  partner?: Ref<Partner>;

  @Property({ type: 'text' })
  text!: string;
}
