import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';

/** Every error code a client can rely on (../shared/api-examples.md). */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  // Request limits (src/limits/): refused before anything runs (HTTP 400), or stopped (503).
  DOCUMENT_TOO_LARGE = 'DOCUMENT_TOO_LARGE',
  /** graphql-js's (and Apollo's) code for a syntax error, and for a document over the token limit. */
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  TOO_MANY_DIRECTIVES = 'TOO_MANY_DIRECTIVES',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  TIMEOUT = 'TIMEOUT',
  /** A CORS preflight from an origin outside CORS_ORIGINS (HTTP 403; src/cors.ts). */
  ORIGIN_NOT_ALLOWED = 'ORIGIN_NOT_ALLOWED',
  /** The database cannot be reached (src/db/unavailable.ts): HTTP 503 with Retry-After. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  // Idempotency keys (src/workflows/idempotency.ts).
  /** The Idempotency-Key was used within 24 h with another operation or other variables (HTTP 422). */
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  /** The Idempotency-Key's first request is still running, or committed without its answer kept (HTTP 409). */
  IDEMPOTENCY_KEY_IN_FLIGHT = 'IDEMPOTENCY_KEY_IN_FLIGHT',
}

/** No token, a bad token, an expired token, or a token whose subject has no active account. */
export class Unauthenticated extends GraphQLError {
  constructor(message = 'Authentication required: send a valid bearer token') {
    super(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
  }
}

/** The field's data category is not granted to this viewer (for this child). */
export class Forbidden extends GraphQLError {
  constructor(message = 'Not allowed: this data is not granted to you') {
    super(message, { extensions: { code: ErrorCode.FORBIDDEN } });
  }
}

/** Absent, or outside the viewer's rows: the two are indistinguishable on purpose. */
export class NotFound extends GraphQLError {
  constructor(what: string, id: string) {
    super(`${what} not found: ${id}`, { extensions: { code: ErrorCode.NOT_FOUND } });
  }
}

/** Invalid input; `field` names the argument or input field at fault. */
export class BadUserInput extends GraphQLError {
  constructor(field: string, message: string, extra: Record<string, unknown> = {}) {
    super(`${field}: ${message}`, { extensions: { code: ErrorCode.BAD_USER_INPUT, field, ...extra } });
  }
}

/** The version the client sent is stale: someone else changed the row first. */
export class Conflict extends GraphQLError {
  constructor(what: string, currentVersion: number) {
    super(`${what} was changed by someone else (current version ${currentVersion})`, {
      extensions: { code: ErrorCode.CONFLICT, currentVersion },
    });
  }
}

/** Over a rate-limit budget (src/auth/rate-limits.ts): HTTP 429, to retry after `retryAfter` seconds. */
export class RateLimited extends GraphQLError {
  constructor(readonly retryAfter: number) {
    super(`Too many requests: try again in ${retryAfter} s`, {
      extensions: { code: ErrorCode.RATE_LIMITED, retryAfter, http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)]]) } },
    });
  }
}

/**
 * A request over one of the limits (src/limits/), refused before any resolver or SQL
 * statement runs. `limit` is the value in force; `found` what the request had, when known.
 */
export class LimitExceeded extends GraphQLError {
  constructor(code: ErrorCode, message: string, limit: number, found?: number) {
    super(`${message}: ${found === undefined ? '' : `${found}, `}the limit is ${limit}`, {
      extensions: { code, limit, ...(found === undefined ? {} : { found }), http: { status: 400 } },
    });
  }
}

/** The request ran past its deadline: its work was stopped and nothing of it is answered. */
export class Timeout extends GraphQLError {
  constructor(deadlineMs: number) {
    super(`The request was stopped at its deadline of ${deadlineMs} ms; retry it later or ask for less`, {
      extensions: { code: ErrorCode.TIMEOUT, deadlineMs, http: { status: 503 } },
    });
  }
}

/** Seconds a client (or a load balancer) is told to wait before retrying while the database is unreachable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * The database cannot be reached (refused, reset, shut down, no connection within
 * DB_ACQUIRE_TIMEOUT_MS): nothing was done, HTTP 503, to retry after `retryAfter` seconds.
 */
export class ServiceUnavailable extends GraphQLError {
  readonly retryAfter = UNAVAILABLE_RETRY_AFTER_SECONDS;
  constructor() {
    super(`The database cannot be reached: retry in ${UNAVAILABLE_RETRY_AFTER_SECONDS} s`, {
      extensions: {
        code: ErrorCode.SERVICE_UNAVAILABLE,
        retryAfter: UNAVAILABLE_RETRY_AFTER_SECONDS,
        http: { status: 503, headers: new HeaderMap([['retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS)]]) },
      },
    });
  }
}

/**
 * The Idempotency-Key's first request is still running, or committed without its answer
 * kept (src/workflows/idempotency.ts): the write is there, once; read it rather than retry.
 */
export class IdempotencyKeyInFlight extends GraphQLError {
  constructor(header: string) {
    super(`${header}: the first request with this key is still running, or was committed without its answer kept; read the objects again rather than retrying`, {
      extensions: { code: ErrorCode.IDEMPOTENCY_KEY_IN_FLIGHT, field: header, http: { status: 409 } },
    });
  }
}
