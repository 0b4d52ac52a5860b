import { Collection, Entity, ManyToMany, ManyToOne, Property, type Ref, type Opt } from '@mikro-orm/core';
import { TenantEntity } from './base.entity';
import { Partner } from './partner.entity';
import { WorkshopPartner } from './pivots.entity';
import { Account } from './account.entity';

/** An awareness workshop (atelier de sensibilisation) for professionals: no child data. */
@Entity()
export class Workshop extends TenantEntity {
  @Property({ type: 'date', index: true })
  heldOn!: string;

  @Property({ length: 200 })
  topic!: string;

  @ManyToOne(() => Account, { ref: true, nullable: true, index: true })
  facilitator?: Ref<Account>;

  @ManyToMany({ entity: () => Partner, owner: true, pivotEntity: () => WorkshopPartner })
  attendingPartners = new Collection<Partner>(this);

  @Property({ type: 'integer' })
  professionalsCount: number & Opt = 0;
}
