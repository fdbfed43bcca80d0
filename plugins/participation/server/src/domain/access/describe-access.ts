import type { AccessRule } from './rules';
import { SCOPED_ROLE_DESCRIPTIONS } from './roles';

/** An access rule in words, for the API's documentation. */
export const describeAccess = (rule: AccessRule): string => {
  if (rule.audience === 'public') return 'anyone, signed in or not';
  if (rule.audience === 'signed-in') return 'anyone signed in';
  const roles = rule.roles.map((role) => SCOPED_ROLE_DESCRIPTIONS[role].name);
  return `${roles.join(' or ')} assigned to the municipality in the path`;
};
