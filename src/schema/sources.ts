import type { InclusionFollowUp, Pathway } from '../entities';
import type { RecordOf } from '../read/records';
import type {
  AttendanceConcern,
  InclusionStatus,
  PathwayClosureKind,
  PathwayStatus,
  ProtectionMeasure,
  Role,
} from '../entities/enums';
import type { Viewer } from '../context';

/**
 * Runtime values of the types that are not tables. Resolvers return records of the read
 * model (or entities, from mutations) for the table-backed types; the category blocks of a child and of a family are these plain
 * objects. Every block carries the id of the child (`childId`) or family (`familyId`) it
 * belongs to, so that the permission layer can check the block and its sub-objects
 * without another lookup. Plain columns are copied in; relations stay lazy (resolved by
 * the block's field resolvers only when asked).
 */

/** Child.contact (childId set) and Family.contact (childId absent). */
export interface ContactSource {
  childId?: string;
  familyId: string;
  address: { line: string; postalCode: string; city: string };
  languages: string[];
  interpreterNeeded: boolean;
}

/** Child.schooling. */
export interface SchoolingSource {
  childId: string;
  attendanceConcern: AttendanceConcern;
  hasPps: boolean;
  aeshHours: number | null;
  arrangements: string | null;
}

/** Child.social. */
export interface SocialSource {
  childId: string;
  familyId: string;
  protectionMeasure: ProtectionMeasure;
  followUp: string | null;
  familySituation: string | null;
  familyNotes: string | null;
}

/** Child.health. */
export interface HealthSource {
  childId: string;
  diagnosis: string | null;
  medicalFollowUp: string | null;
  mdphDecision: string | null;
  treatments: string | null;
}

/** Child.inclusion: `followUp` is null (and every value empty) when the child has none. */
export interface InclusionSource {
  childId: string;
  followUp: RecordOf<InclusionFollowUp> | null;
  status: InclusionStatus | null;
  familyExpectations: string | null;
  needsInventory: string | null;
  existingMeans: string | null;
  paiArrangements: string | null;
  emergencyProtocol: string | null;
}

/** InclusionSource.needsAssessment. */
export interface NeedsAssessmentSource {
  childId: string;
  followUp: RecordOf<InclusionFollowUp>;
  date: string | null;
  findings: string | null;
}

/** Child.pathway: `pathway` is the child's current pathway, null when it has none. */
export interface PathwayBlockSource {
  childId: string;
  pathway: RecordOf<Pathway> | null;
  status: PathwayStatus | null;
  startDate: string | null;
  endDate: string | null;
  closureReason: string | null;
  closureKind: PathwayClosureKind | null;
}

/** Family.social. */
export interface FamilySocialSource {
  familyId: string;
  situation: string | null;
  notes: string | null;
}

/** Query.viewer. */
export class ViewerValue {
  constructor(readonly viewer: Viewer) {}
  get id(): string {
    return this.viewer.accountId;
  }
  get displayName(): string {
    return this.viewer.displayName;
  }
  get email(): string {
    return this.viewer.email;
  }
  get role(): Role {
    return this.viewer.role;
  }
}
