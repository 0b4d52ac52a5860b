import { randomUUID } from 'node:crypto';
import { ManyToOne, PrimaryKey, Property, type Ref, type Opt } from '@mikro-orm/core';
import type { Programme } from './programme.entity';

/** Columns every table shares: a UUID key, timestamps and the optimistic-lock version. */
export abstract class BaseEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();

  /** Incremented on every update; a stale version is a CONFLICT (optimistic locking). */
  @Property({ type: 'integer', version: true })
  version!: number & Opt;
}

/** Every row of the domain belongs to exactly one programme (the tenant). */
export abstract class TenantEntity extends BaseEntity {
  // The string entity name avoids an import cycle between the base and Programme.
  @ManyToOne('Programme', { ref: true, index: true })
  programme!: Ref<Programme>;
}
