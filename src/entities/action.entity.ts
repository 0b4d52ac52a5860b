import { Collection, Entity, Enum, ManyToMany, ManyToOne, Property, type Ref, type Opt } from '@mikro-orm/core';
import { TenantEntity } from './base.entity';
import { ActionKind, ActionStatus, ChildTime, Domain } from './enums';
import { Partner } from './partner.entity';
import { Pathway } from './pathway.entity';
import { ActionPathway } from './pivots.entity';

/**
 * An action of one pathway (INDIVIDUAL) or shared by several pathways (COLLECTIVE:
 * a group of children from several pathways).
 */
@Entity()
export class Action extends TenantEntity {
  @Property({ length: 200 })
  title!: string;

  @Enum({ items: () => ActionKind, nativeEnumName: 'action_kind' })
  kind!: ActionKind;

  @Enum({ items: () => Domain, nativeEnumName: 'domain' })
  domain!: Domain;

  @Enum({ items: () => ChildTime, nativeEnumName: 'child_time' })
  childTime!: ChildTime;

  @ManyToOne(() => Partner, { ref: true, nullable: true, index: true })
  provider?: Ref<Partner>;

  @Property({ type: 'date', nullable: true })
  startDate?: string;

  @Property({ type: 'date', nullable: true })
  endDate?: string;

  @Enum({ items: () => ActionStatus, nativeEnumName: 'action_status' })
  status: ActionStatus & Opt = ActionStatus.PLANNED;

  @Property({ type: 'text', nullable: true })
  outcome?: string;

  @ManyToMany({ entity: () => Pathway, inversedBy: (p) => p.actions, owner: true, pivotEntity: () => ActionPathway })
  pathways = new Collection<Pathway>(this);
}
