import { readFileSync } from 'node:fs';
import { schemaReport } from '../scripts/schema-changes';

/**
 * The schema against the last released one (GraphQL Inspector, scripts/schema-changes.ts):
 * a breaking change fails here, so in CI, unless src/schema/intended-breaking-changes.json
 * marks it as intended (README, "Schema changes").
 */
describe('schema compatibility with the released schema', () => {
  it('has no breaking change that is not marked as intended, and no stale mark', async () => {
    const report = await schemaReport();
    expect(report.unmarked.map((change) => `${change.type} ${change.path}: ${change.message}`)).toEqual([]);
    expect(report.stale).toEqual([]);
  });

  it('catches a breaking change: a field removed, an argument made required', async () => {
    const current = readFileSync('src/schema/schema.graphql', 'utf8');
    const removed = current.replace(/\n\s*"""Last name\."""\n\s*lastName: String!/, '');
    expect(removed).not.toBe(current);
    const report = await schemaReport(current, removed);
    expect(report.unmarked.map((change) => change.type)).toContain('FIELD_REMOVED');
    const required = await schemaReport(current, current.replace('child(\n    """ID of the child."""\n    id: ID!', 'child(\n    """ID of the child."""\n    id: ID!\n    reason: String!'));
    expect(required.unmarked.map((change) => change.type)).toContain('FIELD_ARGUMENT_ADDED');
  });
});
