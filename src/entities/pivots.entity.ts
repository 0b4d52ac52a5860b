import { Entity, ManyToOne, type Ref } from '@mikro-orm/core';
import { Action } from './action.entity';
import { Pathway } from './pathway.entity';
import { TeamMeeting } from './team-meeting.entity';
import { Workshop } from './workshop.entity';
import { Partner } from './partner.entity';

/**
 * The rows of the many-to-many relations, declared so that both of their foreign keys are
 * indexed (a lookup from either side is an index scan). Their programme is their owners'.
 */

/** A pathway taking part in an action (several pathways for a COLLECTIVE action). */
@Entity({ tableName: 'action_pathway' })
export class ActionPathway {
  @ManyToOne(() => Action, { primary: true, ref: true, deleteRule: 'cascade' })
  action!: Ref<Action>;

  @ManyToOne(() => Pathway, { primary: true, ref: true, index: true, deleteRule: 'cascade' })
  pathway!: Ref<Pathway>;
}

/** A partner attending a team meeting. */
@Entity({ tableName: 'team_meeting_attending_partners' })
export class TeamMeetingPartner {
  @ManyToOne(() => TeamMeeting, { primary: true, ref: true, deleteRule: 'cascade' })
  teamMeeting!: Ref<TeamMeeting>;

  @ManyToOne(() => Partner, { primary: true, ref: true, index: true, deleteRule: 'cascade' })
  partner!: Ref<Partner>;
}

/** A partner attending a workshop. */
@Entity({ tableName: 'workshop_attending_partners' })
export class WorkshopPartner {
  @ManyToOne(() => Workshop, { primary: true, ref: true, deleteRule: 'cascade' })
  workshop!: Ref<Workshop>;

  @ManyToOne(() => Partner, { primary: true, ref: true, index: true, deleteRule: 'cascade' })
  partner!: Ref<Partner>;
}
