import { Entity, Enum, Index, Property, type Opt } from '@mikro-orm/core';
import { TenantEntity } from './base.entity';
import { PartnerKind, SchoolLevel, SchoolNetwork } from './enums';

/** A partner structure: school, social services, leisure centre, health, sports, culture, the PRE team. */
@Entity()
@Index({ properties: ['programme', 'kind'] })
export class Partner extends TenantEntity {
  @Enum({ items: () => PartnerKind, nativeEnumName: 'partner_kind' })
  kind!: PartnerKind;

  @Property({ length: 200 })
  name!: string;

  @Property({ length: 300, nullable: true })
  address?: string;

  /** UAI code of a school: 7 digits and a letter. */
  @Property({ length: 8, nullable: true, unique: true })
  uai?: string;

  @Enum({ items: () => SchoolLevel, nativeEnumName: 'school_level', nullable: true })
  schoolLevel?: SchoolLevel;

  @Enum({ items: () => SchoolNetwork, nativeEnumName: 'school_network' })
  network: SchoolNetwork & Opt = SchoolNetwork.NONE;

  /**
   * A deactivated partner keeps its rows (links, referrals, observations stay readable
   * where they were), but its links grant nothing from the next request on
   * (linkInForceSql, src/permissions/access.ts).
   */
  @Property({ type: 'boolean' })
  active: boolean & Opt = true;
}
