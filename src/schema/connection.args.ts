import { ArgsType, Field, Int } from 'type-graphql';

/**
 * The arguments of every connection (Relay cursor connections): `first`/`after` to read
 * forward, `last`/`before` to read backward. No default value in the schema, so that
 * `last` alone is not taken as `first` and `last` together; absent both, a page of 20.
 */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: 'Page size reading forward, 0 to 100 (default 20 when `last` is absent too).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts (`endCursor` of the previous page).' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page size reading backward, 0 to 100: the last items before `before` (or of the list). Not with `first`.' })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor before which the page ends (`startCursor` of the next page).' })
  before?: string | null;
}
