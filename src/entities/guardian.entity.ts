import { Entity, Enum, ManyToOne, Property, type Ref, type Opt } from '@mikro-orm/core';
import { TenantEntity } from './base.entity';
import { GuardianRelationship } from './enums';
import { Family } from './family.entity';

/** A legal guardian (responsable légal) of the children of a family. */
@Entity()
export class Guardian extends TenantEntity {
  @ManyToOne(() => Family, { ref: true, index: true })
  family!: Ref<Family>;

  @Property({ length: 100 })
  firstName!: string;

  @Property({ length: 100 })
  lastName!: string;

  @Enum({ items: () => GuardianRelationship, nativeEnumName: 'guardian_relationship' })
  relationship!: GuardianRelationship;

  /** Holds parental authority (autorité parentale): only such a guardian can give consent. */
  @Property({ type: 'boolean' })
  parentalAuthority: boolean & Opt = true;

  @Property({ length: 20, nullable: true })
  phone?: string;

  @Property({ length: 254, nullable: true })
  email?: string;

  @Property({ type: 'string', length: 10 })
  preferredLanguage: string & Opt = 'fr';
}
