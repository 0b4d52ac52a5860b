import 'reflect-metadata';
import { buildAppSchema } from '../src/schema/build-schema';

/** The code-first schema, for GraphQL Code Generator (codegen.yml reads the compiled file). */
export const schema = buildAppSchema();
