import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { Partner } from '../entities';
import { AccessAction, PartnerKind, SchoolNetwork, type SchoolLevel } from '../entities/enums';
import type { Context } from '../context';
import { BadUserInput, NotFound } from '../errors';
import { WriteAction } from '../permissions/policy';
import { PartnerType } from '../schema/partner.type';
import { CreatePartnerInput, UpdatePartnerInput } from '../schema/partner.inputs';
import { idOfType } from '../schema/global-id';
import { checkVersion, mutate } from '../workflows/mutation';
import { checkOptionalText, checkText, checkUai } from '../workflows/validation';
import { answered } from '../workflows/lookups';

/**
 * Partners of the programme (access-policy.md, "Writes": "ADMIN: partners and accounts
 * (create, edit, deactivate)"). A partner holds no child data; its writes are logged with
 * no child. A deactivated partner's links grant nothing from the next request on: the
 * access check reads the partner's `active` (linkInForceSql, src/permissions/access.ts).
 */

const NAME_MAX = 200;
const ADDRESS_MAX = 300;

const partnerEvent = (action: AccessAction) => ({ action, entity: 'Partner', categories: [] });

/** The school fields of a partner, checked against its kind (domain.md: schools carry UAI, level and network). */
interface SchoolFields {
  uai?: string;
  schoolLevel?: SchoolLevel;
  network: SchoolNetwork;
}

function checkSchoolFields(kind: PartnerKind, given: { uai?: string | null; schoolLevel?: SchoolLevel | null; network?: SchoolNetwork | null }, field: (name: string) => string): SchoolFields {
  if (kind !== PartnerKind.SCHOOL) {
    for (const name of ['uai', 'schoolLevel'] as const) {
      if (given[name] != null) throw new BadUserInput(field(name), `only a SCHOOL carries it, not a ${kind}`);
    }
    if (given.network != null && given.network !== SchoolNetwork.NONE) throw new BadUserInput(field('network'), `only a SCHOOL is in a priority network, not a ${kind}`);
    return { network: SchoolNetwork.NONE };
  }
  if (given.uai == null) throw new BadUserInput(field('uai'), 'a school needs its UAI code');
  if (given.schoolLevel == null) throw new BadUserInput(field('schoolLevel'), 'a school needs its level');
  return { uai: checkUai(field('uai'), given.uai), schoolLevel: given.schoolLevel, network: given.network ?? SchoolNetwork.NONE };
}

/** A UAI names one school: refused when another partner carries it (of any programme: the column is unique). */
async function assertUaiFree(em: EntityManager, uai: string | undefined, self: string | undefined, field: string): Promise<void> {
  if (!uai) return;
  // The tenant filter would hide another programme's school; the unique column would not.
  const taken = await em.getConnection().execute<{ id: string }[]>('select id from partner where uai = ? and id is distinct from ?', [uai, self ?? null], 'all', em.getTransactionContext());
  if (taken.length) throw new BadUserInput(field, 'another school already has this UAI code', { reason: 'UAI_TAKEN' });
}

/** A partner of the viewer's programme, at the version the client read. */
async function partnerToEdit(em: EntityManager, programmeId: string, globalId: string, version: number): Promise<Partner> {
  const partner = await em.findOne(Partner, { id: idOfType(globalId, 'Partner', 'id'), programme: programmeId });
  if (!partner) throw new NotFound('Partner', globalId);
  checkVersion('The partner', partner, version);
  return partner;
}

@Resolver()
export class PartnerMutations {
  @Mutation(() => PartnerType, {
    description:
      'Creates a partner structure of the programme (ADMIN). A SCHOOL needs its UAI code (7 digits and a letter, unique: reason UAI_TAKEN), level and network; ' +
      'other kinds carry none of them (BAD_USER_INPUT naming the field).',
  })
  createPartner(@Arg('input', () => CreatePartnerInput, { description: 'The partner.' }) input: CreatePartnerInput, @Ctx() ctx: Context): Promise<Partner> {
    return answered(mutate(ctx, WriteAction.MANAGE_PARTNERS, async ({ em, viewer, logWrite }) => {
      const name = checkText('input.name', input.name, NAME_MAX);
      const address = checkOptionalText('input.address', input.address, ADDRESS_MAX);
      const school = checkSchoolFields(input.kind, input, (f) => `input.${f}`);
      await assertUaiFree(em, school.uai, undefined, 'input.uai');
      const partner = em.create(Partner, { programme: viewer.programmeId, kind: input.kind, name, address, ...school });
      logWrite(partnerEvent(AccessAction.CREATE));
      return partner;
    }));
  }

  @Mutation(() => PartnerType, {
    description: 'Edits a partner (ADMIN): name, address, and for a school its UAI code, level and network, checked as by createPartner. CONFLICT on a stale version.',
  })
  updatePartner(
    @Arg('id', () => ID, { description: 'ID of the partner.' }) id: string,
    @Arg('version', () => Int, { description: 'Version of the partner the client read.' }) version: number,
    @Arg('input', () => UpdatePartnerInput, { description: 'What changes.' }) input: UpdatePartnerInput,
    @Ctx() ctx: Context,
  ): Promise<Partner> {
    return answered(mutate(ctx, WriteAction.MANAGE_PARTNERS, async ({ em, viewer, logWrite }) => {
      const partner = await partnerToEdit(em, viewer.programmeId, id, version);
      if (input.name !== undefined) partner.name = checkText('input.name', input.name ?? '', NAME_MAX);
      if (input.address !== undefined) partner.address = checkOptionalText('input.address', input.address, ADDRESS_MAX);
      const school = checkSchoolFields(partner.kind, {
        uai: input.uai ?? partner.uai,
        schoolLevel: input.schoolLevel ?? partner.schoolLevel,
        network: input.network ?? partner.network,
      }, (f) => `input.${f}`);
      await assertUaiFree(em, school.uai, partner.id, 'input.uai');
      Object.assign(partner, school);
      logWrite(partnerEvent(AccessAction.UPDATE));
      return partner;
    }));
  }

  @Mutation(() => PartnerType, {
    description:
      "Deactivates a partner (ADMIN): its rows stay, its links grant nothing from the next request on, and no new link, referral or account may name it. Refused (reason ALREADY_INACTIVE) when it is already inactive.",
  })
  deactivatePartner(
    @Arg('id', () => ID, { description: 'ID of the partner.' }) id: string,
    @Arg('version', () => Int, { description: 'Version of the partner the client read.' }) version: number,
    @Ctx() ctx: Context,
  ): Promise<Partner> {
    return answered(mutate(ctx, WriteAction.MANAGE_PARTNERS, async ({ em, viewer, logWrite }) => {
      const partner = await partnerToEdit(em, viewer.programmeId, id, version);
      if (!partner.active) throw new BadUserInput('id', 'the partner is already inactive', { reason: 'ALREADY_INACTIVE' });
      partner.active = false;
      logWrite(partnerEvent(AccessAction.UPDATE));
      return partner;
    }));
  }
}
