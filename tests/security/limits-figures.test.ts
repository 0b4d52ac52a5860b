import { getIntrospectionQuery, type GraphQLSchema } from 'graphql';
import { loadConfig } from '../../src/config';
import { buildAppSchema } from '../../src/schema/build-schema';
import { canaryDocuments, literalDocuments, measure, operationFiles, readmeQueries, type Figures, type NamedDocument } from '../helpers/limits-figures';

/**
 * The defaults of the request limits (src/config.ts) against what legitimate clients send:
 * the operations of operations/, the README's queries, the standard introspection query of
 * BI tools (every option on), the documents the tests and the bench write, and the largest
 * of all, the canary's generated documents. Prints each figure, and holds every client's
 * document to at most half its limit (the canary's, every field of every type five levels
 * deep, which no portal sends, to CANARY_ROOM of it: the canary must still be answered); depth, which grows by one a level, to at least DEPTH_ROOM levels
 * below its limit (a tight depth is what bounds the cycles of the schema: every
 * family { children { family ... } } level is two).
 */

const ROOM = 0.5;
const CANARY_ROOM = 0.95;
const DEPTH_ROOM = 4;
const limits = loadConfig({ NODE_ENV: 'test' }).limits;
const LIMIT_OF: Record<keyof Figures, number> = {
  bytes: limits.documentBytes,
  tokens: limits.tokens,
  depth: limits.depth,
  aliases: limits.aliases,
  directives: limits.directives,
  cost: limits.cost,
};

describe('request limits: the defaults leave room for every legitimate document', () => {
  let schema: GraphQLSchema;
  let rows: { doc: NamedDocument; figures: Figures }[];

  beforeAll(async () => {
    schema = await buildAppSchema();
    const introspection: NamedDocument[] = [
      { source: 'introspection (graphql-js default)', query: getIntrospectionQuery() },
      {
        source: 'introspection (every option)',
        query: getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true }),
      },
      { source: 'introspection of one type (__type)', query: `query { __type(name: "Child") { ...FullType } } ${getIntrospectionQuery().slice(getIntrospectionQuery().indexOf('fragment FullType'))}` },
    ];
    const docs = [...operationFiles(), ...readmeQueries(), ...introspection, ...literalDocuments(), ...canaryDocuments(schema)];
    rows = docs.map((doc) => ({ doc, figures: measure(schema, doc, limits.listSize) }));
    const header = ['document', ...Object.keys(LIMIT_OF)];
    const lines = rows.map(({ doc, figures }) => [doc.source.padEnd(48).slice(0, 48), ...Object.values(figures).map((v) => String(v).padStart(8))].join(' '));
    const max = (key: keyof Figures) => Math.max(...rows.map((r) => r.figures[key]));
    const summary = (Object.keys(LIMIT_OF) as (keyof Figures)[]).map((key) => `${key}: max ${max(key)} / limit ${LIMIT_OF[key]}`);
    console.log([header.join(' '), ...lines, '', ...summary].join('\n'));
  });

  it('finds the documents it measures', () => {
    const sources = rows.map((r) => r.doc.source);
    expect(sources.filter((s) => s.startsWith('operations/')).length).toBeGreaterThanOrEqual(7);
    expect(sources.filter((s) => s.startsWith('README.md')).length).toBeGreaterThanOrEqual(2);
    expect(sources.filter((s) => s.startsWith('canary:')).length).toBeGreaterThan(5);
    expect(sources.filter((s) => s.startsWith('tests/')).length).toBeGreaterThan(20);
  });

  it.each(Object.keys(LIMIT_OF) as (keyof Figures)[])('%s: every document is within its limit, with room', (key) => {
    const allowedFor = (doc: NamedDocument) =>
      key === 'depth' ? LIMIT_OF.depth - DEPTH_ROOM : LIMIT_OF[key] * (doc.source.startsWith('canary:') ? CANARY_ROOM : ROOM);
    const over = rows.filter((r) => r.figures[key] > allowedFor(r.doc)).map((r) => `${r.doc.source}: ${r.figures[key]}`);
    expect(over).toEqual([]);
  });
});
