import { execute, isObjectType, parse, type GraphQLSchema } from 'graphql';
import { applyMiddlewareToDeclaredResolvers } from 'graphql-middleware';
import { buildAppSchema } from '../src/schema/build-schema';
import { applyPermissions, ruleTree } from '../src/permissions/shield';
import { buildFieldPolicy } from '../src/permissions/fields';
import { shield, deny } from 'graphql-shield';
import { startDemoServer } from './helpers/test-server';

/**
 * stack.md, "type-graphql simpleResolvers + applyMiddlewareToDeclaredResolvers skip shield
 * entirely": the permission layer must deny however the schema's resolvers are declared.
 */
const QUERY = parse('{ children(first: 3) { edges { node { firstName health { diagnosis } social { followUp } inclusion { status } } } } }');

describe('the permission layer, whatever the resolvers', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  async function run(schema: GraphQLSchema) {
    const contextValue = await server.app.contextFor(`Bearer ${await server.tokenFor('leisure@demo.example')}`);
    return execute({ schema, document: QUERY, contextValue });
  }

  function expectDenied(result: Awaited<ReturnType<typeof run>>) {
    const edges = (result.data as { children: { edges: { node: Record<string, unknown> }[] } }).children.edges;
    expect(edges.length).toBeGreaterThan(0);
    for (const { node } of edges) {
      expect(node.health).toBeNull();
      expect(node.social).toBeNull();
      expect(node.firstName).toEqual(expect.any(String));
    }
    expect(result.errors?.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
    expect(result.errors?.length).toBe(edges.length * 2);
    expect(JSON.stringify(result)).not.toMatch(/diagnosis":"/);
  }

  it('denies with the schema as built', async () => {
    expectDenied(await run(applyPermissions(await buildAppSchema())));
  });

  /**
   * What type-graphql's `simpleResolvers` does: plain fields get no resolver of their own
   * (graphql-js's default one). Every field but the roots and the category blocks (which
   * compute their value) is stripped here.
   */
  async function simpleSchema(): Promise<GraphQLSchema> {
    const schema = await buildAppSchema();
    const keep = new Set(['Child.contact', 'Child.schooling', 'Child.social', 'Child.health', 'Child.inclusion', 'Child.pathway']);
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || type === schema.getQueryType()) continue;
      for (const field of Object.values(type.getFields())) {
        if (!keep.has(`${type.name}.${field.name}`)) field.resolve = undefined;
      }
    }
    return schema;
  }

  it('denies when plain fields have no resolvers (type-graphql simpleResolvers)', async () => {
    expectDenied(await run(applyPermissions(await simpleSchema())));
  });

  it('denies even under a "declared resolvers only" middleware: every guard point is a declared resolver', async () => {
    const schema = await simpleSchema();
    const generator = shield(ruleTree(buildFieldPolicy(schema)), { fallbackRule: deny, allowExternalErrors: true });
    expectDenied(await run(applyMiddlewareToDeclaredResolvers(schema, generator)));
  });
});
