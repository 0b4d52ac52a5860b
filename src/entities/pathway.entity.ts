import { Collection, Entity, Enum, Index, ManyToMany, ManyToOne, OneToMany, Property, type Ref, type Opt } from '@mikro-orm/core';
import { TenantEntity } from './base.entity';
import { PathwayClosureKind, PathwayStatus } from './enums';
import { Child } from './child.entity';
import { Account } from './account.entity';
import { Consent } from './consent.entity';
import { Objective } from './objective.entity';
import { Action } from './action.entity';
import { Review } from './review.entity';

/** An individualised pathway (parcours individualisé): one child, one referent, one consent. */
@Entity()
@Index({ properties: ['programme', 'status'] })
export class Pathway extends TenantEntity {
  @ManyToOne(() => Child, { ref: true, index: true })
  child!: Ref<Child>;

  @ManyToOne(() => Account, { ref: true, index: true })
  referent!: Ref<Account>;

  @Enum({ items: () => PathwayStatus, nativeEnumName: 'pathway_status' })
  status: PathwayStatus & Opt = PathwayStatus.DRAFT;

  @Property({ type: 'date', nullable: true })
  startDate?: string;

  @Property({ type: 'date', nullable: true })
  endDate?: string;

  @Property({ type: 'text', nullable: true })
  closureReason?: string;

  /** When the pathway was last suspended; null unless it is SUSPENDED. */
  @Property({ type: 'timestamptz', nullable: true })
  suspendedAt?: Date;

  /** Why (the coordinator's reason, or the withdrawal of its PATHWAY consent); null unless it is SUSPENDED. */
  @Property({ type: 'text', nullable: true })
  suspensionReason?: string;

  /** The kind of the closure, from a fixed list: what the statistics count (never the free text). */
  @Enum({ items: () => PathwayClosureKind, nativeEnumName: 'pathway_closure_kind', nullable: true })
  closureKind?: PathwayClosureKind;

  /** The guardian consent (purpose PATHWAY) the pathway rests on. */
  @ManyToOne(() => Consent, { ref: true, nullable: true, index: true })
  consent?: Ref<Consent>;

  @OneToMany(() => Objective, (o) => o.pathway)
  objectives = new Collection<Objective>(this);

  @ManyToMany(() => Action, (a) => a.pathways)
  actions = new Collection<Action>(this);

  @OneToMany(() => Review, (r) => r.pathway)
  reviews = new Collection<Review>(this);
}
