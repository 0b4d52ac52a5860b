import { ref } from '@mikro-orm/core';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Child, Family, Guardian } from '../entities';
import type { ChildRecord } from './rows';
import { AccessAction, DataCategory } from '../entities/enums';
import type { Context } from '../context';
import { BadUserInput, Forbidden, NotFound } from '../errors';
import { WriteAction } from '../permissions/policy';
import { checkVersion } from '../workflows/mutation';
import { mutateInRows, answered } from '../workflows/lookups';
import { checkEmail, checkList, checkOptionalText, checkPhone, checkPostalCode, checkQpvCode, checkText } from '../workflows/validation';
import { idOfType } from '../schema/global-id';
import { ChildType } from '../schema/child.type';
import { FamilyType } from '../schema/family.type';
import { GuardianType } from '../schema/guardian.type';
import { UpdateChildInput, UpdateFamilyInput, UpdateGuardianInput } from '../schema/child.inputs';
import { schoolOf } from './referral.mutations';

/**
 * The child's file kept true through the year (issue 12): the new grade each September, a
 * change of school, a move, a new phone. Policy table "Writes", EDIT_CHILD_FILE: the staff
 * who follow the child, on children of their rows, in the categories they may read there
 * (the effective categories of the access check: IDENTITY for the child, CONTACT for its
 * household and guardians). A family or guardian is written when the viewer has CONTACT
 * for one of the household's children in its rows; every such child's log records it.
 */

const LANGUAGE = /^[a-z]{2}$/;
const MAX_LANGUAGES = 10;

@Resolver()
export class ChildMutations {
  @Mutation(() => ChildType, { description: "Edits a child's names, grade or school (PRE_COORDINATOR, PATHWAY_REFERENT, INCLUSION_REFERENT; a child of the viewer's rows)." })
  async updateChild(@Arg('input', () => UpdateChildInput, { description: 'The edit.' }) input: UpdateChildInput, @Ctx() ctx: Context): Promise<ChildRecord> {
    const written = await mutateInRows(ctx, WriteAction.EDIT_CHILD_FILE, async ({ em, viewer, logWrite }) => {
      const child = await em.findOne(Child, { id: idOfType(input.id, 'Child', 'input.id'), programme: viewer.programmeId });
      if (!child) throw new NotFound('Child', input.id);
      await requireCategory(ctx, [child.id], DataCategory.IDENTITY, () => new NotFound('Child', input.id));
      checkVersion('The child', child, input.version);
      if (input.firstName != null) child.firstName = checkText('input.firstName', input.firstName, 100);
      if (input.lastName != null) child.lastName = checkText('input.lastName', input.lastName, 100);
      if (input.grade !== undefined) child.grade = input.grade ?? undefined;
      if (input.schoolId === null) child.school = undefined;
      else if (input.schoolId !== undefined) child.school = ref(await schoolOf(em, viewer.programmeId, input.schoolId, 'input.schoolId'));
      logWrite({ action: AccessAction.UPDATE, entity: 'Child', childId: child.id, categories: [DataCategory.IDENTITY] });
      return child;
    });
    // The Child resolvers read records (the read model), as every query answers them.
    const record = await ctx.loaders.childById.clear(written.id).load(written.id);
    if (!record) throw new NotFound('Child', input.id);
    return record;
  }

  @Mutation(() => FamilyType, { description: "Edits a household's address, QPV and languages (the same roles; CONTACT granted for one of its children in the viewer's rows)." })
  updateFamily(@Arg('input', () => UpdateFamilyInput, { description: 'The edit.' }) input: UpdateFamilyInput, @Ctx() ctx: Context): Promise<Family> {
    return answered(mutateInRows(ctx, WriteAction.EDIT_CHILD_FILE, async ({ em, viewer, logWrite }) => {
      const family = await em.findOne(Family, { id: idOfType(input.id, 'Family', 'input.id'), programme: viewer.programmeId });
      const children = family ? await householdChildren(ctx, family.id) : [];
      if (!family || children.length === 0) throw new NotFound('Family', input.id);
      const written = await requireCategory(ctx, children, DataCategory.CONTACT, () => new Forbidden('Not allowed: CONTACT data of this family is not granted'));
      checkVersion('The family', family, input.version);
      if (input.addressLine != null) family.addressLine = checkText('input.addressLine', input.addressLine, 300);
      if (input.postalCode != null) family.postalCode = checkPostalCode('input.postalCode', input.postalCode);
      if (input.city != null) family.city = checkText('input.city', input.city, 100);
      if (input.qpvCode !== undefined) family.qpvCode = checkQpvCode('input.qpvCode', input.qpvCode);
      if (input.languages != null) family.languages = checkLanguages('input.languages', input.languages);
      if (input.interpreterNeeded != null) family.interpreterNeeded = input.interpreterNeeded;
      for (const childId of written) logWrite({ action: AccessAction.UPDATE, entity: 'Family', childId, categories: [DataCategory.CONTACT] });
      return family;
    }));
  }

  @Mutation(() => GuardianType, { description: "Edits a guardian's phone, email or preferred language (the same roles; CONTACT granted for one of the household's children in the viewer's rows)." })
  updateGuardian(@Arg('input', () => UpdateGuardianInput, { description: 'The edit.' }) input: UpdateGuardianInput, @Ctx() ctx: Context): Promise<Guardian> {
    return answered(mutateInRows(ctx, WriteAction.EDIT_CHILD_FILE, async ({ em, viewer, logWrite }) => {
      const guardian = await em.findOne(Guardian, { id: idOfType(input.id, 'Guardian', 'input.id'), programme: viewer.programmeId });
      const children = guardian ? await householdChildren(ctx, guardian.family.id) : [];
      if (!guardian || children.length === 0) throw new NotFound('Guardian', input.id);
      const written = await requireCategory(ctx, children, DataCategory.CONTACT, () => new Forbidden('Not allowed: CONTACT data of this family is not granted'));
      checkVersion('The guardian', guardian, input.version);
      if (input.phone !== undefined) {
        const phone = checkOptionalText('input.phone', input.phone, 30);
        guardian.phone = phone === undefined ? undefined : checkPhone('input.phone', phone);
      }
      if (input.email !== undefined) {
        const email = checkOptionalText('input.email', input.email, 254);
        guardian.email = email === undefined ? undefined : checkEmail('input.email', email);
      }
      if (input.preferredLanguage != null) guardian.preferredLanguage = checkLanguages('input.preferredLanguage', [input.preferredLanguage])[0];
      for (const childId of written) logWrite({ action: AccessAction.UPDATE, entity: 'Guardian', childId, categories: [DataCategory.CONTACT] });
      return guardian;
    }));
  }
}

/** The household's children in the viewer's rows. */
async function householdChildren(ctx: Context, familyId: string): Promise<string[]> {
  const all = await ctx.loaders.childrenByFamily.load(familyId);
  const visible: string[] = [];
  for (const child of all) if (await ctx.access.canSee(child.id)) visible.push(child.id);
  return visible;
}

/**
 * The children of `childIds` for which the access check grants `category` to the viewer
 * (its effective categories: the same as for reading); `refuse()` when there is none.
 */
async function requireCategory(ctx: Context, childIds: readonly string[], category: DataCategory, refuse: () => Error): Promise<string[]> {
  const granted: string[] = [];
  for (const id of childIds) if ((await ctx.access.categories(id)).has(category)) granted.push(id);
  if (granted.length === 0) throw refuse();
  return granted;
}

/** ISO 639-1 codes, lower case, each once. */
function checkLanguages(field: string, values: readonly string[]): string[] {
  const codes = checkList(field, values, { min: 0, max: MAX_LANGUAGES }).map((v) => v.trim().toLowerCase());
  const bad = codes.findIndex((code) => !LANGUAGE.test(code));
  if (bad >= 0) throw new BadUserInput(field, `must be ISO 639-1 codes of two letters (e.g. fr, ar): ${JSON.stringify(values[bad])} is not`);
  return [...new Set(codes)];
}
