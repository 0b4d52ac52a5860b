import { ReferenceKind, type EntityClass, type EntityMetadata, type EntityProperty, type Ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../db/sql';

/*
 * The read model: rows of the domain tables read as plain records, without the ORM's
 * entity hydration, identity map or change tracking. The API's read paths go through it;
 * the workflows write through the entities (unit of work, optimistic locking).
 *
 * A record has the entity's scalar properties under the same names (dates as
 * 'YYYY-MM-DD' strings, timestamps as Date, numerics as strings, enum arrays as arrays),
 * and each to-one relation the entity owns as `<relation>Id` (the foreign key). Columns
 * that are null read as null. The select list is derived from the ORM's metadata, so a
 * column added to an entity is read without touching this file.
 */

/** Marks a record with the entity it was read from (node(id) and the access checks need the type). */
const ENTITY_OF = Symbol('entityOf');

type Scalar = string | number | boolean | Date | readonly string[];

type ScalarKeys<E> = {
  [K in keyof E]-?: K extends symbol ? never : NonNullable<E[K]> extends Scalar ? K : never;
}[keyof E];

type RefKeys<E> = {
  [K in keyof E]-?: K extends symbol ? never : NonNullable<E[K]> extends Ref<object> ? K : never;
}[keyof E];

type NullableKeys<E, K extends keyof E> = { [P in K]-?: undefined extends E[P] ? P : never }[K];

/** A row of entity E, as the read model gives it. */
export type RecordOf<E> = {
  readonly [K in Exclude<ScalarKeys<E>, NullableKeys<E, ScalarKeys<E>>>]: E[K];
} & {
  readonly [K in NullableKeys<E, ScalarKeys<E>>]: NonNullable<E[K]> | null;
} & {
  readonly [K in RefKeys<E> as `${K & string}Id`]: undefined extends E[K] ? string | null : string;
};

/** The entity class a record was read from, or undefined for anything else. */
export function entityOfRecord(value: unknown): EntityClass<object> | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  return (value as { [ENTITY_OF]?: EntityClass<object> })[ENTITY_OF];
}

export function isRecordOf<E extends object>(value: unknown, entity: EntityClass<E>): value is RecordOf<E> {
  return entityOfRecord(value) === entity;
}

/** How to read one table: its select list and the prototype its records share. */
export interface RecordShape<E> {
  readonly entity: EntityClass<E>;
  readonly table: string;
  /** The select list for the table aliased `alias`, each column named as the record's property. */
  select(alias: string): string;
  /** The same row as one JSON object (for rows read inside another statement, see nestedList). */
  json(alias: string): string;
  /** Gives a row read with `select` its record prototype (the row object itself is kept). */
  build(row: object): RecordOf<E>;
}

function columnSql(alias: string, prop: EntityProperty): string | undefined {
  const column = `${alias}.${quote(prop.fieldNames[0]!)}`;
  if (prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) {
    return `${column} as ${quote(`${prop.name}Id`)}`;
  }
  if (prop.kind !== ReferenceKind.SCALAR || prop.persist === false) return undefined;
  const columnType = (prop.columnTypes?.[0] ?? '').toLowerCase();
  // The driver parses neither dates into 'YYYY-MM-DD' nor arrays of a native enum.
  if (columnType === 'date') return `${column}::text as ${quote(prop.name)}`;
  if (prop.array && prop.nativeEnumName) return `${column}::text[] as ${quote(prop.name)}`;
  return `${column} as ${quote(prop.name)}`;
}

/** `column as "name"` → the pair `'name', column` of json_build_object (numerics kept as text). */
function jsonPair(alias: string, prop: EntityProperty): string | undefined {
  const column = columnSql(alias, prop);
  if (column === undefined) return undefined;
  const [, expression, name] = /^(.*) as "(.*)"$/.exec(column)!;
  const numeric = /^(numeric|decimal)/.test((prop.columnTypes?.[0] ?? '').toLowerCase());
  return `'${name}', ${expression}${numeric ? '::text' : ''}`;
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

const shapes = new Map<EntityClass<object>, RecordShape<object>>();

/** The shape of an entity's records (built once from the ORM's metadata, then cached). */
export function shapeOf<E extends object>(em: EntityManager, entity: EntityClass<E>): RecordShape<E> {
  const cached = shapes.get(entity as EntityClass<object>);
  if (cached) return cached as unknown as RecordShape<E>;
  const meta: EntityMetadata<E> = em.getMetadata().get(entity.name);
  const props = meta.props.filter((p) => p.fieldNames?.length === 1);
  const prototype = Object.freeze(Object.create(Object.prototype, { [ENTITY_OF]: { value: entity } })) as object;
  const selects = new Map<string, string>();
  // The ORM sets the driver to give timestamps as text (it converts them itself); so do we.
  const timestamps = props
    .filter((p) => p.kind === ReferenceKind.SCALAR && /^timestamp/.test((p.columnTypes?.[0] ?? '').toLowerCase()))
    .map((p) => p.name as string);
  const shape: RecordShape<E> = {
    entity,
    table: meta.tableName,
    select: (alias) => {
      let list = selects.get(alias);
      if (list === undefined) {
        list = props
          .map((p) => columnSql(alias, p))
          .filter((c): c is string => c !== undefined)
          .join(', ');
        selects.set(alias, list);
      }
      return list;
    },
    json: (alias) => {
      const key = `json:${alias}`;
      let object = selects.get(key);
      if (object === undefined) {
        object = `json_build_object(${props
          .map((p) => jsonPair(alias, p))
          .filter((c): c is string => c !== undefined)
          .join(', ')})`;
        selects.set(key, object);
      }
      return object;
    },
    build: (row) => {
      const values = row as Record<string, unknown>;
      for (const name of timestamps) {
        const value = values[name];
        if (typeof value === 'string') values[name] = new Date(value);
      }
      return Object.setPrototypeOf(row, prototype) as RecordOf<E>;
    },
  };
  shapes.set(entity as EntityClass<object>, shape as unknown as RecordShape<object>);
  return shape;
}

/**
 * A many-to-many read through its pivot table: `join` (SQL joining the pivot to `t`) and
 * the pivot's column naming the owner, given on each record as `ownerId`.
 */
export interface Through {
  join: string;
  ownerColumn: string;
}

/**
 * Reads records of `entity` from its table aliased `t`: `where` and `orderBy` are SQL on
 * that alias, with `$1`-style placeholders for `params`.
 */
export async function readRecords<E extends object>(
  em: EntityManager,
  entity: EntityClass<E>,
  where: string,
  params: unknown[],
  orderBy?: string,
  through?: Through,
  extra: readonly string[] = [],
): Promise<RecordOf<E>[]> {
  const shape = shapeOf(em, entity);
  const columns = [shape.select('t'), ...(through ? [`${through.ownerColumn} as "ownerId"`] : []), ...extra];
  const join = through ? ` ${through.join}` : '';
  const text = `select ${columns.join(', ')} from ${quote(shape.table)} t${join} where ${where}${orderBy ? ` order by ${orderBy}` : ''}`;
  const rows = await sql(em, text, params);
  return rows.map((row) => shape.build(row));
}

/**
 * The id a to-one relation points to, on an entity (mutations answer with the entities
 * they wrote) or on its record (the read paths): `<relation>.id` or `<relation>Id`.
 */
export function idOf<E extends object>(value: E | RecordOf<E>, relation: RefKeys<E>): string | null {
  const name = relation as string;
  const record = (value as Record<string, unknown>)[`${name}Id`];
  if (typeof record === 'string') return record;
  const ref = (value as Record<string, unknown>)[name] as { id?: unknown } | null | undefined;
  return typeof ref?.id === 'string' ? ref.id : null;
}

/** What a resolver of E's type receives: a record (read paths) or the entity (a mutation's answer). */
export type ValueOf<E> = E | RecordOf<E>;

/** `loader.load(id)`, or null without an id (a nullable relation). */
export async function oneOf<R>(loader: { load(id: string): Promise<R | null> }, id: string | null | undefined): Promise<R | null> {
  return id ? loader.load(id) : null;
}

/**
 * A column of a statement on `t` holding, as one JSON array, the records of `entity` whose
 * `column` equals `t.<ownColumn>` (in `orderBy`): a block's rows read with their owner in
 * one statement. `listOf` turns the parsed array into records.
 */
export function nestedList<E extends object>(
  em: EntityManager,
  entity: EntityClass<E>,
  name: string,
  column: string,
  ownColumn: string,
  orderBy: string,
): string {
  const shape = shapeOf(em, entity);
  return `coalesce((select json_agg(${shape.json('n')} order by ${orderBy}) from ${quote(shape.table)} n where n.${quote(column)} = t.${quote(ownColumn)}), '[]'::json) as ${quote(name)}`;
}

/** The records of a nestedList column. */
export function listOf<E extends object>(em: EntityManager, entity: EntityClass<E>, value: unknown): RecordOf<E>[] {
  const shape = shapeOf(em, entity);
  return Array.isArray(value) ? value.map((row: object) => shape.build(row)) : [];
}
