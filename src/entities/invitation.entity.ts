import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { TenantEntity } from './base.entity';
import { Account } from './account.entity';
import { Guardian } from './guardian.entity';

/**
 * A one-time, expiring invitation of a guardian to the family portal (domain.md,
 * "Invitation"): its first use binds the identity provider's subject to a new GUARDIAN
 * account. Only the SHA-256 of the token is kept.
 */
@Entity()
export class Invitation extends TenantEntity {
  /** The guardian invited to the portal. */
  @ManyToOne(() => Guardian, { ref: true, index: true })
  guardian!: Ref<Guardian>;

  /** The guardian's account, once the invitation is used. */
  @ManyToOne(() => Account, { ref: true, nullable: true, index: true })
  account?: Ref<Account>;

  /** Where the invitation was sent; the guardian's account carries it. */
  @Property({ length: 254 })
  email!: string;

  /** SHA-256 (hex) of the token: the token itself is shown once, to its creator, and never stored. */
  @Property({ length: 64, unique: true })
  tokenHash!: string;

  @ManyToOne(() => Account, { ref: true })
  createdBy!: Ref<Account>;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date;
}
