import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { TenantEntity } from './base.entity';
import { InclusionFollowUp } from './inclusion-follow-up.entity';
import { Partner } from './partner.entity';

/** An accommodation a given structure puts in place for the child. */
@Entity()
export class Accommodation extends TenantEntity {
  @ManyToOne(() => InclusionFollowUp, { ref: true, index: true })
  followUp!: Ref<InclusionFollowUp>;

  @ManyToOne(() => Partner, { ref: true, index: true })
  partner!: Ref<Partner>;

  @Property({ type: 'text' })
  description!: string;
}
