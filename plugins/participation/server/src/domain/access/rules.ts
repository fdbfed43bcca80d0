import type { ParticipantRole, ScopedRole } from './roles';
import { PARTICIPANT_ROLES } from './roles';

/**
 * Every content-API action of the plugin and who may call it: the one place access is decided.
 * Route policies, the users-permissions grants made at bootstrap and the access-matrix test all read
 * this table, so a new route cannot be added without saying who may use it.
 */
export type AccessRule =
  | { audience: 'public' }
  | { audience: 'signed-in' }
  | { audience: 'municipality'; roles: readonly ScopedRole[] };

const PUBLIC = { audience: 'public' } as const;
const SIGNED_IN = { audience: 'signed-in' } as const;
const STAFF_ONLY = { audience: 'municipality', roles: ['municipal-staff'] } as const;
const FACILITATOR_ONLY = { audience: 'municipality', roles: ['cso-facilitator'] } as const;
const STAFF_OR_FACILITATOR = { audience: 'municipality', roles: ['municipal-staff', 'cso-facilitator'] } as const;
const MODERATOR_ONLY = { audience: 'municipality', roles: ['moderator'] } as const;

export const ACCESS_RULES = {
  'municipality.find': PUBLIC,
  'municipality.findOne': PUBLIC,
  'budget-line.find': PUBLIC,
  'budget-line.findOne': PUBLIC,
  'budget-line.create': STAFF_ONLY,
  'budget-line.update': STAFF_ONLY,
  'budget-line.delete': STAFF_ONLY,
  'budget-line.import': STAFF_ONLY,
  'me.find': SIGNED_IN,
  'me.updateProfile': SIGNED_IN,
  'participant.verify': STAFF_OR_FACILITATOR,
  'round.find': PUBLIC,
  'round.findOne': PUBLIC,
  'round.exportBallots': PUBLIC,
  'round.create': STAFF_ONLY,
  'round.update': STAFF_ONLY,
  'round.transition': STAFF_ONLY,
  'round.count': STAFF_ONLY,
  'proposal.find': PUBLIC,
  'proposal.findOne': PUBLIC,
  'proposal.create': SIGNED_IN,
  'proposal.update': SIGNED_IN,
  'proposal.withdraw': SIGNED_IN,
  'proposal.review': STAFF_ONLY,
  'ballot.cast': SIGNED_IN,
  'ballot.castAssisted': FACILITATOR_ONLY,
  'ballot.verifyReceipt': PUBLIC,
  'ballot.participation': STAFF_ONLY,
  // Room rules (domain/access/realtime-rooms.ts) decide further, as for sockets.
  'realtime.eventsAfter': PUBLIC,
  'decision.find': PUBLIC,
  'decision.findOne': PUBLIC,
  'decision.verifyLog': PUBLIC,
  'decision.exportLog': PUBLIC,
  'decision.checkpoint': PUBLIC,
  'decision.signingKey': PUBLIC,
  'decision.publish': STAFF_ONLY,
  'implementation.findOne': PUBLIC,
  'implementation.budgetLineSpending': PUBLIC,
  'implementation.update': STAFF_ONLY,
  'forum.find': PUBLIC,
  'forum.findOne': PUBLIC,
  'forum.create': STAFF_OR_FACILITATOR,
  'forum.findThreads': PUBLIC,
  'forum.findThread': PUBLIC,
  'forum.createThread': SIGNED_IN,
  'forum.findPosts': PUBLIC,
  'forum.createPost': SIGNED_IN,
  'forum.react': SIGNED_IN,
  'forum.unreact': SIGNED_IN,
  'forum.follow': SIGNED_IN,
  'forum.unfollow': SIGNED_IN,
  'moderation.report': SIGNED_IN,
  'moderation.summary': PUBLIC,
  'moderation.queue': MODERATOR_ONLY,
  'moderation.moderatePost': MODERATOR_ONLY,
  'moderation.moderateThread': MODERATOR_ONLY,
  'moderation.suspend': MODERATOR_ONLY,
  'moderation.liftSuspension': MODERATOR_ONLY,
  'dialogue-group.find': PUBLIC,
  'dialogue-group.findOne': PUBLIC,
  'dialogue-group.create': STAFF_OR_FACILITATOR,
  'dialogue-group.update': STAFF_OR_FACILITATOR,
  'dialogue-group.addMember': STAFF_OR_FACILITATOR,
  'dialogue-group.removeMember': STAFF_OR_FACILITATOR,
  'dialogue-group.findCommitments': PUBLIC,
  'dialogue-group.updateCommitment': STAFF_OR_FACILITATOR,
  'dialogue-group.recommendationToProposal': STAFF_OR_FACILITATOR,
  'meeting.find': PUBLIC,
  'meeting.findOne': PUBLIC,
  'meeting.create': STAFF_OR_FACILITATOR,
  'meeting.update': STAFF_OR_FACILITATOR,
  'meeting.register': SIGNED_IN,
  'meeting.unregister': SIGNED_IN,
  // Registrants' stated accessibility needs: for the organisers of the municipality only.
  'meeting.findRegistrations': STAFF_OR_FACILITATOR,
  'meeting.recordAttendance': STAFF_OR_FACILITATOR,
  'meeting.publishMinutes': STAFF_OR_FACILITATOR,
  'consultation.find': PUBLIC,
  'consultation.findOne': PUBLIC,
  'consultation.create': STAFF_OR_FACILITATOR,
  'consultation.update': STAFF_OR_FACILITATOR,
  'consultation.transition': STAFF_OR_FACILITATOR,
  'consultation.submitOnline': SIGNED_IN,
  'consultation.submitOffline': FACILITATOR_ONLY,
  'consultation.findInputs': STAFF_OR_FACILITATOR,
  'consultation.publishSummary': STAFF_OR_FACILITATOR,
  // Aggregates only, suppressed below k: public like the rest of the results.
  'statistics.meeting': PUBLIC,
  'statistics.consultation': PUBLIC,
  'statistics.forum': PUBLIC,
  'me.declareDemographics': SIGNED_IN,
  'me.withdrawDemographics': SIGNED_IN,
  // Published money and records, the same the public reads elsewhere: open data for anyone.
  'open-data.moneyByMarker': PUBLIC,
  'open-data.moneyByMarkerCsv': PUBLIC,
  'open-data.roundParticipation': PUBLIC,
  'open-data.roundParticipationCsv': PUBLIC,
  'open-data.programmeIndicators': PUBLIC,
  'open-data.programmeIndicatorsCsv': PUBLIC,
  'open-data.budgetLinesCsv': PUBLIC,
  'open-data.budgetLinesJson': PUBLIC,
  'open-data.proposalsCsv': PUBLIC,
  'open-data.proposalsJson': PUBLIC,
  'open-data.decisionsCsv': PUBLIC,
  'open-data.decisionsJson': PUBLIC,
  'open-data.roundResultsCsv': PUBLIC,
  'open-data.roundResultsJson': PUBLIC,
  'open-data.implementationCsv': PUBLIC,
  'open-data.implementationJson': PUBLIC,
  'open-data.consultationSummariesCsv': PUBLIC,
  'open-data.consultationSummariesJson': PUBLIC,
  'open-data.commitmentsCsv': PUBLIC,
  'open-data.commitmentsJson': PUBLIC,
  // The API's own description: public like the API's public routes.
  'openapi.document': PUBLIC,
  'openapi.page': PUBLIC,
} as const satisfies Record<string, AccessRule>;

export type ContentApiAction = keyof typeof ACCESS_RULES;

export interface Actor {
  userId: number;
  role: ParticipantRole;
  /** Codes of the municipalities a scoped role is assigned to (empty for citizens). */
  municipalityCodes: readonly string[];
}

/** Which rule refused: no sign-in, the role, the municipality, or a grant withdrawn in Users & Permissions. */
export type RefusedBy = 'sign-in' | 'role' | 'municipality' | 'grant';

export interface Refusal {
  status: 401 | 403;
  refusedBy: RefusedBy;
  reason: string;
}

export type AccessDecision = { allowed: true } | ({ allowed: false } & Refusal);

/**
 * Who calls, as far as a role decides: nobody signed in (`null`), or a signed-in person whose
 * users-permissions role is one of the participant roles (`role: null` for any other role).
 */
export type Caller = { role: ParticipantRole | null } | null;

const ALLOWED = { allowed: true } as const;

/** Reasons name the action and the rule, never data: whether a record or municipality exists is not told. */
const refuse = (action: ContentApiAction, status: 401 | 403, refusedBy: RefusedBy, reason: string) => ({
  allowed: false as const,
  status,
  refusedBy,
  reason: `${reason} (${action}).`,
});

const listed = (names: readonly string[]) =>
  names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0];

/** What the role alone decides, before any municipality is looked at. */
export const decideForRole = (action: ContentApiAction, caller: Caller): AccessDecision => {
  if (ACCESS_RULES[action].audience === 'public') return ALLOWED;
  if (!caller) return refuse(action, 401, 'sign-in', 'Sign in to do this');
  const roles = rolesGrantedFor(action);
  if (!caller.role || !roles.includes(caller.role)) return refuse(action, 403, 'role', `Only ${listed(roles)} may do this`);
  return ALLOWED;
};

/**
 * Why a caller whose users-permissions role lacks the permission for `action` is refused: the rules
 * themselves, or else an administrator withdrew the permission in Settings → Users & Permissions.
 */
export const refusalWithoutGrant = (action: ContentApiAction, caller: Caller): Refusal => {
  const byRole = decideForRole(action, caller);
  if (!byRole.allowed) return byRole;
  const whose = caller ? `The ${caller.role ?? 'signed-in'} role` : 'The Public role';
  return refuse(action, 403, 'grant', `${whose} no longer holds this permission; it was withdrawn in Users & Permissions`);
};

/** The whole decision for a route: the role, then for municipality-scoped actions the person's assignments. */
export const decideAccess = (action: ContentApiAction, actor: Actor | null, municipalityCode?: string): AccessDecision => {
  const byRole = decideForRole(action, actor);
  if (!byRole.allowed) return byRole;
  const rule: AccessRule = ACCESS_RULES[action];
  if (rule.audience === 'municipality' && !(municipalityCode && actor?.municipalityCodes.includes(municipalityCode))) {
    return refuse(action, 403, 'municipality', `You are not assigned to municipality "${municipalityCode ?? ''}"`);
  }
  return ALLOWED;
};

/** The plugin action a route scope names (`plugin::participation.ballot.cast`), if it is one of the rules'. */
export const actionOfScope = (scope: readonly string[]): ContentApiAction | null => {
  const prefix = 'plugin::participation.';
  if (scope.length !== 1 || !scope[0].startsWith(prefix)) return null;
  const action = scope[0].slice(prefix.length);
  return Object.prototype.hasOwnProperty.call(ACCESS_RULES, action) ? (action as ContentApiAction) : null;
};

/** Which participant roles get the users-permissions grant for an action (public ones also go to the Public role). */
export const rolesGrantedFor = (action: ContentApiAction): readonly ParticipantRole[] => {
  const rule: AccessRule = ACCESS_RULES[action];
  return rule.audience === 'municipality' ? rule.roles : PARTICIPANT_ROLES;
};

export const isPublicAction = (action: ContentApiAction): boolean => ACCESS_RULES[action].audience === 'public';
