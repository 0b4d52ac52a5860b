import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISO } from './scalars';
import { NodeInterface } from './node.type';
import { AccountType } from './account.type';

/** Where an invitation stands at the request's time (computed, never stored). */
export enum InvitationStatus {
  PENDING = 'PENDING',
  USED = 'USED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(InvitationStatus, {
  name: 'InvitationStatus',
  description: 'Where a portal invitation stands.',
  valuesConfig: {
    PENDING: { description: 'May still be used, once, until it expires.' },
    USED: { description: "Used: the guardian's account exists." },
    REVOKED: { description: 'Revoked by staff (or replaced by a newer invitation).' },
    EXPIRED: { description: 'Past its expiry, unused.' },
  },
});

@ObjectType('GuardianInvitation', {
  implements: NodeInterface,
  description: "An invitation of a guardian to the family portal: its status and dates only (never its token, nor the e-mail it was sent to).",
})
export class GuardianInvitationType extends NodeInterface {
  @Field(() => InvitationStatus, { description: 'Where it stands now.' })
  status!: InvitationStatus;

  @Field(() => DateTimeISO, { description: 'When it was made.' })
  createdAt!: Date;

  @Field(() => DateTimeISO, { description: 'After this instant it can no longer be used.' })
  expiresAt!: Date;

  @Field(() => DateTimeISO, { nullable: true, description: 'When the guardian used it.' })
  usedAt?: Date;

  @Field(() => DateTimeISO, { nullable: true, description: 'When it was revoked.' })
  revokedAt?: Date;

  @Field(() => AccountType, { nullable: true, description: 'Who made it.' })
  createdBy?: AccountType;

  @Field(() => Int, { description: 'Version to send back with revokeGuardianInvitation.' })
  version!: number;
}

@ObjectType('GuardianInvitationPayload', { description: 'What inviteGuardian did: the invitation, and its token, shown this once.' })
export class GuardianInvitationPayload {
  @Field(() => GuardianInvitationType, { description: 'The invitation.' })
  invitation!: GuardianInvitationType;

  @Field({
    description:
      'The one-time token to hand to the guardian (in a link, by e-mail): it is shown only here, only its hash is kept. The guardian signs in with the identity provider and POSTs it to /invitations/accept.',
  })
  token!: string;
}
