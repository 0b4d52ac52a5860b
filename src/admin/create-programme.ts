import type { EntityManager } from '@mikro-orm/postgresql';
import { Account, Programme } from '../entities';
import { Role } from '../entities/enums';
import { checkEmail, checkText } from '../workflows/validation';

/**
 * A new, empty programme and its first ADMIN (`npm run programme:create`, README
 * "Starting a programme"): everything else (partners, staff accounts) the ADMIN then
 * creates through the API. The ADMIN signs in with the identity provider's subject given
 * here; without one (development), `local|<email>`, whose token `npm run -s token` prints.
 */
export interface NewProgramme {
  name: string;
  inseeCode: string;
  adminEmail: string;
  adminName: string;
  adminSubject?: string;
}

/** A commune's INSEE code: 5 characters, the department (2 digits, or 2A/2B for Corsica) then 3 digits. */
const INSEE = /^(\d{2}|2A|2B)\d{3}$/;

export async function createProgramme(em: EntityManager, input: NewProgramme): Promise<{ programme: Programme; admin: Account }> {
  const name = checkText('name', input.name, 200);
  const inseeCode = input.inseeCode.trim().toUpperCase();
  if (!INSEE.test(inseeCode)) throw new InvalidProgramme('insee: must be a commune INSEE code (5 characters, e.g. 47323)');
  const email = checkEmail('admin-email', input.adminEmail);
  const displayName = checkText('admin-name', input.adminName, 200);
  const subject = input.adminSubject ? checkText('admin-subject', input.adminSubject, 255) : `local|${email}`;
  return em.transactional(async (tx) => {
    if (await tx.count(Account, { $or: [{ email }, { subject }] }, { filters: false })) {
      throw new InvalidProgramme(`admin-email: an account already has this e-mail or subject`);
    }
    const programme = tx.create(Programme, { name, inseeCode });
    const admin = tx.create(Account, { programme, email, subject, displayName, role: Role.ADMIN });
    await tx.flush();
    return { programme, admin };
  });
}

/** An argument the programme cannot be created with (named in the message). */
export class InvalidProgramme extends Error {}
