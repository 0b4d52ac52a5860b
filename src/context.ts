import type { EntityManager } from '@mikro-orm/postgresql';
import type { PartnerKind, Role } from './entities';
import type { Access } from './permissions/access';
import type { Loaders } from './loaders';
import type { Deadline } from './limits/deadline';
import type { Statistics } from './statistics/statistics';
import type { IdempotencyClaim } from './workflows/idempotency';

/** Who is asking: resolved once per request from the bearer token. */
export interface Viewer {
  accountId: string;
  programmeId: string;
  role: Role;
  email: string;
  displayName: string;
  partnerId?: string;
  partnerKind?: PartnerKind;
  guardianId?: string;
}

/**
 * Everything that lives for one request, made in createContext() and nowhere else.
 * Resolvers read only from here; they never touch the global entity manager.
 */
export interface Context {
  requestId: string;
  /** The request's clock: link validity and ages are evaluated against it. */
  now: Date;
  /** A fork of the ORM's entity manager, with the tenant filter set to the viewer's programme. */
  em: EntityManager;
  /** Null only for anonymous requests, which the permissions refuse before any resolver runs. */
  viewer: Viewer | null;
  /** Row scope and per-child effective categories, computed in batches. */
  access: Access;
  loaders: Loaders;
  /** When the request must stop (EXECUTION_DEADLINE_MS); sql() and the permission rules check it. */
  deadline: Deadline;
  /** The statistics, read from their own source (src/statistics/connection.ts). */
  statistics: Statistics;
  /** The Idempotency-Key this mutation claims (src/workflows/idempotency.ts), when it sent one. */
  idempotency?: IdempotencyClaim;
  /** Faults the tests inject (never in production: createApp refuses them there). */
  faults?: Faults;
  /** The settings in force for every programme of this API (viewer.programme.settings, invitations). */
  settings: ProgrammeSettings;
}

/** Test-only faults, at the moments the answer must survive. */
export interface Faults {
  /** Runs just after a mutation's transaction has committed, before its answer is built. */
  afterCommit?: () => Promise<void>;
}

/** The configuration a programme works under (src/config.ts), as the API shows it. */
export interface ProgrammeSettings {
  retentionActiveYears: number;
  retentionArchiveYears: number;
  accessLogRetentionMonths: number;
  statisticsThreshold: number;
  invitationLifetimeHours: number;
}

/** The authenticated viewer; the permission layer guarantees it is there for every resolver. */
export function viewerOf(ctx: Context): Viewer {
  if (!ctx.viewer) throw new Error('resolver reached without an authenticated viewer');
  return ctx.viewer;
}
