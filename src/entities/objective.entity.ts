import { Entity, Enum, ManyToOne, Property, type Ref, type Opt } from '@mikro-orm/core';
import { TenantEntity } from './base.entity';
import { Domain, ObjectiveStatus } from './enums';
import { Pathway } from './pathway.entity';

/** An objective of a pathway, in one domain. */
@Entity()
export class Objective extends TenantEntity {
  @ManyToOne(() => Pathway, { ref: true, index: true })
  pathway!: Ref<Pathway>;

  @Enum({ items: () => Domain, nativeEnumName: 'domain' })
  domain!: Domain;

  @Property({ type: 'text' })
  text!: string;

  @Enum({ items: () => ObjectiveStatus, nativeEnumName: 'objective_status' })
  status: ObjectiveStatus & Opt = ObjectiveStatus.OPEN;
}
