export * from './enums';
export { Programme } from './programme.entity';
export { Partner } from './partner.entity';
export { Account } from './account.entity';
export { Family } from './family.entity';
export { Guardian } from './guardian.entity';
export { Child } from './child.entity';
export { Observation } from './observation.entity';
export { Referral } from './referral.entity';
export { TeamMeeting } from './team-meeting.entity';
export { Pathway } from './pathway.entity';
export { Objective } from './objective.entity';
export { Action } from './action.entity';
export { Review } from './review.entity';
export { PathwayComment } from './pathway-comment.entity';
export { Consent } from './consent.entity';
export { ConsentScope } from './consent-scope.entity';
export { ServiceLink } from './service-link.entity';
export { InclusionFollowUp } from './inclusion-follow-up.entity';
export { Accommodation } from './accommodation.entity';
export { AdaptedActivity } from './adapted-activity.entity';
export { FamilyMeeting } from './family-meeting.entity';
export { Workshop } from './workshop.entity';
export { AccessEvent } from './access-event.entity';
export { Invitation } from './invitation.entity';
export { ActionPathway, TeamMeetingPartner, WorkshopPartner } from './pivots.entity';


import { Programme } from './programme.entity';
import { Partner } from './partner.entity';
import { Account } from './account.entity';
import { Family } from './family.entity';
import { Guardian } from './guardian.entity';
import { Child } from './child.entity';
import { Observation } from './observation.entity';
import { Referral } from './referral.entity';
import { TeamMeeting } from './team-meeting.entity';
import { Pathway } from './pathway.entity';
import { Objective } from './objective.entity';
import { Action } from './action.entity';
import { Review } from './review.entity';
import { PathwayComment } from './pathway-comment.entity';
import { Consent } from './consent.entity';
import { ConsentScope } from './consent-scope.entity';
import { ServiceLink } from './service-link.entity';
import { InclusionFollowUp } from './inclusion-follow-up.entity';
import { Accommodation } from './accommodation.entity';
import { AdaptedActivity } from './adapted-activity.entity';
import { FamilyMeeting } from './family-meeting.entity';
import { Workshop } from './workshop.entity';
import { AccessEvent } from './access-event.entity';
import { Invitation } from './invitation.entity';
import { ActionPathway, TeamMeetingPartner, WorkshopPartner } from './pivots.entity';

/** Every entity class, for the ORM's discovery. */
export const ENTITIES = [
  Programme, Partner, Account, Family, Guardian, Child, Observation, Referral, TeamMeeting,
  Pathway, Objective, Action, Review, PathwayComment, Consent, ConsentScope, ServiceLink, InclusionFollowUp,
  Accommodation, AdaptedActivity, FamilyMeeting, Workshop, AccessEvent, Invitation,
  ActionPathway, TeamMeetingPartner, WorkshopPartner,
];
