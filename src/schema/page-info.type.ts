import { Field, ObjectType } from 'type-graphql';

@ObjectType('PageInfo', { description: 'Pagination state of a connection (Relay cursor connections).' })
export class PageInfoType {
  @Field({ description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of this page, to pass as `after`; null on an empty page.' })
  endCursor!: string | null;
}
