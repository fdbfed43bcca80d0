import { decideAccess, rolesGrantedFor } from './rules';

const staffIn = (...municipalityCodes: string[]) => ({ userId: 1, role: 'municipal-staff' as const, municipalityCodes });

describe('decideAccess', () => {
  it('lets anyone read public data', () => {
    expect(decideAccess('budget-line.find', null)).toEqual({ allowed: true });
  });

  it('needs a signed-in person for their own profile', () => {
    expect(decideAccess('me.find', null)).toMatchObject({ allowed: false, status: 401 });
    expect(decideAccess('me.find', { userId: 2, role: 'citizen', municipalityCodes: [] })).toEqual({ allowed: true });
  });

  it('holds staff rights only inside the assigned municipalities', () => {
    expect(decideAccess('budget-line.import', staffIn('SHK'), 'SHK')).toEqual({ allowed: true });
    expect(decideAccess('budget-line.import', staffIn('SHK'), 'KOR')).toMatchObject({ allowed: false, status: 403, reason: 'You are not assigned to municipality "KOR".' });
    expect(decideAccess('budget-line.import', staffIn('SHK'))).toMatchObject({ allowed: false, status: 403 });
  });

  it('refuses other roles even in their own municipality', () => {
    const moderator = { userId: 3, role: 'moderator' as const, municipalityCodes: ['SHK'] };
    expect(decideAccess('budget-line.create', moderator, 'SHK')).toMatchObject({ allowed: false, status: 403, reason: 'Only municipal-staff may do this.' });
  });

  it('grants municipal actions only to the roles named, public ones to everyone', () => {
    expect(rolesGrantedFor('budget-line.delete')).toEqual(['municipal-staff']);
    expect(rolesGrantedFor('municipality.find')).toEqual(['citizen', 'municipal-staff', 'moderator', 'cso-facilitator']);
  });
});
