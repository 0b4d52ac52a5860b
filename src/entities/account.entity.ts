import { Entity, Enum, ManyToOne, Property, type Ref, type Opt } from '@mikro-orm/core';
import { TenantEntity } from './base.entity';
import { Role } from './enums';
import { Partner } from './partner.entity';
import { Guardian } from './guardian.entity';

/** A person who signs in: staff of a partner, or a guardian on the family portal. */
@Entity()
export class Account extends TenantEntity {
  @Property({ length: 254, unique: true })
  email!: string;

  /** The identity provider's subject (`sub` claim); unique across programmes. */
  @Property({ length: 255, unique: true })
  subject!: string;

  @Property({ length: 200 })
  displayName!: string;

  @Enum({ items: () => Role, nativeEnumName: 'account_role' })
  role!: Role;

  @ManyToOne(() => Partner, { ref: true, nullable: true, index: true })
  partner?: Ref<Partner>;

  @ManyToOne(() => Guardian, { ref: true, nullable: true, index: true })
  guardian?: Ref<Guardian>;

  @Property({ type: 'boolean' })
  active: boolean & Opt = true;
}
