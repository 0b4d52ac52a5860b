import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { Grade, PathwayStatus } from '../entities/enums';
import { ConnectionArgs } from './connection.args';
import './enums';

@InputType('ChildrenFilter', { description: 'Filters on the children list; all given filters apply together.' })
export class ChildrenFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Part of the first or last name, case- and accent-insensitive; several words must each match the first or last name (at most 100 characters).',
  })
  search?: string;

  @Field(() => ID, { nullable: true, description: 'Only children attending this school (ID of a Partner).' })
  schoolId?: string;

  @Field(() => Grade, { nullable: true, description: 'Only children in this grade.' })
  grade?: Grade;

  @Field(() => PathwayStatus, { nullable: true, description: 'Only children whose current pathway has this status.' })
  pathwayStatus?: PathwayStatus;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only priority children (school in REP/REP+ or home in a QPV); false: only the others.',
  })
  eligible?: boolean;
}

@ArgsType()
export class ChildrenArgs extends ConnectionArgs {
  @Field(() => ChildrenFilter, { nullable: true, description: 'Filters.' })
  filter?: ChildrenFilter;
}

@InputType('UpdateChildInput', { description: "An edit of a child's identity (the new grade each September, a change of school, a corrected name): the fields given change, the others stay." })
export class UpdateChildInput {
  @Field(() => ID, { description: 'ID of the child.' })
  id!: string;

  @Field(() => Int, { description: 'Version of the child the client read (a stale one is CONFLICT).' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'First name (1 to 100 characters).' })
  firstName?: string;

  @Field(() => String, { nullable: true, description: 'Last name (1 to 100 characters).' })
  lastName?: string;

  @Field(() => Grade, { nullable: true, description: 'Grade; null: not schooled.' })
  grade?: Grade | null;

  @Field(() => ID, { nullable: true, description: 'ID of the school (a SCHOOL partner of the programme); null: no school.' })
  schoolId?: string | null;
}

@InputType('UpdateFamilyInput', { description: "An edit of a household's address (a move, a new QPV): the fields given change, the others stay." })
export class UpdateFamilyInput {
  @Field(() => ID, { description: 'ID of the family.' })
  id!: string;

  @Field(() => Int, { description: 'Version of the family the client read (a stale one is CONFLICT).' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Street address (1 to 300 characters).' })
  addressLine?: string;

  @Field(() => String, { nullable: true, description: 'Postal code (5 digits).' })
  postalCode?: string;

  @Field(() => String, { nullable: true, description: 'City (1 to 100 characters).' })
  city?: string;

  @Field(() => String, { nullable: true, description: 'Code of the priority neighbourhood (QPV) of the address, e.g. QN04701M; null: none.' })
  qpvCode?: string | null;

  @Field(() => [String], { nullable: true, description: 'Languages spoken at home (ISO 639-1 codes, at most 10).' })
  languages?: string[];

  @Field(() => Boolean, { nullable: true, description: 'Whether an interpreter is needed.' })
  interpreterNeeded?: boolean;
}

@InputType('UpdateGuardianInput', { description: "An edit of a guardian's contact details: the fields given change, the others stay (null clears phone or email)." })
export class UpdateGuardianInput {
  @Field(() => ID, { description: 'ID of the guardian.' })
  id!: string;

  @Field(() => Int, { description: 'Version of the guardian the client read (a stale one is CONFLICT).' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Phone number (French: 10 digits, or +33 and 9 digits).' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Email address.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Preferred language (ISO 639-1 code, e.g. `fr`).' })
  preferredLanguage?: string;
}
