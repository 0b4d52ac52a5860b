import { DataCategory, PartnerKind, Role } from '../entities/enums';
import { CATEGORY_FIELDS } from './field-categories';
import { ACCOUNT_PARTNER_POLICY, DATA_REQUEST_POLICY, PARTNER_KIND_MAX, READ_POLICY, REQUEST_SCOPE_TEXT, ROLE_POLICY, ROW_RULE_LIFECYCLES, ROW_RULE_TEXT, WRITE_POLICY } from './policy';
import { FIELD_READS, ROOT_FIELD_READS } from './field-categories';

/**
 * docs/access-policy.md, generated from the policy tables (`npm run policy:doc`);
 * tests/policy-doc.test.ts fails when the committed file differs.
 */

const CATEGORIES = Object.values(DataCategory);

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function categoryRow(label: string, granted: readonly DataCategory[]): string {
  return row([label, ...CATEGORIES.map((c) => (granted.includes(c) ? 'yes' : '-'))]);
}

export function renderPolicyDoc(): string {
  const lines: string[] = [
    '# Access policy, as enforced',
    '',
    'Generated from `src/permissions/policy.ts` and `src/permissions/field-categories.ts` by `npm run policy:doc`; do not edit by hand.',
    'The specification it implements is `../shared/access-policy.md`.',
    '',
    '## Category maxima (roles × categories)',
    '',
    'What a viewer may ever see of a child in its rows. For a partner agent, the effective',
    'categories for a child are this maximum ∩ the union of the categories of its ACTIVE,',
    'currently valid links to that child ∩ the scope of the consent each CONSENT link rests on.',
    '',
    row(['role', ...CATEGORIES]),
    row(['---', ...CATEGORIES.map(() => ':---:')]),
  ];
  for (const role of Object.values(Role)) {
    if (role === Role.PARTNER_AGENT) {
      for (const kind of Object.values(PartnerKind)) lines.push(categoryRow(`PARTNER_AGENT, ${kind}`, PARTNER_KIND_MAX[kind]));
    } else {
      lines.push(categoryRow(role, ROLE_POLICY[role].maxCategories));
    }
  }
  lines.push('', '## Rows (the children a role may see at all)', '', row(['role', 'rows', 'files']), row(['---', '---', '---']));
  for (const role of Object.values(Role)) {
    const rule = ROLE_POLICY[role].rows;
    lines.push(row([role, ROW_RULE_TEXT[rule], ROW_RULE_LIFECYCLES[rule].join(', ') || '-']));
  }
  lines.push(
    '',
    'A child outside the rows is `NOT_FOUND`, exactly like a missing one; no role ever crosses programmes.',
    '',
    '## Guarded fields (one per data category block)',
    '',
    'A guarded field outside the viewer\'s effective categories for its child is `null` with a',
    '`FORBIDDEN` error at its path. Every other field is reachable only below these, or holds',
    'no child data (identity fields of a child in the viewer\'s rows).',
    '',
    row(['field', 'category']),
    row(['---', '---']),
  );
  for (const [type, fields] of Object.entries(CATEGORY_FIELDS)) {
    for (const [field, category] of Object.entries(fields)) lines.push(row([`\`${type}.${field}\``, category]));
  }
  lines.push('', '## Writes', '', row(['write', 'roles']), row(['---', '---']));
  for (const [action, roles] of Object.entries(WRITE_POLICY)) lines.push(row([action, roles.join(', ')]));
  lines.push(
    '',
    '## Requests from families (outside the rows)',
    '',
    'The requests about one child that do not go through the rows: an ACTIVE file is followed; an ARCHIVED one',
    '(no activity for the active period) is read by the coordinator and the DPO only; an ANONYMISED one by no one.',
    'Anything else is `NOT_FOUND`.',
    '',
    row(['request', 'role', 'children', 'categories in the answer']),
    row(['---', '---', '---', '---']),
  );
  for (const [action, grants] of Object.entries(DATA_REQUEST_POLICY)) {
    for (const [role, grant] of Object.entries(grants)) {
      lines.push(row([action, role, REQUEST_SCOPE_TEXT[grant.scope], grant.categories.join(' ') || '-']));
    }
  }
  lines.push('', '## Reads outside the rows', '', 'Every other role is `FORBIDDEN`.', '', row(['read', 'roles', 'fields']), row(['---', '---', '---']));
  const nested = Object.entries(FIELD_READS).flatMap(([type, fields]) => Object.entries(fields).map(([field, read]) => [`${type}.${field}`, read] as const));
  for (const [action, roles] of Object.entries(READ_POLICY)) {
    const fields = [...Object.entries(ROOT_FIELD_READS), ...nested].filter(([, read]) => read === action).map(([field]) => `\`${field}\``);
    lines.push(row([action, roles.join(', '), fields.join(', ')]));
  }
  lines.push(
    '',
    '## Staff accounts',
    '',
    'The role of a staff account and the kind of the partner it works for go together as below (createAccount, updateAccount).',
    'A GUARDIAN account is never created by hand: it comes from an invitation its guardian accepts.',
    '',
    row(['role', 'partner', 'partner kinds']),
    row(['---', '---', '---']),
  );
  for (const [role, rule] of Object.entries(ACCOUNT_PARTNER_POLICY)) lines.push(row([role, rule.partner, rule.kinds.join(', ') || '-']));
  lines.push('');
  return lines.join('\n');
}
