import { Field, Int, ObjectType } from 'type-graphql';
import { ConsentMethod, ConsentPurpose, DataCategory, GrantLapse } from '../entities/enums';
import { NodeInterface } from './node.type';
import { GuardianType } from './guardian.type';
import { PartnerType } from './partner.type';
import { AccountType } from './account.type';
import { DateTimeISO, LocalDate } from './scalars';
import './enums';

@ObjectType('ConsentScope', { description: 'One line of the scope of a consent: a partner and the data categories it may receive.' })
export class ConsentScopeType {
  @Field(() => PartnerType, { nullable: true, description: 'The partner.' })
  partner?: PartnerType;

  @Field(() => [DataCategory], { description: 'The categories that partner may receive.' })
  categories!: DataCategory[];
}

@ObjectType('Consent', { implements: NodeInterface, description: "A guardian's consent for a child, for one purpose, scoped to partners and categories. PATHWAY data." })
export class ConsentType extends NodeInterface {
  @Field(() => ConsentPurpose, { description: 'What the consent is for.' })
  purpose!: ConsentPurpose;

  @Field(() => ConsentMethod, { description: 'How it was given.' })
  method!: ConsentMethod;

  @Field(() => GuardianType, { nullable: true, description: 'The guardian who gave it, the same Guardian as in `contact.guardians` (CONTACT data: null with FORBIDDEN without it).' })
  givenBy?: GuardianType;

  @Field(() => DateTimeISO, { description: 'When it was given.' })
  givenAt!: Date;

  @Field(() => LocalDate, { nullable: true, description: 'Last day it is valid; null when open-ended.' })
  expiresOn?: string;

  @Field(() => DateTimeISO, { nullable: true, description: 'When it was withdrawn; null while in force.' })
  withdrawnAt?: Date;

  @Field(() => Boolean, { description: 'Whether the consent is in force now (given, not withdrawn, not expired), computed by the access check itself.' })
  grantsNow!: boolean;

  @Field(() => GrantLapse, { nullable: true, description: 'Why the consent is not in force now (CONSENT_WITHDRAWN, CONSENT_EXPIRED, CONSENT_NOT_YET_GIVEN); null when grantsNow is true.' })
  grantLapse?: GrantLapse;

  @Field(() => ConsentMethod, { nullable: true, description: 'How it was withdrawn: PORTAL (by the guardian), SIGNED_FORM (on paper) or ORAL_RECORDED (by phone), recorded by an agent; null while not withdrawn.' })
  withdrawalMethod?: ConsentMethod;

  @Field(() => AccountType, {
    nullable: true,
    description: "The agent who received and recorded a withdrawal made on paper or by phone; null while not withdrawn, and when the guardian withdrew it in the portal (withdrawalMethod PORTAL: a guardian's account is not shown).",
  })
  withdrawnBy?: AccountType;

  @Field(() => [ConsentScopeType], { description: 'Partners and categories it covers.' })
  scope!: ConsentScopeType[];

  @Field(() => AccountType, { nullable: true, description: 'The agent who recorded a paper or oral consent.' })
  recordedBy?: AccountType;

  @Field(() => Int, { description: 'Version of the consent, to send back with withdrawConsent (a stale version is CONFLICT).' })
  version!: number;
}
