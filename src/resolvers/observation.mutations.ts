import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Observation } from '../entities';
import { AccessAction, DataCategory } from '../entities/enums';
import type { Context } from '../context';
import { BadUserInput, Forbidden } from '../errors';
import { WriteAction } from '../permissions/policy';
import { ObservationType } from '../schema/observation.type';
import { checkText } from '../workflows/validation';
import { childInRows, mutateInRows, TEXT_MAX, answered } from '../workflows/lookups';

/** The categories whose blocks list observations (Child.schooling, .social, .health, .inclusion). */
const OBSERVED_CATEGORIES: readonly DataCategory[] = [
  DataCategory.SCHOOLING,
  DataCategory.SOCIAL,
  DataCategory.HEALTH,
  DataCategory.INCLUSION,
];

@Resolver()
export class ObservationMutations {
  /**
   * Policy table "Writes": "PARTNER_AGENT: add observations in its own categories for
   * linked children": a partner writes only in a category it may read for that child
   * (its effective categories), else FORBIDDEN; a child outside its rows is NOT_FOUND.
   */
  @Mutation(() => ObservationType, {
    description:
      "A partner agent adds a dated observation about a linked child, in a category it may read for that child (PARTNER_AGENT): " +
      'SCHOOLING, SOCIAL, HEALTH or INCLUSION. FORBIDDEN for a category not granted; NOT_FOUND for a child outside its rows.',
  })
  addObservation(
    @Arg('childId', () => ID, { description: 'ID of the child.' }) childId: string,
    @Arg('category', () => DataCategory, { description: 'Category of the observation (the block that will list it).' }) category: DataCategory,
    @Arg('text', () => String, { description: 'Text of the observation.' }) text: string,
    @Ctx() ctx: Context,
  ): Promise<Observation> {
    return answered(mutateInRows(ctx, WriteAction.ADD_OBSERVATION, async ({ em, viewer, logWrite }) => {
      if (!OBSERVED_CATEGORIES.includes(category)) {
        throw new BadUserInput('category', `observations are kept in ${OBSERVED_CATEGORIES.join(', ')}`);
      }
      const body = checkText('text', text, TEXT_MAX.note);
      const child = await childInRows(ctx, em, childId, 'childId');
      if (!(await ctx.access.categories(child.id)).has(category)) {
        throw new Forbidden(`Not allowed: ${category} data of this child is not granted to you`);
      }
      const observation = em.create(Observation, {
        programme: viewer.programmeId,
        child,
        category,
        author: viewer.accountId,
        partner: viewer.partnerId,
        text: body,
      });
      logWrite({ action: AccessAction.CREATE, entity: 'Observation', childId: child.id, categories: [category] });
      return observation;
    }));
  }
}
