import { actionOfScope, decideAccess, refusalWithoutGrant, rolesGrantedFor } from './rules';

const staffIn = (...municipalityCodes: string[]) => ({ userId: 1, role: 'municipal-staff' as const, municipalityCodes });

describe('decideAccess', () => {
  it('lets anyone read public data', () => {
    expect(decideAccess('budget-line.find', null)).toEqual({ allowed: true });
  });

  it('asks anonymous callers of signed-in routes to sign in (401), naming the action', () => {
    expect(decideAccess('me.find', null)).toEqual({ allowed: false, status: 401, refusedBy: 'sign-in', reason: 'Sign in to do this (me.find).' });
    expect(decideAccess('budget-line.create', null, 'SHK')).toMatchObject({ status: 401, refusedBy: 'sign-in' });
    expect(decideAccess('me.find', { userId: 2, role: 'citizen', municipalityCodes: [] })).toEqual({ allowed: true });
  });

  it('holds staff rights only inside the assigned municipalities, and says so', () => {
    expect(decideAccess('budget-line.import', staffIn('SHK'), 'SHK')).toEqual({ allowed: true });
    expect(decideAccess('budget-line.import', staffIn('SHK'), 'KOR')).toEqual({
      allowed: false,
      status: 403,
      refusedBy: 'municipality',
      reason: 'You are not assigned to municipality "KOR" (budget-line.import).',
    });
    expect(decideAccess('budget-line.import', staffIn('SHK'))).toMatchObject({ allowed: false, status: 403, refusedBy: 'municipality' });
  });

  it('refuses other roles even in their own municipality, naming the roles that may', () => {
    const moderator = { userId: 3, role: 'moderator' as const, municipalityCodes: ['SHK'] };
    expect(decideAccess('budget-line.create', moderator, 'SHK')).toMatchObject({ allowed: false, status: 403, refusedBy: 'role', reason: 'Only municipal-staff may do this (budget-line.create).' });
    expect(decideAccess('forum.create', moderator, 'SHK')).toMatchObject({ reason: 'Only municipal-staff or cso-facilitator may do this (forum.create).' });
  });

  it('grants municipal actions only to the roles named, public ones to everyone', () => {
    expect(rolesGrantedFor('budget-line.delete')).toEqual(['municipal-staff']);
    expect(rolesGrantedFor('municipality.find')).toEqual(['citizen', 'municipal-staff', 'moderator', 'cso-facilitator']);
  });
});

describe('refusalWithoutGrant (the role lacks the users-permissions permission)', () => {
  it('gives the rule that refuses when the rules themselves refuse', () => {
    expect(refusalWithoutGrant('ballot.cast', null)).toMatchObject({ status: 401, refusedBy: 'sign-in' });
    expect(refusalWithoutGrant('round.create', { role: 'citizen' })).toMatchObject({ status: 403, refusedBy: 'role', reason: 'Only municipal-staff may do this (round.create).' });
    expect(refusalWithoutGrant('round.create', { role: null })).toMatchObject({ status: 403, refusedBy: 'role' });
  });

  it('says the permission was withdrawn when the rules would allow it', () => {
    expect(refusalWithoutGrant('ballot.cast', { role: 'citizen' })).toEqual({
      allowed: false,
      status: 403,
      refusedBy: 'grant',
      reason: 'The citizen role no longer holds this permission; it was withdrawn in Users & Permissions (ballot.cast).',
    });
    expect(refusalWithoutGrant('round.find', null)).toMatchObject({ status: 403, refusedBy: 'grant', reason: expect.stringContaining('The Public role') });
  });
});

describe('actionOfScope', () => {
  it('reads the plugin action of a route scope, and nothing else', () => {
    expect(actionOfScope(['plugin::participation.ballot.cast'])).toBe('ballot.cast');
    expect(actionOfScope(['plugin::participation.no-such.action'])).toBeNull();
    expect(actionOfScope(['plugin::participation.toString'])).toBeNull();
    expect(actionOfScope(['plugin::participation.round.find', 'plugin::participation.ballot.cast'])).toBeNull();
    expect(actionOfScope(['api::article.article.find'])).toBeNull();
  });
});
