import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { TenantEntity } from './base.entity';
import { Family } from './family.entity';
import { Child } from './child.entity';
import { Account } from './account.entity';

/** A meeting with a family (expectations, needs, existing means, next steps). */
@Entity()
export class FamilyMeeting extends TenantEntity {
  @ManyToOne(() => Family, { ref: true, index: true })
  family!: Ref<Family>;

  @ManyToOne(() => Child, { ref: true, nullable: true, index: true })
  child?: Ref<Child>;

  @ManyToOne(() => Account, { ref: true, nullable: true, index: true })
  heldBy?: Ref<Account>;

  @Property({ type: 'date' })
  heldOn!: string;

  @Property({ type: 'text', nullable: true })
  attendees?: string;

  @Property({ type: 'text', nullable: true })
  expectations?: string;

  @Property({ type: 'text', nullable: true })
  needs?: string;

  @Property({ type: 'text', nullable: true })
  existingMeans?: string;

  @Property({ type: 'text', nullable: true })
  nextSteps?: string;
}
