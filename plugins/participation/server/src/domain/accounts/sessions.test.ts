import { isRevoked, tokenIssuedAtMs } from './sessions';

describe('session revocation', () => {
  it('reads the issue time in ms, falling back to iat seconds', () => {
    expect(tokenIssuedAtMs({ issuedAtMs: 1_700_000_000_123, iat: 1_700_000_000 })).toBe(1_700_000_000_123);
    expect(tokenIssuedAtMs({ iat: 1_700_000_000 })).toBe(1_700_000_000_000);
    expect(tokenIssuedAtMs({ issuedAtMs: 'soon' })).toBe(0);
  });

  it('refuses tokens issued before "not before", and none when nothing was revoked', () => {
    expect(isRevoked({ issuedAtMs: 1000 }, null)).toBe(false);
    expect(isRevoked({ issuedAtMs: 999 }, 1000)).toBe(true);
    // The token issued with the change (same millisecond or later) stays valid.
    expect(isRevoked({ issuedAtMs: 1000 }, 1000)).toBe(false);
    expect(isRevoked({ issuedAtMs: 1001 }, '1000')).toBe(false);
    // A token of the same second without ms is treated as older: never wrongly kept.
    expect(isRevoked({ iat: 1 }, 1500)).toBe(true);
    expect(isRevoked({}, 1)).toBe(true);
  });
});
