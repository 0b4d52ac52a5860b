import type { BuildSchemaOptions } from 'type-graphql';
import { AccountConnectionResolver, AccountResolver, StaffAccountResolver, ViewerResolver } from './account.resolver';
import { ChildResolver } from './child.resolver';
import {
  ChildContactResolver,
  ChildHealthResolver,
  ChildInclusionResolver,
  ChildPathwayResolver,
  ChildSchoolingResolver,
  ChildSocialResolver,
  NeedsAssessmentResolver,
} from './child-blocks.resolver';
import { ChildConnectionResolver, ReferralConnectionResolver } from './connection.resolver';
import { ConsentResolver, ConsentScopeResolver } from './consent.resolver';
import { FamilyContactResolver, FamilyResolver } from './family.resolver';
import { NodeResolver } from './node.resolver';
import { AccommodationResolver, AdaptedActivityResolver, ObservationResolver } from './observation.resolver';
import { PartnerResolver } from './partner.resolver';
import { PartnerMutations } from './partner.mutations';
import { AccountMutations } from './account.mutations';
import { InvitationResolver } from './invitation.mutations';
import { ActionResolver, PathwayResolver } from './pathway.resolver';
import { ReferralResolver } from './referral.resolver';
import { ServiceLinkResolver } from './service-link.resolver';
import { WorkshopResolver } from './workshop.resolver';
import { AccessEventConnectionResolver, AccessLogResolver } from './access-log.resolver';
import { ConsentMutations } from './consent.mutations';
import { ServiceLinkMutations } from './service-link.mutations';
import { FamilyMeetingResolver, InclusionFollowUpResolver, InclusionMutations } from './inclusion.mutations';
import { ObservationMutations } from './observation.mutations';
import { ReferralMutations } from './referral.mutations';
import { PathwayMutations } from './pathway.mutations';
import { ChildMutations } from './child.mutations';
import { TeamMeetingResolver } from './team-meeting.resolver';
import { PathwayCommentResolver } from './pathway-comment.resolver';
import { DueResolver } from './due.resolver';
import { DataRequestResolver } from './data-request.resolver';
import { StatisticsResolver } from './statistics.resolver';

/** Every resolver class of the read API, for buildSchema. */
export const RESOLVERS: BuildSchemaOptions['resolvers'] = [
  ViewerResolver,
  AccountResolver,
  AccountConnectionResolver,
  StaffAccountResolver,
  NodeResolver,
  ChildResolver,
  ChildConnectionResolver,
  ChildContactResolver,
  ChildSchoolingResolver,
  ChildSocialResolver,
  ChildHealthResolver,
  ChildInclusionResolver,
  NeedsAssessmentResolver,
  ChildPathwayResolver,
  FamilyResolver,
  FamilyContactResolver,
  PartnerResolver,
  PartnerMutations,
  AccountMutations,
  InvitationResolver,
  ServiceLinkResolver,
  ConsentResolver,
  ConsentScopeResolver,
  ReferralResolver,
  ReferralConnectionResolver,
  PathwayResolver,
  ActionResolver,
  ObservationResolver,
  AccommodationResolver,
  AdaptedActivityResolver,
  WorkshopResolver,
  AccessLogResolver,
  AccessEventConnectionResolver,
  DataRequestResolver,
  ConsentMutations,
  ServiceLinkMutations,
  InclusionMutations,
  InclusionFollowUpResolver,
  FamilyMeetingResolver,
  ObservationMutations,
  ReferralMutations,
  PathwayMutations,
  ChildMutations,
  TeamMeetingResolver,
  PathwayCommentResolver,
  DueResolver,
  StatisticsResolver,
];
