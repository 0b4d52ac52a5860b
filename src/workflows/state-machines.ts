import {
  ActionStatus,
  InclusionStatus,
  ObjectiveStatus,
  PathwayStatus,
  ReferralStatus,
  ServiceLinkStatus,
} from '../entities/enums';
import { BadUserInput } from '../errors';

/**
 * The state machines of the programme (domain.md), as tables: state → the states it may
 * move to. A move outside the table is BAD_USER_INPUT with reason INVALID_TRANSITION and
 * the current state.
 */
export type Transitions<S extends string> = Readonly<Record<S, readonly S[]>>;

/** Referral: SUBMITTED → UNDER_REVIEW → ACCEPTED | DECLINED | WITHDRAWN. */
export const REFERRAL: Transitions<ReferralStatus> = {
  [ReferralStatus.SUBMITTED]: [ReferralStatus.UNDER_REVIEW, ReferralStatus.WITHDRAWN],
  [ReferralStatus.UNDER_REVIEW]: [ReferralStatus.ACCEPTED, ReferralStatus.DECLINED, ReferralStatus.WITHDRAWN],
  [ReferralStatus.ACCEPTED]: [],
  [ReferralStatus.DECLINED]: [],
  [ReferralStatus.WITHDRAWN]: [],
};

/** Pathway: DRAFT → ACTIVE ⇄ SUSPENDED → CLOSED (a draft may also be closed unopened). */
export const PATHWAY: Transitions<PathwayStatus> = {
  [PathwayStatus.DRAFT]: [PathwayStatus.ACTIVE, PathwayStatus.CLOSED],
  [PathwayStatus.ACTIVE]: [PathwayStatus.SUSPENDED, PathwayStatus.CLOSED],
  [PathwayStatus.SUSPENDED]: [PathwayStatus.ACTIVE, PathwayStatus.CLOSED],
  [PathwayStatus.CLOSED]: [],
};

/** Service link: PROPOSED → ACTIVE → SUSPENDED | REVOKED | EXPIRED; a suspended link may resume. */
export const SERVICE_LINK: Transitions<ServiceLinkStatus> = {
  [ServiceLinkStatus.PROPOSED]: [ServiceLinkStatus.ACTIVE, ServiceLinkStatus.REVOKED],
  [ServiceLinkStatus.ACTIVE]: [ServiceLinkStatus.SUSPENDED, ServiceLinkStatus.REVOKED, ServiceLinkStatus.EXPIRED],
  [ServiceLinkStatus.SUSPENDED]: [ServiceLinkStatus.ACTIVE, ServiceLinkStatus.REVOKED],
  [ServiceLinkStatus.REVOKED]: [],
  [ServiceLinkStatus.EXPIRED]: [],
};

/** Inclusion follow-up: OPEN → ASSESSED → ACTIVE → CLOSED (closable at any point). */
export const INCLUSION: Transitions<InclusionStatus> = {
  [InclusionStatus.OPEN]: [InclusionStatus.ASSESSED, InclusionStatus.CLOSED],
  [InclusionStatus.ASSESSED]: [InclusionStatus.ACTIVE, InclusionStatus.CLOSED],
  [InclusionStatus.ACTIVE]: [InclusionStatus.CLOSED],
  [InclusionStatus.CLOSED]: [],
};

/** Action: PLANNED → IN_PROGRESS → DONE; cancellable until done. */
export const ACTION: Transitions<ActionStatus> = {
  [ActionStatus.PLANNED]: [ActionStatus.IN_PROGRESS, ActionStatus.CANCELLED],
  [ActionStatus.IN_PROGRESS]: [ActionStatus.DONE, ActionStatus.CANCELLED],
  [ActionStatus.DONE]: [],
  [ActionStatus.CANCELLED]: [],
};

/** Objective: OPEN → one of its outcomes. */
export const OBJECTIVE: Transitions<ObjectiveStatus> = {
  [ObjectiveStatus.OPEN]: [
    ObjectiveStatus.ACHIEVED,
    ObjectiveStatus.PARTLY_ACHIEVED,
    ObjectiveStatus.NOT_ACHIEVED,
    ObjectiveStatus.ABANDONED,
  ],
  [ObjectiveStatus.ACHIEVED]: [],
  [ObjectiveStatus.PARTLY_ACHIEVED]: [],
  [ObjectiveStatus.NOT_ACHIEVED]: [],
  [ObjectiveStatus.ABANDONED]: [],
};

export const STATE_MACHINES = { REFERRAL, PATHWAY, SERVICE_LINK, INCLUSION, ACTION, OBJECTIVE } as const;

export function canTransition<S extends string>(machine: Transitions<S>, from: S, to: S): boolean {
  return machine[from].includes(to);
}

/** Refuses a move outside the table: BAD_USER_INPUT, reason INVALID_TRANSITION, with the current state. */
export function assertTransition<S extends string>(machine: Transitions<S>, what: string, from: S, to: S, field = 'status'): void {
  if (!canTransition(machine, from, to)) {
    throw new BadUserInput(field, `${what} cannot go from ${from} to ${to}`, {
      reason: 'INVALID_TRANSITION',
      currentState: from,
      requestedState: to,
    });
  }
}
