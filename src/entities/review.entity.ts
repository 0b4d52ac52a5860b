import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { TenantEntity } from './base.entity';
import { Pathway } from './pathway.entity';
import { Account } from './account.entity';

/** A review (bilan) of a pathway. */
@Entity()
export class Review extends TenantEntity {
  @ManyToOne(() => Pathway, { ref: true, index: true })
  pathway!: Ref<Pathway>;

  @Property({ type: 'date' })
  heldOn!: string;

  @Property({ type: 'text' })
  progress!: string;

  @Property({ type: 'text', nullable: true })
  nextSteps?: string;

  @ManyToOne(() => Account, { ref: true, nullable: true, index: true })
  author?: Ref<Account>;
}
