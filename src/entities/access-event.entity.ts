import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { AccessAction, DataCategory } from './enums';
import { Programme } from './programme.entity';
import { Account } from './account.entity';
import { Partner } from './partner.entity';
import { Child } from './child.entity';

/**
 * One entry of the access log. Append-only: the database refuses updates and deletes.
 *
 * Every response appends one row per child it read, so the insert is on the path of every
 * request. The log names rows, it does not hold on to them: no foreign keys. Their check
 * (a lookup and a row lock of the referenced row, per key and inserted row) cost about as
 * much as the rest of the insert; the programme, account and partner are the
 * authenticated viewer's own; and the log must outlive what it mentions (a child erased
 * on request keeps its log, under an id that no longer resolves, where a `set null` key
 * would have run into the append-only trigger and refused the erasure). Indexes: the
 * child's (with the date, for accessLog) and the account's (what one account read); none
 * on the programme or the partner, which no query looks up by.
 */
@Entity()
@Index({ properties: ['child', 'at'] })
export class AccessEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Programme, { ref: true, createForeignKeyConstraint: false })
  programme!: Ref<Programme>;

  /** Part of the key: the log is partitioned by month of `at` (src/lifetime/partitions.ts). */
  @PrimaryKey({ type: 'timestamptz' })
  at: Date & Opt = new Date();

  @ManyToOne(() => Account, { ref: true, index: true, createForeignKeyConstraint: false })
  account!: Ref<Account>;

  @ManyToOne(() => Partner, { ref: true, nullable: true, createForeignKeyConstraint: false })
  partner?: Ref<Partner>;

  @Enum({ items: () => AccessAction, nativeEnumName: 'access_action' })
  action!: AccessAction;

  @Property({ length: 50 })
  entity!: string;

  @ManyToOne(() => Child, { ref: true, nullable: true, createForeignKeyConstraint: false })
  child?: Ref<Child>;

  @Enum({ items: () => DataCategory, nativeEnumName: 'data_category', array: true })
  categories: DataCategory[] & Opt = [];

  @Property({ length: 64 })
  requestId!: string;
}
