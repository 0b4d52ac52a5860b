import { DataCategory } from '../entities/enums';

/**
 * The category of every field of every object type: the third question of the policy
 * (access-policy.md, "Field"). `AUTHENTICATED` for root fields (rows are then enforced by
 * the resolvers through ctx.access), `NOT_PERSONAL` for fields that carry no personal data
 * of a child (left unwrapped), or the data category the field belongs to. A field missing
 * here is denied.
 */
export type FieldPolicy = 'AUTHENTICATED' | 'NOT_PERSONAL' | { category: DataCategory };

const c = (category: DataCategory): FieldPolicy => ({ category });
void c;

export const FIELD_POLICY: Record<string, Record<string, FieldPolicy>> = {};
