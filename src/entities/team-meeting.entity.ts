import { Collection, Entity, ManyToMany, Property } from '@mikro-orm/core';
import { TenantEntity } from './base.entity';
import { Partner } from './partner.entity';

/** A meeting of the multidisciplinary team (équipe pluridisciplinaire de soutien). */
@Entity()
export class TeamMeeting extends TenantEntity {
  @Property({ type: 'date', index: true })
  heldOn!: string;

  @ManyToMany(() => Partner)
  attendingPartners = new Collection<Partner>(this);

  @Property({ type: 'text', nullable: true })
  decisions?: string;
}
