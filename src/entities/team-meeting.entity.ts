import { Collection, Entity, ManyToMany, Property } from '@mikro-orm/core';
import { TenantEntity } from './base.entity';
import { Partner } from './partner.entity';
import { TeamMeetingPartner } from './pivots.entity';

/** A meeting of the multidisciplinary team (équipe pluridisciplinaire de soutien). */
@Entity()
export class TeamMeeting extends TenantEntity {
  @Property({ type: 'date', index: true })
  heldOn!: string;

  @ManyToMany({ entity: () => Partner, owner: true, pivotEntity: () => TeamMeetingPartner })
  attendingPartners = new Collection<Partner>(this);

  @Property({ type: 'text', nullable: true })
  decisions?: string;
}
