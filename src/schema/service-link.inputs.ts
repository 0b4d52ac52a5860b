import { Field, ID, InputType } from 'type-graphql';
import { ConsentPurpose, DataCategory, LegalBasis } from '../entities/enums';
import { LocalDate } from './scalars';
import './enums';

@InputType('ProposeServiceLinkInput', {
  description:
    'A link between services, proposed: it grants nothing until activateServiceLink, which checks its legal basis ' +
    '(a consent covering its partner and categories, or a shared-secret basis with the parents informed or the reason they were not).',
})
export class ProposeServiceLinkInput {
  @Field(() => ID, { description: 'ID of the child.' })
  childId!: string;

  @Field(() => ID, { description: 'ID of the partner that will receive access.' })
  partnerId!: string;

  @Field(() => ID, { nullable: true, description: 'ID of the partner the link starts from, if any (not the receiving partner).' })
  originPartnerId?: string | null;

  @Field(() => ConsentPurpose, { description: 'Purpose of the link.' })
  purpose!: ConsentPurpose;

  @Field(() => [DataCategory], { description: "Categories shared: at least one, within the receiving partner kind's maximum." })
  categories!: DataCategory[];

  @Field(() => LegalBasis, { description: 'Legal basis of the sharing.' })
  legalBasis!: LegalBasis;

  @Field(() => ID, { nullable: true, description: 'Legal basis CONSENT only: ID of a consent given for this child.' })
  consentId?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Shared-secret basis only: when the parents were informed (not in the future).' })
  parentsInformedOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Shared-secret basis only, instead of parentsInformedOn: why the parents were not informed (against the child's interest).",
  })
  parentsNotInformedReason?: string | null;

  @Field(() => LocalDate, { description: 'First day of validity.' })
  validFrom!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day of validity (not before validFrom, nor before today); absent when open-ended.' })
  validUntil?: string | null;
}
