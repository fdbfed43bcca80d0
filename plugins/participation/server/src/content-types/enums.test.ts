/**
 * Every enumeration column stands for one closed list in the domain; the database may hold only what the
 * domain names. A list changed in one place and not the other fails here, as does a new enumeration
 * attribute that nobody mapped to its list.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { GENDER_MARKERS, YOUTH_MARKERS } from '../domain/budget-lines/markers';
import { INPUT_CHANNELS } from '../domain/consultations/input-channels';
import { CONSULTATION_STATUSES } from '../domain/consultations/consultation-status';
import { COMMITMENT_KINDS, COMMITMENT_STATUSES } from '../domain/dialogue-groups/commitments';
import { MEETING_STATUSES } from '../domain/dialogue-groups/meetings';
import { GROUP_ROLES, MEMBER_KINDS, STAKEHOLDER_TYPES } from '../domain/dialogue-groups/members';
import { FORUM_ATTACHMENTS } from '../domain/forums/attachments';
import { MODERATION_ACTIONS, MODERATION_TARGET_KINDS } from '../domain/forums/moderation-actions';
import { POST_VISIBILITIES } from '../domain/forums/post-visibility';
import { REACTION_KINDS } from '../domain/forums/reactions';
import { REPORT_REASONS } from '../domain/forums/report-reasons';
import { PROPOSAL_STATUSES } from '../domain/proposals/statuses';
import { ROUND_PHASES } from '../domain/rounds/phases';
import { DISTRICTS_PER_VOTER } from '../domain/rounds/round-settings';
import { VOTING_CHANNELS } from '../domain/voting/channels';
import { PORTAL_LANGUAGES } from '../../../portal/src/i18n/languages';

/** `content type.attribute` → the domain list its enum must equal, in the same order. */
const DOMAIN_LIST_OF: Record<string, readonly string[]> = {
  'ballot.channel': VOTING_CHANNELS,
  'budget-line.genderMarker': GENDER_MARKERS,
  'budget-line.youthMarker': YOUTH_MARKERS,
  'commitment.kind': COMMITMENT_KINDS,
  'commitment.status': COMMITMENT_STATUSES,
  'consultation.language': PORTAL_LANGUAGES,
  'consultation.status': CONSULTATION_STATUSES,
  'consultation-input.channel': INPUT_CHANNELS,
  'dialogue-group.language': PORTAL_LANGUAGES,
  'dialogue-group-member.memberKind': MEMBER_KINDS,
  'dialogue-group-member.stakeholderType': STAKEHOLDER_TYPES,
  'dialogue-group-member.groupRole': GROUP_ROLES,
  'forum.attachedKind': FORUM_ATTACHMENTS,
  'forum.language': PORTAL_LANGUAGES,
  'forum-post.language': PORTAL_LANGUAGES,
  'forum-post.visibility': POST_VISIBILITIES,
  'forum-thread.language': PORTAL_LANGUAGES,
  'forum-reaction.kind': REACTION_KINDS,
  'meeting.language': PORTAL_LANGUAGES,
  'meeting.status': MEETING_STATUSES,
  'municipality.contentLanguage': PORTAL_LANGUAGES,
  'moderation-action.action': MODERATION_ACTIONS,
  'moderation-action.targetKind': MODERATION_TARGET_KINDS,
  'post-report.reason': REPORT_REASONS,
  'proposal.language': PORTAL_LANGUAGES,
  'proposal.genderMarker': GENDER_MARKERS,
  'proposal.youthMarker': YOUTH_MARKERS,
  'proposal.proposalStatus': PROPOSAL_STATUSES,
  'round.language': PORTAL_LANGUAGES,
  'round.districtsPerVoter': DISTRICTS_PER_VOTER,
  'round.phase': ROUND_PHASES,
  'round-participation.channel': VOTING_CHANNELS,
};

interface EnumerationAttribute {
  type: 'enumeration';
  enum: string[];
  default?: string;
}

const enumerationAttributes = (): Array<{ name: string; attribute: EnumerationAttribute }> =>
  readdirSync(__dirname, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const schema = JSON.parse(readFileSync(join(__dirname, entry.name, 'schema.json'), 'utf8')) as {
        attributes: Record<string, { type: string }>;
      };
      return Object.entries(schema.attributes)
        .filter(([, attribute]) => attribute.type === 'enumeration')
        .map(([attributeName, attribute]) => ({ name: `${entry.name}.${attributeName}`, attribute: attribute as EnumerationAttribute }));
    });

describe('content-type enumerations', () => {
  const attributes = enumerationAttributes();

  it('maps every enumeration attribute to a domain list, and every mapped one exists', () => {
    const names = attributes.map(({ name }) => name).sort();
    expect(names).toEqual(Object.keys(DOMAIN_LIST_OF).sort());
  });

  it.each(Object.keys(DOMAIN_LIST_OF))('%s lists exactly the domain values, in order', (name) => {
    const found = attributes.find((candidate) => candidate.name === name);
    expect(found?.attribute.enum).toEqual([...DOMAIN_LIST_OF[name]]);
  });

  it('defaults only to a value of the list', () => {
    for (const { name, attribute } of attributes) {
      if (attribute.default !== undefined) expect({ name, default: DOMAIN_LIST_OF[name]?.includes(attribute.default) }).toEqual({ name, default: true });
    }
  });
});
