import { ArgsType, Field, ID, InputType } from 'type-graphql';
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
