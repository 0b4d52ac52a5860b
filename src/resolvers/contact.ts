import type { Family } from '../entities';
import type { RecordOf } from '../read/records';
import type { ContactSource } from '../schema/sources';

/** The CONTACT block of a household, for Child.contact and Family.contact. */
export function contactOf(family: Family | RecordOf<Family>, childId?: string): ContactSource {
  return {
    childId,
    familyId: family.id,
    address: { line: family.addressLine, postalCode: family.postalCode, city: family.city },
    languages: family.languages,
    interpreterNeeded: family.interpreterNeeded,
  };
}
