import { readFileSync } from 'node:fs';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  lexicographicSortSchema,
  printSchema,
} from 'graphql';
import { buildAppSchema } from '../src/schema/build-schema';
import { unclassifiedFields } from '../src/permissions/fields';

describe('the schema', () => {
  it('is the committed schema.graphql (run `npm run codegen` after a change)', async () => {
    // What codegen.yml's schema-ast plugin writes (sort: true).
    const printed = printSchema(lexicographicSortSchema(await buildAppSchema()));
    expect(readFileSync('src/schema/schema.graphql', 'utf8')).toBe(printed);
  });

  it('describes every type, field, argument and enum value (BI tools read them)', async () => {
    const schema = await buildAppSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      } else if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
      } else if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      } else if (isScalarType(type) && !type.description) {
        missing.push(type.name);
      }
    }
    expect(missing).toEqual([]);
  });

  it('classifies every field for the permission layer (an unclassified field is denied)', async () => {
    expect(unclassifiedFields(await buildAppSchema())).toEqual([]);
  });
});

describe('the example operations (operations/*.graphql)', () => {
  it('are valid against the schema', async () => {
    const { readdirSync } = await import('node:fs');
    const { parse, validate } = await import('graphql');
    const schema = await buildAppSchema();
    const files = readdirSync('operations').filter((name) => name.endsWith('.graphql'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const errors = validate(schema, parse(readFileSync(`operations/${file}`, 'utf8')));
      expect({ file, errors: errors.map((e) => e.message) }).toEqual({ file, errors: [] });
    }
  });
});

describe('the typed operations (operations/generated/operations.ts)', () => {
  it('are what `npm run codegen` writes from the committed schema (run it after a change to the schema or to operations/)', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const target = 'operations/generated/operations.ts';
    // codegen.yml's settings for that file, run on the committed schema.graphql (the code's:
    // first test above), so that this test needs no build. In a process of its own: the
    // codegen CLI loads ES modules that Jest's module system does not.
    const script = `
      const { generate, loadCodegenConfig } = require('@graphql-codegen/cli');
      loadCodegenConfig({ configFilePath: 'codegen.yml' }).then(({ config }) =>
        generate({ ...config, silent: true, schema: 'src/schema/schema.graphql', generates: { '${target}': config.generates['${target}'] } }, false),
      ).then(([output]) => process.stdout.write(output.content));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { maxBuffer: 10_000_000, timeout: 60_000 });
    expect(stdout).toBe(readFileSync(target, 'utf8'));
  }, 60_000);
});
