import { Field, Int, ObjectType } from 'type-graphql';
import { ConsentPurpose, DataCategory, GrantLapse, LegalBasis, ServiceLinkStatus } from '../entities/enums';
import { NodeInterface } from './node.type';
import { PartnerType } from './partner.type';
import { ConsentType } from './consent.type';
import { AccountType } from './account.type';
import { ChildType } from './child.type';
import { DateTimeISO, LocalDate } from './scalars';
import './enums';

@ObjectType('ServiceLink', {
  implements: NodeInterface,
  description:
    "A link between services (passerelle): the only thing that lets a partner structure see a child, in the categories it lists, while ACTIVE and within its validity. PATHWAY data.",
})
export class ServiceLinkType extends NodeInterface {
  @Field(() => ChildType, { nullable: true, description: "The child; null when outside the viewer's rows." })
  child?: ChildType;

  @Field(() => PartnerType, { nullable: true, description: 'The structure that receives access.' })
  partner?: PartnerType;

  @Field(() => PartnerType, { nullable: true, description: 'The structure the link starts from, if any.' })
  originPartner?: PartnerType;

  @Field(() => ConsentPurpose, { description: 'Purpose of the link.' })
  purpose!: ConsentPurpose;

  @Field(() => [DataCategory], { description: 'Data categories shared through the link.' })
  categories!: DataCategory[];

  @Field(() => ServiceLinkStatus, { description: 'Status today: an ACTIVE link past its validUntil is reported EXPIRED.' })
  status!: ServiceLinkStatus;

  @Field(() => Boolean, {
    description:
      "Whether the link gives its partner access today, computed by the access check itself: ACTIVE, within its validity, its consent in force (legal basis CONSENT), the child's file active, and at least one category left within the consent's scope and the partner kind's maximum.",
  })
  grantsNow!: boolean;

  @Field(() => GrantLapse, { nullable: true, description: 'Why the link grants nothing today; null when grantsNow is true.' })
  grantLapse?: GrantLapse;

  @Field(() => LocalDate, { description: 'First day of validity.' })
  validFrom!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day of validity; null when open-ended.' })
  validUntil?: string;

  @Field(() => LegalBasis, { description: 'Legal basis of the sharing.' })
  legalBasis!: LegalBasis;

  @Field(() => ConsentType, { nullable: true, description: 'The consent the link rests on (legal basis CONSENT).' })
  consent?: ConsentType;

  @Field(() => LocalDate, { nullable: true, description: 'Shared-secret basis: when the parents were informed.' })
  parentsInformedOn?: string;

  @Field(() => String, { nullable: true, description: "Shared-secret basis: why the parents were not informed (against the child's interest)." })
  parentsNotInformedReason?: string;

  @Field(() => AccountType, { nullable: true, description: 'Who created the link.' })
  createdBy?: AccountType;

  @Field(() => DateTimeISO, { nullable: true, description: 'When the link was suspended; null unless it is SUSPENDED.' })
  suspendedAt?: Date;

  @Field(() => String, { nullable: true, description: 'Why the link was suspended; null unless it is SUSPENDED.' })
  suspensionReason?: string;

  @Field(() => DateTimeISO, { nullable: true, description: 'When the link was revoked.' })
  revokedAt?: Date;

  @Field(() => String, { nullable: true, description: 'Why the link was revoked.' })
  revocationReason?: string;

  @Field(() => Int, { description: 'Version of the link, to send back with the link mutations (a stale version is CONFLICT).' })
  version!: number;
}
