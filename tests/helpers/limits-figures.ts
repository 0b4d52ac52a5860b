import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  Lexer,
  Source,
  TokenKind,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  parse,
  validate,
  typeFromAST,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { requiredArguments, rootDocuments } from './canary-documents';
import { operationCost } from '../../src/limits/cost';
import { DEPTH_SEMANTICS, introspectionOnly } from '../../src/limits/request-limits';

/**
 * What each limit of src/limits/ measures on a document, computed the way the check does
 * (the same graphql-armor rules, the same cost), for tests/security/limits-figures.test.ts:
 * every legitimate document must pass the defaults with room.
 */

export interface Figures {
  bytes: number;
  tokens: number;
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
}

export interface NamedDocument {
  source: string;
  query: string;
  variables?: Record<string, unknown>;
}

const ROOT = path.join(__dirname, '..', '..');
const UNLIMITED = 1_000_000_000;

/** Tokens as graphql-js's `maxTokens` counts them (comments are not tokens). */
function countTokens(query: string): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

export function measure(schema: GraphQLSchema, doc: NamedDocument, listSize: number): Figures {
  const document = parse(doc.query);
  const found = { depth: 0, aliases: 0, directives: 0 };
  const keep = (key: keyof typeof found) => [(_ctx: unknown, details: { n: number }) => (found[key] = Math.max(found[key], details.n))];
  const { validationRules } = new ApolloArmor({
    maxDepth: { ...DEPTH_SEMANTICS, n: UNLIMITED, propagateOnRejection: false, onAccept: keep('depth') },
    maxAliases: { n: UNLIMITED, propagateOnRejection: false, onAccept: keep('aliases') },
    maxDirectives: { n: UNLIMITED, propagateOnRejection: false, onAccept: keep('directives') },
    blockFieldSuggestion: { enabled: false },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
  }).protect();
  validate(schema, document, validationRules);
  // As the check does: an operation of introspection alone is not held to the depth limit.
  if (introspectionOnly(document)) found.depth = 0;
  const variables = { ...sampleVariables(schema, document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')), ...doc.variables };
  const cost = operationCost(schema, document, { listSize, maxNodes: UNLIMITED, variables });
  return { bytes: Buffer.byteLength(doc.query), tokens: countTokens(doc.query), ...found, cost };
}

/**
 * Values for the variables a document declares, chosen to cost the most: `first` at the
 * largest page (100), anything else a value of its type.
 */
function sampleVariables(schema: GraphQLSchema, operations: OperationDefinitionNode[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const operation of operations) {
    for (const definition of operation.variableDefinitions ?? []) {
      const type = typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined;
      const name = definition.variable.name.value;
      if (!type) continue;
      values[name] = name === 'first' ? 100 : sample(type);
    }
  }
  return values;
}

function sample(type: GraphQLInputType): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [sample(nullable.ofType)];
  if (isEnumType(nullable)) return nullable.getValues()[0]?.value;
  if (isInputObjectType(nullable)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(nullable.getFields())) if (isNonNullType(field.type)) value[field.name] = sample(field.type);
    return value;
  }
  if (isScalarType(nullable)) {
    switch (nullable.name) {
      case 'Int':
        return 100;
      case 'Float':
        return 1;
      case 'Boolean':
        return true;
      case 'LocalDate':
        return '2025-01-01';
      case 'DateTimeISO':
        return '2025-01-01T00:00:00.000Z';
      default:
        return 'x';
    }
  }
  return null;
}

/** operations/*.graphql: what the portals and BI tools send. */
export function operationFiles(): NamedDocument[] {
  const dir = path.join(ROOT, 'operations');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .map((name) => ({ source: `operations/${name}`, query: readFileSync(path.join(dir, name), 'utf8') }));
}

/** The README's ```graphql blocks and the query of its curl example. */
export function readmeQueries(): NamedDocument[] {
  const text = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const docs: NamedDocument[] = [];
  for (const match of text.matchAll(/```graphql\n([\s\S]*?)```/g)) docs.push({ source: 'README.md (graphql block)', query: match[1] });
  for (const match of text.matchAll(/-d '(\{"query":[^']*\})'/g)) docs.push({ source: 'README.md (curl)', query: (JSON.parse(match[1]) as { query: string }).query });
  return docs;
}

/**
 * GraphQL documents written as literals in the tests and the bench (those without
 * interpolation that parse): a scan, so that a new test's query is measured too. The
 * security tests and the bench's crash shapes are left out: their documents are over the
 * limits on purpose.
 */
const OVER_THE_LIMITS = [path.join('tests', 'security'), path.join('bench', 'shapes.ts'), path.join('bench', 'crash-shapes.ts')];

export function literalDocuments(dirs: readonly string[] = ['tests', 'bench']): NamedDocument[] {
  const docs: NamedDocument[] = [];
  const seen = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const relative = path.join(dir, entry.name);
      if (OVER_THE_LIMITS.some((excluded) => relative.startsWith(excluded))) continue;
      if (entry.isDirectory()) visit(relative);
      else if (entry.name.endsWith('.ts')) {
        const text = readFileSync(path.join(ROOT, relative), 'utf8');
        const candidates = [...text.matchAll(/`([^`]*)`/g), ...text.matchAll(/'((?:query|mutation|\{)[^'\n]*)'/g)].map((m) => m[1]);
        for (const candidate of candidates) {
          if (candidate.includes('${') || !/^\s*(query|mutation|\{)/.test(candidate) || seen.has(candidate)) continue;
          try {
            parse(candidate);
          } catch {
            continue;
          }
          seen.add(candidate);
          docs.push({ source: relative, query: candidate });
        }
      }
    }
  };
  for (const dir of dirs) visit(dir);
  return docs;
}

/**
 * The documents tests/canary.int.test.ts generates by introspection (tests/helpers/
 * canary-documents.ts: every field without required arguments, each type once per path,
 * 5 levels), one per root field: the largest legitimate documents the API is sent.
 */
export function canaryDocuments(schema: GraphQLSchema): NamedDocument[] {
  return rootDocuments(schema, (field) => [Object.fromEntries(requiredArguments(field).map((arg) => [arg.name, sample(arg.type)]))]).map((doc) => ({
    source: `canary: ${doc.root}`,
    query: doc.query,
    variables: doc.variables,
  }));
}
