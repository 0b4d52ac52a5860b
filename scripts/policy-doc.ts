import { mkdirSync, writeFileSync } from 'node:fs';
import { renderPolicyDoc } from '../src/permissions/policy-doc';

mkdirSync('docs', { recursive: true });
writeFileSync('docs/access-policy.md', renderPolicyDoc());
console.log('wrote docs/access-policy.md');
