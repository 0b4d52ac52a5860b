import { ref } from '@mikro-orm/core';
import { Child, DataCategory, PartnerKind, Role } from '../../src/entities';
import { toGlobalId } from '../../src/schema/global-id';
import type { TestServer } from '../helpers/test-server';
import * as f from '../factories';

/** A school's pupil the school may read and observe (IDENTITY, SCHOOLING), its agents, and a DPO. */
export interface SchoolWorld {
  childUuid: string;
  childId: string;
  agentAccountId: string;
  /** Tokens of two agents of the school, and of the programme's DPO. */
  agent: string;
  otherAgent: string;
  dpo: string;
}

export async function schoolWorld(server: TestServer, child: Partial<Child> = {}): Promise<SchoolWorld> {
  const em = server.orm.em.fork();
  const prog = f.programme(em);
  const school = f.partner(em, prog, { kind: PartnerKind.SCHOOL });
  const team = f.partner(em, prog, { kind: PartnerKind.PRE_TEAM });
  const kid = f.child(em, f.family(em, prog), { school: ref(school), ...child });
  const coordinator = f.account(em, prog, Role.PRE_COORDINATOR, { partner: ref(team) });
  const agent = f.account(em, prog, Role.PARTNER_AGENT, { partner: ref(school) });
  const otherAgent = f.account(em, prog, Role.PARTNER_AGENT, { partner: ref(school) });
  const dpo = f.account(em, prog, Role.DPO, { partner: ref(team) });
  f.serviceLink(em, kid, school, coordinator, { categories: [DataCategory.IDENTITY, DataCategory.SCHOOLING] });
  await em.flush();
  return {
    childUuid: kid.id,
    childId: toGlobalId('Child', kid.id),
    agentAccountId: agent.id,
    agent: await server.token(agent.subject),
    otherAgent: await server.token(otherAgent.subject),
    dpo: await server.token(dpo.subject),
  };
}
