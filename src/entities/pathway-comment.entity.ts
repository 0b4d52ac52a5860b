import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { TenantEntity } from './base.entity';
import { Pathway } from './pathway.entity';
import { Guardian } from './guardian.entity';

/** The family's word on a pathway (domain.md, "PathwayComment"): a guardian's comment, PATHWAY data. */
@Entity()
export class PathwayComment extends TenantEntity {
  @ManyToOne(() => Pathway, { ref: true, index: true })
  pathway!: Ref<Pathway>;

  @ManyToOne(() => Guardian, { ref: true, index: true })
  guardian!: Ref<Guardian>;

  @Property({ type: 'text' })
  text!: string;
}
