import { Field, ID, InputType } from 'type-graphql';
import { Role } from '../entities/enums';
import './enums';

@InputType('CreateAccountInput', {
  description:
    'A staff account of the programme (ADMIN): its role and partner as the policy allows them together (viewer.accessPolicy, docs/access-policy.md "Staff accounts"). ' +
    "It signs in with the identity provider's subject given here; a GUARDIAN account comes from an invitation, never from here.",
})
export class CreateAccountInput {
  @Field({ description: 'E-mail address (unique).' })
  email!: string;

  @Field({ description: 'Name shown to the others (1 to 200 characters).' })
  displayName!: string;

  @Field(() => Role, { description: 'Role: any but GUARDIAN.' })
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'The partner the person works for, of a kind the role allows (required for the roles that need one).' })
  partnerId?: string | null;

  @Field(() => String, { description: "The identity provider's subject (`sub`) of the person (unique)." })
  subject!: string;
}

@InputType('UpdateAccountInput', { description: 'What changes of a staff account (ADMIN); absent fields are kept. Role and partner are checked together.' })
export class UpdateAccountInput {
  @Field(() => String, { nullable: true, description: 'E-mail address (unique).' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Name shown to the others.' })
  displayName?: string | null;

  @Field(() => Role, { nullable: true, description: 'Role: any but GUARDIAN.' })
  role?: Role | null;

  @Field(() => ID, { nullable: true, description: 'The partner; null removes it (for the roles without one).' })
  partnerId?: string | null;
}
