import { readFileSync, writeFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';

/**
 * Schema compatibility (GraphQL Inspector): what changed since the last released schema
 * (src/schema/released.graphql, the SDL the portals were built against), and whether every
 * breaking change is marked as intended in src/schema/intended-breaking-changes.json
 * (`{ "path": "Viewer.id", "type": "FIELD_REMOVED", "why": "..." }`, one entry a change).
 *
 * tests/schema-compat.test.ts fails on an unmarked breaking change (so CI does), and on an
 * entry that matches no change any more. `npm run schema:check` prints the report;
 * `npm run schema:release` makes the current schema the released one and empties the list.
 */

export const RELEASED = 'src/schema/released.graphql';
export const CURRENT = 'src/schema/schema.graphql';
export const INTENDED = 'src/schema/intended-breaking-changes.json';

export interface IntendedChange {
  path: string;
  type: string;
  why: string;
}

export interface SchemaReport {
  breaking: Change[];
  dangerous: Change[];
  safe: Change[];
  /** Breaking changes no entry of INTENDED marks. */
  unmarked: Change[];
  /** Entries of INTENDED that match no change (stale). */
  stale: IntendedChange[];
}

const keyOf = (change: { path?: string; type: string }) => `${change.type} ${change.path ?? ''}`;

export async function schemaReport(released = readFileSync(RELEASED, 'utf8'), current = readFileSync(CURRENT, 'utf8')): Promise<SchemaReport> {
  const intended = JSON.parse(readFileSync(INTENDED, 'utf8')) as IntendedChange[];
  const changes = await diff(buildSchema(released), buildSchema(current));
  const level = (l: CriticalityLevel) => changes.filter((change) => change.criticality.level === l);
  const breaking = level(CriticalityLevel.Breaking);
  const marked = new Set(intended.map(keyOf));
  const found = new Set(breaking.map(keyOf));
  return {
    breaking,
    dangerous: level(CriticalityLevel.Dangerous),
    safe: level(CriticalityLevel.NonBreaking),
    unmarked: breaking.filter((change) => !marked.has(keyOf(change))),
    stale: intended.filter((entry) => !found.has(keyOf(entry))),
  };
}

async function main(command: string | undefined): Promise<number> {
  if (command === 'release') {
    writeFileSync(RELEASED, readFileSync(CURRENT, 'utf8'));
    writeFileSync(INTENDED, '[]\n');
    console.log(`${RELEASED} is now the current schema; ${INTENDED} emptied`);
    return 0;
  }
  const report = await schemaReport();
  const line = (change: Change) => `  ${change.type} ${change.path ?? ''}: ${change.message}`;
  console.log(`since ${RELEASED}: ${report.breaking.length} breaking (${report.breaking.length - report.unmarked.length} marked as intended), ${report.dangerous.length} dangerous, ${report.safe.length} safe`);
  if (report.dangerous.length) console.log(`dangerous:\n${report.dangerous.map(line).join('\n')}`);
  if (report.unmarked.length) {
    console.log(`breaking and not marked as intended (add them to ${INTENDED} with why, or undo them):\n${report.unmarked.map(line).join('\n')}`);
  }
  if (report.stale.length) console.log(`entries of ${INTENDED} that match no change:\n${report.stale.map((e) => `  ${keyOf(e)}`).join('\n')}`);
  return report.unmarked.length || report.stale.length ? 1 : 0;
}

if (require.main === module) {
  main(process.argv[2]).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
