import { Collection, Entity, Enum, ManyToOne, OneToMany, Property, type Ref } from '@mikro-orm/core';
import { TenantEntity } from './base.entity';
import { ConsentMethod, ConsentPurpose } from './enums';
import { Child } from './child.entity';
import { Guardian } from './guardian.entity';
import { Account } from './account.entity';
import { ConsentScope } from './consent-scope.entity';

/** A guardian's consent for a child, for one purpose, scoped to partners and categories. */
@Entity()
export class Consent extends TenantEntity {
  @ManyToOne(() => Child, { ref: true, index: true })
  child!: Ref<Child>;

  @ManyToOne(() => Guardian, { ref: true, index: true })
  givenBy!: Ref<Guardian>;

  @Property({ type: 'timestamptz' })
  givenAt!: Date;

  @Enum({ items: () => ConsentMethod, nativeEnumName: 'consent_method' })
  method!: ConsentMethod;

  /** The agent who recorded a paper or oral consent. */
  @ManyToOne(() => Account, { ref: true, nullable: true, index: true })
  recordedBy?: Ref<Account>;

  @Enum({ items: () => ConsentPurpose, nativeEnumName: 'consent_purpose' })
  purpose!: ConsentPurpose;

  @Property({ type: 'date', nullable: true })
  expiresOn?: string;

  @Property({ type: 'timestamptz', nullable: true })
  withdrawnAt?: Date;

  /** Who withdrew it: the guardian's portal account, or the agent who received a withdrawal on paper or by phone. */
  @ManyToOne(() => Account, { ref: true, nullable: true, index: true })
  withdrawnBy?: Ref<Account>;

  /** How it was withdrawn: PORTAL (the guardian), SIGNED_FORM (on paper) or ORAL_RECORDED (by phone, recorded by an agent). */
  @Enum({ items: () => ConsentMethod, nativeEnumName: 'consent_method', nullable: true })
  withdrawalMethod?: ConsentMethod;

  @OneToMany(() => ConsentScope, (s) => s.consent)
  scope = new Collection<ConsentScope>(this);
}
