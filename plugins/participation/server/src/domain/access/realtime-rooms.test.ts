import { decideRoomAccess } from './realtime-rooms';

const citizen = { userId: 7, role: 'citizen' as const, municipalityCodes: [] };
const moderator = { userId: 8, role: 'moderator' as const, municipalityCodes: ['SHK'] };

describe('decideRoomAccess', () => {
  it.each(['round:abc123', 'proposal:x1', 'municipality:SHK:decisions', 'municipality:KOR:budget', 'thread:t1', 'dialogue-group:g1'])(
    'lets anyone follow the public room %s',
    (room) => expect(decideRoomAccess(room, null)).toEqual({ allowed: true })
  );

  it('keeps personal rooms to their owner', () => {
    expect(decideRoomAccess('user:7', citizen)).toEqual({ allowed: true });
    expect(decideRoomAccess('user:8', citizen)).toMatchObject({ allowed: false });
    expect(decideRoomAccess('user:8', citizen)).toMatchObject({ status: 403, refusedBy: 'role' });
    expect(decideRoomAccess('user:7', null)).toMatchObject({ allowed: false, status: 401, refusedBy: 'sign-in' });
  });

  it('keeps a moderation queue to moderators of that municipality', () => {
    expect(decideRoomAccess('moderation:SHK', moderator)).toEqual({ allowed: true });
    expect(decideRoomAccess('moderation:KOR', moderator)).toMatchObject({ allowed: false });
    expect(decideRoomAccess('moderation:SHK', citizen)).toMatchObject({ allowed: false, status: 403 });
    expect(decideRoomAccess('moderation:SHK', null)).toMatchObject({ allowed: false, status: 401 });
  });

  it.each(['', 'round:', 'round:ABC', 'admin', 'municipality:SHK', 'x'.repeat(200)])('refuses %j', (room) => {
    expect(decideRoomAccess(room, moderator)).toMatchObject({ allowed: false });
  });
});
