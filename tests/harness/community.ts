import type { Core } from '@strapi/strapi';
import { getService } from '../../plugins/participation/server/src/utils/get-service';
import { createPerson, type TestPerson } from './people';
import { createRound } from './fixtures';

/** The community pages' states, each a document made through the plugin's services as the API would make it. */
export interface CommunityFixtures {
  group: string;
  /** Scheduled, with room, an agenda, a place, an online link and accessibility arrangements. */
  comingMeeting: string;
  /** Scheduled, its one place taken. */
  fullMeeting: string;
  cancelledMeeting: string;
  /** Held: minutes out with a commitment (now in progress) and a recommendation that became `proposal`; too few attended to publish the count. */
  heldMeeting: string;
  proposal: string;
  openConsultation: string;
  /** Summarised: themes, counts by channel and suppressed demographics, and the proposal it led to. */
  summarisedConsultation: string;
  facilitator: TestPerson;
}

const HOUR = 3_600_000;
const at = (hoursFromNow: number) => new Date(Date.now() + hoursFromNow * HOUR).toISOString();

export const createCommunity = async (strapi: Core.Strapi, municipalityCode: string): Promise<CommunityFixtures> => {
  const facilitator = await createPerson(strapi, 'cso-facilitator', [municipalityCode]);
  const groups = getService(strapi, 'dialogue-group');
  const meetings = getService(strapi, 'meeting');
  const commitments = getService(strapi, 'commitment');
  const consultations = getService(strapi, 'consultation');

  const group = await groups.create(
    municipalityCode,
    { name: 'Social care dialogue group', description: 'The municipality and local organisations plan social care together.', reservedSeats: [{ category: 'women', seats: 2 }, { category: 'roma_and_egyptians', seats: 1 }] },
    facilitator.id
  );
  await groups.addMember(municipalityCode, group.documentId, { memberKind: 'organisation', displayName: 'Social services directorate', stakeholderType: 'municipality', role: 'chair' });
  await groups.addMember(municipalityCode, group.documentId, { memberKind: 'organisation', displayName: 'Women’s centre', stakeholderType: 'cso', role: 'member', reservedSeat: 'women' });

  const meeting = (fields: Record<string, unknown>) =>
    meetings.create(municipalityCode, { groupDocumentId: group.documentId, place: 'Town hall, room 3 (ground floor)', accessibility: [], status: 'scheduled', ...fields } as never, facilitator.id);
  const coming = await meeting({
    title: 'Social care plan: first reading',
    startsAt: at(72),
    endsAt: at(74.5),
    onlineLink: 'https://meet.example.org/social-care-plan-first-reading',
    accessibility: ['step-free-access', 'sign-language', 'easy-read-material'],
    agenda: '<ol><li>Welcome</li><li>The draft plan</li></ol>',
    capacity: 40,
  });
  const full = await meeting({ title: 'Site visit to the day centre', startsAt: at(96), capacity: 1 });
  const someone = await createPerson(strapi, 'citizen');
  await meetings.register(full.documentId, someone.id, undefined);
  const cancelled = await meeting({ title: 'Budget hearing', startsAt: at(120), status: 'cancelled' });
  const held = await meeting({ title: 'Working session on home care', startsAt: at(-3), endsAt: at(-1) });
  await meetings.recordAttendance(municipalityCode, held.documentId, [{ userId: someone.id }, { offlineReference: 'Sheet 1, line 1' }], facilitator.id);
  const minutes = await meetings.publishMinutes(municipalityCode, held.documentId, {
    minutes: '<p>The group read the draft plan and agreed two points.</p>',
    commitments: [
      { kind: 'commitment', text: 'Publish the home care waiting list every month.', owner: 'Social services directorate', dueDate: '2027-03-31' },
      { kind: 'recommendation', text: 'Fund two more home carers in the villages.', owner: 'Municipal council' },
    ],
  });
  const [commitment, recommendation] = minutes.commitments;
  await commitments.updateStatus(municipalityCode, commitment.documentId, { status: 'in-progress', statusNote: 'The first list went out in January.' });
  // The recommendation becomes a proposal in the municipality's open round, as staff convert it through the API.
  await strapi.documents('plugin::participation.budget-line').create({
    data: { municipalityCode, fiscalYear: 2026, code: '1040-01', name: 'Home care', approvedMinor: '1000000000', revisedMinor: '1000000000', committedMinor: '0', spentMinor: '0', genderMarker: 'none', youthMarker: 'none' } as never,
  });
  const round = await createRound(strapi, municipalityCode, { phase: 'proposals', title: 'Social care round', totalBudgetMinor: '5000000000' });
  const staff = await createPerson(strapi, 'municipal-staff', [municipalityCode]);
  const { proposal } = await commitments.toProposal(
    municipalityCode,
    recommendation.documentId,
    { roundDocumentId: round, title: 'Two more home carers in the villages', description: 'Two carers for the villages, as the dialogue group recommended.', requestedAmount: '800000', budgetLineCodes: ['1040-01'], targetGroups: ['elderly'] } as never,
    staff.id
  );
  const questions = [
    { id: 'priorities', text: 'What matters most to you?' },
    { id: 'barriers', text: 'What stops you from taking part?' },
  ];
  const open = await consultations.create(municipalityCode, { topic: 'Youth services', description: 'What should the municipality offer young people next year?', questions, targetGroups: ['youth'], opensAt: at(-48), closesAt: at(24 * 60) }, facilitator.id);
  await consultations.transition(municipalityCode, open.documentId, 'open');
  const summarised = await consultations.create(municipalityCode, { topic: 'Day centre opening hours', questions: [questions[0]], targetGroups: [], opensAt: at(-24 * 30), closesAt: at(24 * 60) }, facilitator.id);
  await consultations.transition(municipalityCode, summarised.documentId, 'open');
  // Fourteen forms: ten women on paper, two men by phone and two in a focus group who preferred not to say;
  // two Roma and two Egyptian respondents: small groups, whose counts are suppressed.
  for (let form = 1; form <= 14; form += 1) {
    await consultations.submitOffline(
      municipalityCode,
      summarised.documentId,
      {
        channel: form <= 10 ? 'paper' : form <= 12 ? 'phone' : 'focus-group',
        offlineReference: `Day centre form ${form}`,
        answers: [{ questionId: 'priorities', text: 'Opening on Saturdays.' }],
        consent: { given: true, method: 'signed-form' },
        demographics: { gender: form <= 10 ? 'woman' : form <= 12 ? 'man' : 'prefer-not-to-say', minorityGroup: form <= 2 ? 'roma' : form <= 4 ? 'egyptian' : 'none', consent: true },
      },
      facilitator.id
    );
  }
  await consultations.transition(municipalityCode, summarised.documentId, 'close');
  await consultations.publishSummary(municipalityCode, summarised.documentId, {
    themes: [{ title: 'Saturdays', description: 'Most people asked for the centre to open on Saturdays.' }],
    proposalDocumentIds: [proposal.documentId],
    commitmentDocumentIds: [commitment.documentId],
  });

  return {
    group: group.documentId,
    comingMeeting: coming.documentId,
    fullMeeting: full.documentId,
    cancelledMeeting: cancelled.documentId,
    heldMeeting: held.documentId,
    proposal: proposal.documentId,
    openConsultation: open.documentId,
    summarisedConsultation: summarised.documentId,
    facilitator,
  };
};
