import { Collection, Entity, OneToMany, Property, type Opt } from '@mikro-orm/core';
import { TenantEntity } from './base.entity';
import { Guardian } from './guardian.entity';
import { Child } from './child.entity';

/** A household (foyer). Address is CONTACT data; situation notes are SOCIAL data. */
@Entity()
export class Family extends TenantEntity {
  @Property({ length: 300 })
  addressLine!: string;

  @Property({ length: 5 })
  postalCode!: string;

  @Property({ length: 100 })
  city!: string;

  /** Code of the priority neighbourhood (QPV) the family lives in, if any. */
  @Property({ length: 12, nullable: true, index: true })
  qpvCode?: string;

  @Property({ type: 'text[]' })
  languages: string[] & Opt = [];

  @Property({ type: 'boolean' })
  interpreterNeeded: boolean & Opt = false;

  @Property({ type: 'text', nullable: true })
  socialSituation?: string;

  @Property({ type: 'text', nullable: true })
  socialNotes?: string;

  @OneToMany(() => Guardian, (g) => g.family)
  guardians = new Collection<Guardian>(this);

  @OneToMany(() => Child, (c) => c.family)
  children = new Collection<Child>(this);
}
