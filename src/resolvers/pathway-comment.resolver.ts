import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Child, Guardian, Pathway, PathwayComment } from '../entities';
import { AccessAction, DataCategory, PathwayStatus } from '../entities/enums';
import type { Context } from '../context';
import { BadUserInput, NotFound } from '../errors';
import { WriteAction } from '../permissions/policy';
import { PathwayCommentType } from '../schema/pathway-comment.type';
import { idOfType } from '../schema/global-id';
import { checkText } from '../workflows/validation';
import { mutateInRows } from '../workflows/lookups';
import { idOf, type RecordOf, type ValueOf } from '../read/records';

const MAX_COMMENT = 2000;

/**
 * The guardian's comment on its child's pathway (access-policy.md, "Writes": "GUARDIAN:
 * comment on its child's pathway"), read with the pathway (PATHWAY data) by whoever may
 * read the pathway: its referent, the coordinator, the family.
 */
@Resolver(() => PathwayCommentType)
export class PathwayCommentResolver {
  @Mutation(() => PathwayCommentType, {
    description:
      "A guardian comments on the pathway of one of its children (GUARDIAN; a child of its rows, a pathway not closed). NOT_FOUND for any other pathway.",
  })
  async commentOnPathway(
    @Arg('pathwayId', () => ID, { description: 'ID of the pathway.' }) pathwayId: string,
    @Arg('text', () => String, { description: `The comment (1 to ${MAX_COMMENT} characters).` }) text: string,
    @Ctx() ctx: Context,
  ): Promise<RecordOf<PathwayComment>> {
    const written = await mutateInRows(ctx, WriteAction.COMMENT_PATHWAY, async ({ em, viewer, logWrite }) => {
      const comment = checkText('text', text, MAX_COMMENT);
      const pathway = await em.findOne(Pathway, { id: idOfType(pathwayId, 'Pathway', 'pathwayId'), programme: viewer.programmeId });
      if (!pathway || !viewer.guardianId || !(await ctx.access.canSee(pathway.child.id))) throw new NotFound('Pathway', pathwayId);
      const child = await em.findOneOrFail(Child, { id: pathway.child.id, programme: viewer.programmeId });
      const guardian = await em.findOne(Guardian, { id: viewer.guardianId, programme: viewer.programmeId });
      if (!guardian || guardian.family.id !== child.family.id) throw new NotFound('Pathway', pathwayId);
      if (pathway.status === PathwayStatus.CLOSED) {
        throw new BadUserInput('pathwayId', 'the pathway is closed', { reason: 'INVALID_TRANSITION', currentState: pathway.status });
      }
      const created = em.create(PathwayComment, { programme: viewer.programmeId, pathway, guardian, text: comment });
      logWrite({ action: AccessAction.CREATE, entity: 'PathwayComment', childId: child.id, categories: [DataCategory.PATHWAY] });
      return created;
    });
    // Answered as the pathway's comments are read (a record, with its child for the author's guard).
    const comments = await ctx.loaders.commentsByPathway.load(written.pathway.id);
    const comment = comments.find((c) => c.id === written.id);
    if (!comment) throw new NotFound('Pathway', pathwayId);
    return comment;
  }

  /** The author, from the guardians of its household (CONTACT data, as child.contact.guardians). */
  @FieldResolver()
  author(@Root() comment: ValueOf<PathwayComment>, @Ctx() ctx: Context): Promise<RecordOf<Guardian> | null> {
    const id = idOf(comment, 'guardian');
    return id ? ctx.loaders.guardianById.load(id) : Promise.resolve(null);
  }
}
