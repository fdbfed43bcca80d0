import { describeAccess } from './describe-access';
import { ACCESS_RULES } from './rules';

describe('describeAccess', () => {
  it('says who may call each kind of rule', () => {
    expect(describeAccess(ACCESS_RULES['round.find'])).toBe('anyone, signed in or not');
    expect(describeAccess(ACCESS_RULES['me.find'])).toBe('anyone signed in');
    expect(describeAccess(ACCESS_RULES['participant.verify'])).toBe(
      'Municipal staff or CSO facilitator assigned to the municipality in the path'
    );
  });
});
