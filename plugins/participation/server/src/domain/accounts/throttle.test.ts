import { throttledRoute } from './throttle';

describe('throttledRoute', () => {
  it('finds the users-permissions account routes under the REST prefix, as the router matches them', () => {
    expect(throttledRoute('POST', '/api/auth/local', '/api')).toBe('sign-in');
    expect(throttledRoute('post', '/API/Auth/Local/', '/api')).toBe('sign-in');
    expect(throttledRoute('POST', '/api/auth/local/register', '/api')).toBe('registration');
    expect(throttledRoute('POST', '/api/auth/forgot-password', '/api')).toBe('password');
    expect(throttledRoute('POST', '/api/auth/reset-password', '/api')).toBe('password');
    expect(throttledRoute('POST', '/api/auth/change-password', '/api')).toBe('password');
    expect(throttledRoute('GET', '/api/connect/github', '/api')).toBe('password');
    expect(throttledRoute('GET', '/api/auth/github/callback', '/api')).toBe('password');
    expect(throttledRoute('POST', '/v2/auth/local', '/v2/')).toBe('sign-in');
  });

  it('leaves everything else alone', () => {
    expect(throttledRoute('GET', '/api/auth/local', '/api')).toBeNull();
    expect(throttledRoute('POST', '/api/auth/logout', '/api')).toBeNull();
    expect(throttledRoute('POST', '/auth/local', '/api')).toBeNull();
    expect(throttledRoute('POST', '/api/participation/rounds/1/ballot', '/api')).toBeNull();
  });
});
