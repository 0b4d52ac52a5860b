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
 * request. Its programme, account and partner are the authenticated viewer's own, which
 * are never deleted (accounts are deactivated): they carry no foreign key, whose check
 * (one lookup and row lock of the referenced row per inserted row) cost about as much as
 * the rest of the insert. The child keeps its key: deleting a child that has been read is
 * refused by it (its `set null` meets the append-only trigger).
 */
@Entity()
@Index({ properties: ['child', 'at'] })
export class AccessEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Programme, { ref: true, index: true, createForeignKeyConstraint: false })
  programme!: Ref<Programme>;

  @Property({ type: 'timestamptz' })
  at: Date & Opt = new Date();

  @ManyToOne(() => Account, { ref: true, index: true, createForeignKeyConstraint: false })
  account!: Ref<Account>;

  @ManyToOne(() => Partner, { ref: true, nullable: true, index: true, createForeignKeyConstraint: false })
  partner?: Ref<Partner>;

  @Enum({ items: () => AccessAction, nativeEnumName: 'access_action' })
  action!: AccessAction;

  @Property({ length: 50 })
  entity!: string;

  @ManyToOne(() => Child, { ref: true, nullable: true, deleteRule: 'set null' })
  child?: Ref<Child>;

  @Enum({ items: () => DataCategory, nativeEnumName: 'data_category', array: true })
  categories: DataCategory[] & Opt = [];

  @Property({ length: 64 })
  requestId!: string;
}
