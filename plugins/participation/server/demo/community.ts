import type { Core } from '@strapi/strapi';
import { UID } from '../src/constants/uids';

/**
 * Community demo data for Shkodër: a forum with a thread (one post reported, waiting for the moderator),
 * a dialogue group with reserved seats, a coming meeting and one under way, and an open consultation with
 * paper input entered by the facilitator — enough to walk through docs/community.md and the moderation
 * workspace. Written through the services, as the API would.
 */
export const seedCommunity = async (strapi: Core.Strapi, accountIds: { citizen: number; facilitator: number; staff: number }) => {
  const plugin = strapi.plugin('participation');
  if ((await strapi.db.query(UID.forum).count({ where: { municipalityCode: 'SHK' } })) > 0) return;
  const citizen = await strapi.db.query(UID.user).findOne({ where: { id: accountIds.citizen }, select: ['id', 'username'] });
  const poster = { id: citizen.id, username: citizen.username, address: 'demo-seed' };

  const forum = await plugin.service('forum').createForum('SHK', { title: 'Sheshi i qytetit – Shkodër town square', description: 'Ideas and questions about the city.', language: 'en' }, accountIds.staff);
  const thread = await plugin.service('forum').createThread(
    forum.documentId,
    { title: 'Ndriçimi në parkun Rozafa – Lights in Rozafa park', body: '<p>The paths in Rozafa park are <strong>dark</strong> after 19:00. Could the youth budget fund solar lamps?</p>', language: 'en' },
    poster
  );
  const photos = await plugin.service('forum').createPost(thread.documentId, { body: '<p>Photos of the darkest paths: <a href="https://example.org/rozafa">example.org/rozafa</a></p>', language: 'en' }, poster);
  // A report waiting in the moderator's queue (moderator@demo.local, Shkodër): the demo's "moderate a reported post".
  await plugin.service('moderation').report(
    photos.documentId,
    { reason: 'personal-data', note: 'Some of the photos may show neighbours’ faces and house numbers.' },
    { id: accountIds.facilitator, address: 'demo-seed' }
  );

  const group = await plugin.service('dialogue-group').create(
    'SHK',
    {
      name: 'LSDG Shkodër – kujdesi social / social care',
      description: 'The Local Social Dialogue Group between the municipality and local stakeholders on the social care plan.',
      reservedSeats: [
        { category: 'women', seats: 2 },
        { category: 'persons_with_disabilities', seats: 1 },
        { category: 'roma_and_egyptians', seats: 1 },
      ],
      language: 'en',
    },
    accountIds.staff
  );
  const members = [
    { memberKind: 'organisation', displayName: 'Drejtoria e Shërbimeve Sociale', stakeholderType: 'municipality', role: 'chair' },
    { memberKind: 'person', displayName: 'Elira (CSO facilitator)', userId: accountIds.facilitator, stakeholderType: 'cso', role: 'facilitator' },
    { memberKind: 'organisation', displayName: 'Qendra e Grave Shkodër', stakeholderType: 'cso', role: 'member', reservedSeat: 'women' },
    { memberKind: 'organisation', displayName: 'Shoqata e Personave me Aftësi të Kufizuara', stakeholderType: 'service-provider', role: 'member', reservedSeat: 'persons_with_disabilities' },
  ];
  for (const member of members) await plugin.service('dialogue-group').addMember('SHK', group.documentId, member);
  await plugin.service('meeting').create(
    'SHK',
    {
      groupDocumentId: group.documentId,
      title: 'Plani social 2026–2028: leximi i parë – Social care plan: first reading',
      startsAt: '2026-12-10T10:00:00+01:00',
      endsAt: '2026-12-10T12:30:00+01:00',
      place: 'Bashkia Shkodër, salla 3 (ground floor)',
      onlineLink: 'https://meet.example.org/lsdg-shkoder',
      accessibility: ['step-free-access', 'sign-language', 'easy-read-material'],
      agenda: '<ol><li>Welcome</li><li>Draft social care plan</li><li>Recommendations for the 2027 budget</li></ol>',
      capacity: 40,
      status: 'scheduled',
      language: 'en',
    },
    accountIds.staff
  );
  // Attendance and minutes are taken only once a meeting has started: this one is under way when the demo is seeded.
  const hour = 3_600_000;
  const now = Math.floor(Date.now() / hour) * hour;
  await plugin.service('meeting').create(
    'SHK',
    {
      groupDocumentId: group.documentId,
      title: 'Takim pune: shërbimet në shtëpi – Working session: home care services',
      startsAt: new Date(now - hour).toISOString(),
      endsAt: new Date(now + 2 * hour).toISOString(),
      place: 'Qendra komunitare Shkodër',
      accessibility: ['step-free-access', 'easy-read-material'],
      status: 'scheduled',
      language: 'sq',
    },
    accountIds.staff
  );

  const consultation = await plugin.service('consultation').create(
    'SHK',
    {
      topic: 'Shërbimet për të rinjtë – Youth services',
      description: 'What should Shkodër offer young people in 2027? Answer online, on paper at the youth centre, or in a focus group.',
      questions: [
        { id: 'priorities', text: 'What matters most to you?' },
        { id: 'barriers', text: 'What stops you from taking part in municipal decisions?' },
      ],
      targetGroups: ['youth', 'women', 'roma_and_egyptians'],
      opensAt: '2026-11-01T00:00:00+01:00',
      closesAt: '2027-01-31T23:59:00+01:00',
      language: 'en',
    },
    accountIds.facilitator
  );
  await plugin.service('consultation').transition('SHK', consultation.documentId, 'open');
  await plugin.service('forum').createForum('SHK', { title: 'Youth services: discussion', attachedTo: { kind: 'consultation', documentId: consultation.documentId }, language: 'en' }, accountIds.facilitator);
  // Paper forms from the youth centre: most respondents young women, a few young men, two Roma respondents.
  for (let form = 1; form <= 14; form += 1) {
    await plugin.service('consultation').submitOffline(
      'SHK',
      consultation.documentId,
      {
        channel: form <= 11 ? 'paper' : 'focus-group',
        offlineReference: `Youth centre form ${form}`,
        answers: [{ questionId: 'barriers', text: form % 2 ? 'Meetings are held during school hours.' : 'Nobody tells us when decisions are made.' }],
        consent: { given: true, method: form <= 11 ? 'signed-form' : 'verbal' },
        demographics: { gender: form <= 11 ? 'woman' : 'man', birthYear: 2004 + (form % 6), minorityGroup: form <= 2 ? 'roma' : 'none', consent: true },
      },
      accountIds.facilitator
    );
  }
};
