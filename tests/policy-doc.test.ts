import { readFileSync } from 'node:fs';
import { renderPolicyDoc } from '../src/permissions/policy-doc';

describe('docs/access-policy.md', () => {
  it('is generated from the policy tables (run `npm run policy:doc` after a change)', () => {
    expect(readFileSync('docs/access-policy.md', 'utf8')).toBe(renderPolicyDoc());
  });

  it('states the partner kinds maxima of the specification', () => {
    const doc = renderPolicyDoc();
    expect(doc).toContain('| PARTNER_AGENT, LEISURE_CENTRE | yes | yes | - | - | - | yes | - |');
    expect(doc).toContain('| PRE_COORDINATOR | yes | yes | yes | yes | - | yes | yes |');
  });
});
