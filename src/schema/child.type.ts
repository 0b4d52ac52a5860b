import { Field, Int, ObjectType } from 'type-graphql';
import { ChildLifecycle, Grade } from '../entities/enums';
import { NodeInterface } from './node.type';
import { PartnerType } from './partner.type';
import { FamilyType } from './family.type';
import { ServiceLinkType } from './service-link.type';
import { ConsentType } from './consent.type';
import {
  ChildContactType,
  ChildHealthType,
  ChildInclusionType,
  ChildPathwayType,
  ChildSchoolingType,
  ChildSocialType,
} from './child-blocks.type';
import { PageInfoType } from './page-info.type';
import { DateTimeISO, LocalDate } from './scalars';
import './enums';
import './data-request.type';

@ObjectType('Eligibility', {
  description:
    'Priority eligibility to the programme, computed (never enforced): age 2 to 16, and school in REP/REP+ or home in a priority neighbourhood (QPV).',
})
export class EligibilityType {
  @Field({ description: 'Aged 2 to 16 inclusive today.' })
  ageInRange!: boolean;

  @Field({ description: 'Schooled in a priority education network (REP or REP+).' })
  priorityNetwork!: boolean;

  @Field({ description: 'Living in a priority neighbourhood of the city policy (QPV).' })
  priorityNeighbourhood!: boolean;

  @Field({ description: 'Priority public: priorityNetwork or priorityNeighbourhood.' })
  priority!: boolean;
}

@ObjectType('Child', {
  implements: NodeInterface,
  description:
    'A child followed by the programme. Top-level fields are IDENTITY data; every other data category is one nullable block ' +
    '(contact, schooling, social, health, inclusion, pathway): a block outside the categories granted to the viewer for this ' +
    'child is null with a FORBIDDEN error at its path.',
})
export class ChildType extends NodeInterface {
  @Field(() => Int, { description: 'Version of the row: send it back with updateChild (a stale one is CONFLICT).' })
  version!: number;

  @Field({ description: 'First name. IDENTITY.' })
  firstName!: string;

  @Field({ description: 'Last name. IDENTITY.' })
  lastName!: string;

  @Field(() => LocalDate, { description: 'Birth date. IDENTITY.' })
  birthDate!: string;

  @Field(() => ChildLifecycle, { description: "ACTIVE, or ARCHIVED (no activity for the active period: the coordinator's rows only). IDENTITY." })
  lifecycle!: ChildLifecycle;

  @Field(() => DateTimeISO, { nullable: true, description: 'When the file was archived; null while active. IDENTITY.' })
  archivedAt?: Date;

  @Field(() => Int, { description: 'Age in whole years today (Europe/Paris). IDENTITY.' })
  age!: number;

  @Field(() => Grade, { nullable: true, description: 'School grade; null when not schooled. IDENTITY.' })
  grade?: Grade;

  @Field(() => PartnerType, { nullable: true, description: 'School attended; null when not schooled. IDENTITY.' })
  school?: PartnerType;

  @Field(() => EligibilityType, { description: 'Computed priority eligibility.' })
  eligibility!: EligibilityType;

  @Field(() => FamilyType, { description: "The child's household; its contact and social data are blocks of their own." })
  family!: FamilyType;

  @Field(() => ChildContactType, { nullable: true, description: "CONTACT block: guardians, address, languages. Null when CONTACT is not granted." })
  contact?: ChildContactType;

  @Field(() => ChildSchoolingType, { nullable: true, description: 'SCHOOLING block. Null when SCHOOLING is not granted.' })
  schooling?: ChildSchoolingType;

  @Field(() => ChildSocialType, { nullable: true, description: 'SOCIAL block. Null when SOCIAL is not granted.' })
  social?: ChildSocialType;

  @Field(() => ChildHealthType, { nullable: true, description: 'HEALTH block. Null when HEALTH is not granted.' })
  health?: ChildHealthType;

  @Field(() => ChildInclusionType, {
    nullable: true,
    description: 'INCLUSION block (never the diagnosis). Null when INCLUSION is not granted; a block with a null status when the child has no inclusion follow-up.',
  })
  inclusion?: ChildInclusionType;

  @Field(() => ChildPathwayType, {
    nullable: true,
    description: 'PATHWAY block: the current pathway with referrals, consents and service links. Null when PATHWAY is not granted; a block with a null status when the child has no pathway.',
  })
  pathway?: ChildPathwayType;

  @Field(() => [ServiceLinkType], { nullable: true, description: 'Links between services for this child, newest first. PATHWAY data: null when not granted.' })
  serviceLinks?: ServiceLinkType[];

  @Field(() => [ConsentType], { nullable: true, description: 'Consents given for this child, newest first. PATHWAY data: null when not granted.' })
  consents?: ConsentType[];
}

@ObjectType('ChildEdge', { description: 'A child in a page of children.' })
export class ChildEdgeType {
  @Field({ description: 'Opaque cursor of this child (it names the row, nothing of its data): pass it as `after` for the children after it, as `before` for those before it.' })
  cursor!: string;

  @Field(() => ChildType, { description: 'The child.' })
  node!: ChildType;
}

@ObjectType('ChildConnection', { description: 'A page of children, ordered by last name, first name, then id.' })
export class ChildConnectionType {
  @Field(() => [ChildEdgeType], { description: 'The children of this page.' })
  edges!: ChildEdgeType[];

  @Field(() => PageInfoType, { description: 'Where this page stands.' })
  pageInfo!: PageInfoType;

  @Field(() => Int, { description: 'Number of children matching the filter, over all pages.' })
  totalCount!: number;
}
