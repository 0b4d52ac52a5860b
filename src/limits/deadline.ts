import type { ApolloServerPlugin } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../context';
import { ErrorCode, Timeout } from '../errors';

/**
 * Policy: no request runs longer than EXECUTION_DEADLINE_MS. Past its deadline, a request
 * sends no further SQL statement (sql() checks it before each one and stops waiting for
 * the one in flight; a mutation neither flushes nor commits), its guarded fields stop
 * resolving (the permission rules check it), and it is answered TIMEOUT (HTTP 503) with no
 * data: what was read before the deadline is not sent, so nothing of it is logged as read.
 *
 * Made per request in contextFor() (src/server.ts), with the request's entity manager.
 */
export class Deadline {
  /** Epoch milliseconds. */
  readonly at: number;
  private readonly timer: NodeJS.Timeout;
  private readonly waiting = new Set<() => void>();
  private reached = false;
  private stopped = false;

  constructor(readonly ms: number) {
    this.at = Date.now() + ms;
    this.timer = setTimeout(() => this.expire(), ms);
    // A request finished early must not keep the process alive for its deadline.
    this.timer.unref();
  }

  /** The deadline has passed (by the clock, even before the timer has run). */
  get expired(): boolean {
    return this.reached || Date.now() >= this.at;
  }

  /** Something of the request was refused at the deadline: the answer is TIMEOUT. */
  get tripped(): boolean {
    return this.stopped;
  }

  /** Throws TIMEOUT once the deadline has passed. */
  check(): void {
    if (this.expired) throw this.refuse();
  }

  /**
   * `work`, or TIMEOUT at the deadline if it has not settled by then. The work itself goes
   * on (a statement in flight ends on the server, bounded by its statement_timeout):
   * `abandoned` receives its value then, to give back what it holds (a pooled connection).
   */
  race<T>(work: Promise<T>, abandoned?: (late: T) => unknown): Promise<T> {
    const giveBack = () => void work.then((late) => abandoned?.(late), () => undefined);
    if (this.expired) {
      giveBack();
      return Promise.reject(this.refuse());
    }
    return new Promise<T>((resolve, reject) => {
      const onExpiry = () => {
        giveBack();
        reject(this.refuse());
      };
      this.waiting.add(onExpiry);
      work.then(
        (value) => {
          this.waiting.delete(onExpiry);
          resolve(value);
        },
        (error: unknown) => {
          this.waiting.delete(onExpiry);
          reject(error as Error);
        },
      );
    });
  }

  /** Clears the timer (the response is leaving). */
  dispose(): void {
    clearTimeout(this.timer);
    this.waiting.clear();
  }

  private refuse(): Timeout {
    this.stopped = true;
    return new Timeout(this.ms);
  }

  private expire(): void {
    this.reached = true;
    for (const onExpiry of [...this.waiting]) onExpiry();
    this.waiting.clear();
  }
}

/** The deadline of the request each per-request entity manager (a fork) serves; sql() reads it. */
const deadlines = new WeakMap<EntityManager, Deadline>();

export function bindDeadline(em: EntityManager, deadline: Deadline): void {
  deadlines.set(em, deadline);
}

export function deadlineOf(em: EntityManager): Deadline | undefined {
  return deadlines.get(em);
}

/**
 * Answers a request stopped at its deadline with one TIMEOUT error and HTTP 503, instead of
 * the partial data and the errors of every path that was stopped; clears the timer of the others.
 */
export function deadlinePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const deadline = contextValue.deadline;
          deadline.dispose();
          if (!deadline.tripped) return;
          const error = new Timeout(deadline.ms);
          response.body = {
            kind: 'single',
            singleResult: { errors: [{ message: error.message, extensions: { code: ErrorCode.TIMEOUT, deadlineMs: deadline.ms } }] },
          };
          response.http.status = 503;
        },
      };
    },
  };
}
