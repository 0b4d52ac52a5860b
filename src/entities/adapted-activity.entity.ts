import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { TenantEntity } from './base.entity';
import { ChildTime } from './enums';
import { InclusionFollowUp } from './inclusion-follow-up.entity';
import { Partner } from './partner.entity';

/** An activity adapted to the child's needs, in periscolaire or extrascolaire time. */
@Entity()
export class AdaptedActivity extends TenantEntity {
  @ManyToOne(() => InclusionFollowUp, { ref: true, index: true })
  followUp!: Ref<InclusionFollowUp>;

  @Property({ length: 200 })
  title!: string;

  @Property({ type: 'text', nullable: true })
  description?: string;

  @ManyToOne(() => Partner, { ref: true, nullable: true, index: true })
  partner?: Ref<Partner>;

  @Enum({ items: () => ChildTime, nativeEnumName: 'child_time' })
  childTime!: ChildTime;
}
