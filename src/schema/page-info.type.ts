import { Field, ObjectType } from 'type-graphql';

@ObjectType('PageInfo', { description: 'Pagination state of a connection (Relay cursor connections).' })
export class PageInfoType {
  @Field({ description: 'Whether more items follow this page: reading forward, whether there is a next page; reading backward (`last`), whether `before` was given.' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether items precede this page: reading backward (`last`), whether there is a previous page; reading forward, whether `after` was given.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of this page, to pass as `before`; null on an empty page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of this page, to pass as `after`; null on an empty page.' })
  endCursor!: string | null;
}
