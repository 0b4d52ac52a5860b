import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';
import type { Context } from '../context';
import { BadUserInput } from '../errors';

/**
 * Text PostgreSQL cannot store is refused before anything runs, for every argument of every
 * query and mutation, in one place: BAD_USER_INPUT naming the argument (`input.description`,
 * `filter.search`, `input.newChild.family.guardians.1.lastName`), HTTP 400.
 *
 * - A NUL character (U+0000): PostgreSQL's text types cannot hold it, and the statement
 *   would fail (an INTERNAL_SERVER_ERROR, after the transaction had begun).
 * - An unpaired UTF-16 surrogate (JSON can carry `"\ud800"`): it has no UTF-8 encoding;
 *   the driver would silently write U+FFFD instead of what was sent.
 *
 * Checked at didResolveOperation, on the arguments the operation passes (literals in the
 * document, fragments included, and the variables they refer to, or their defaults),
 * before the context's work is used by any resolver and before any transaction.
 */
export function storableTextPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (operation) checkArguments(operation, document, request.variables ?? {});
        },
      };
    },
  };
}

const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function unstorable(path: string, text: string): BadUserInput | undefined {
  const http = { status: 400 };
  if (text.includes('\u0000')) return new BadUserInput(path, 'must not contain a NUL character (U+0000)', { http });
  if (UNPAIRED_SURROGATE.test(text)) return new BadUserInput(path, 'must not contain an unpaired surrogate (text that is not valid Unicode)', { http });
  return undefined;
}

function checkArguments(operation: OperationDefinitionNode, document: DocumentNode, variables: Record<string, unknown>): void {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);
  }

  const checkVariable = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      const error = unstorable(path, value);
      if (error) throw error;
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => checkVariable(item, `${path}.${index}`));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) checkVariable(item, `${path}.${key}`);
    }
  };

  const checkValue = (node: ValueNode, path: string): void => {
    switch (node.kind) {
      case Kind.STRING: {
        const error = unstorable(path, node.value);
        if (error) throw error;
        return;
      }
      case Kind.LIST:
        node.values.forEach((item, index) => checkValue(item, `${path}.${index}`));
        return;
      case Kind.OBJECT:
        for (const field of node.fields) checkValue(field.value, `${path}.${field.name.value}`);
        return;
      case Kind.VARIABLE: {
        const name = node.name.value;
        if (Object.hasOwn(variables, name)) checkVariable(variables[name], path);
        else if (defaults.has(name)) checkValue(defaults.get(name)!, path);
        return;
      }
      default:
        return;
    }
  };

  const seen = new Set<string>();
  const checkSelections = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        for (const argument of selection.arguments ?? []) checkValue(argument.value, argument.name.value);
        if (selection.selectionSet) checkSelections(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        checkSelections(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) checkSelections(fragment.selectionSet);
      }
    }
  };
  checkSelections(operation.selectionSet);
}
