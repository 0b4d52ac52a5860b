import { GraphQLError } from 'graphql';
import { isDatabaseUnreachable } from '../../src/db/unavailable';

describe('isDatabaseUnreachable', () => {
  const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', '08006', '08001', '08P01', '53300'])('is true for %s', (code) => {
    expect(isDatabaseUnreachable(withCode(code))).toBe(true);
  });

  it('is true for the pools timeouts, and through the wrappers', () => {
    const knex = Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), { name: 'KnexTimeoutError' });
    expect(isDatabaseUnreachable(knex)).toBe(true);
    expect(isDatabaseUnreachable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnreachable(new GraphQLError('Context creation failed', { originalError: withCode('ECONNREFUSED') }))).toBe(true);
    expect(isDatabaseUnreachable(new Error('wrapped', { cause: withCode('57P01') }))).toBe(true);
    expect(isDatabaseUnreachable(new AggregateError([withCode('ECONNREFUSED')]))).toBe(true);
  });

  it.each(['23505', '40001', '57014', '42601', '55P03'])('is false for the statement own failure %s', (code) => {
    expect(isDatabaseUnreachable(withCode(code))).toBe(false);
  });

  it('is false for other errors', () => {
    expect(isDatabaseUnreachable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnreachable(undefined)).toBe(false);
    expect(isDatabaseUnreachable('ECONNREFUSED')).toBe(false);
  });
});
