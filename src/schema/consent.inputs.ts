import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ConsentMethod, ConsentPurpose, DataCategory } from '../entities/enums';
import { DateTimeISO, LocalDate } from './scalars';
import './enums';

@InputType('ConsentScopeInput', { description: 'One line of the scope of a consent: a partner and the data categories it may receive.' })
export class ConsentScopeInput {
  @Field(() => ID, { description: 'ID of the partner (at most one line per partner).' })
  partnerId!: string;

  @Field(() => [DataCategory], { description: "Categories it may receive: at least one, within its kind's maximum." })
  categories!: DataCategory[];
}

@InputType('RecordConsentInput', { description: 'A consent given on paper or orally, recorded by an agent.' })
export class RecordConsentInput {
  @Field(() => ID, { description: 'ID of the child.' })
  childId!: string;

  @Field(() => ID, { description: "ID of the Guardian who gave it: of the child's household, holding parental authority." })
  guardianId!: string;

  @Field(() => ConsentPurpose, { description: 'What the consent is for.' })
  purpose!: ConsentPurpose;

  @Field(() => ConsentMethod, { description: 'How it was given: SIGNED_FORM or ORAL_RECORDED (PORTAL is for giveConsent).' })
  method!: ConsentMethod;

  @Field(() => DateTimeISO, { description: 'When it was given: not in the future.' })
  givenAt!: Date;

  @Field(() => [ConsentScopeInput], { description: 'Partners and categories it covers; at least one line for INFORMATION_SHARING.' })
  scope!: ConsentScopeInput[];

  @Field(() => LocalDate, { nullable: true, description: 'Last day it is valid (today or later); absent when open-ended.' })
  expiresOn?: string | null;
}

@InputType('GiveConsentInput', { description: 'A consent a guardian gives on the family portal for one of its children.' })
export class GiveConsentInput {
  @Field(() => ID, { description: 'ID of the child.' })
  childId!: string;

  @Field(() => ConsentPurpose, { description: 'What the consent is for.' })
  purpose!: ConsentPurpose;

  @Field(() => [ConsentScopeInput], { description: 'Partners and categories it covers; at least one line for INFORMATION_SHARING.' })
  scope!: ConsentScopeInput[];

  @Field(() => LocalDate, { nullable: true, description: 'Last day it is valid (today or later); absent when open-ended.' })
  expiresOn?: string | null;
}

@ArgsType()
export class RecordConsentWithdrawalArgs {
  @Field(() => ID, { description: 'ID of the consent.' })
  id!: string;

  @Field(() => Int, { description: 'Version of the consent the client read (a stale one is CONFLICT).' })
  version!: number;

  @Field(() => ConsentMethod, { description: 'How the family withdrew it: SIGNED_FORM (on paper) or ORAL_RECORDED (by phone, or in person).' })
  method!: ConsentMethod;

  @Field(() => DateTimeISO, { description: 'When the withdrawal was received: not in the future, not before the consent was given.' })
  withdrawnAt!: Date;
}
