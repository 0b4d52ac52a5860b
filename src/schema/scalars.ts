import { GraphQLDateTimeISO, GraphQLLocalDate } from 'graphql-scalars';

/**
 * Dates are calendar days in France (`YYYY-MM-DD`, LocalDate); instants are ISO 8601
 * timestamps with an offset (DateTimeISO). Every date field uses one of these two.
 */
export const LocalDate = GraphQLLocalDate;
export const DateTimeISO = GraphQLDateTimeISO;
