export const PLUGIN_ID = 'participation';

export const UID = {
  municipality: 'plugin::participation.municipality',
  budgetLine: 'plugin::participation.budget-line',
  municipalAssignment: 'plugin::participation.municipal-assignment',
  round: 'plugin::participation.round',
  proposal: 'plugin::participation.proposal',
  proposalStatusChange: 'plugin::participation.proposal-status-change',
  ballot: 'plugin::participation.ballot',
  roundParticipation: 'plugin::participation.round-participation',
  participantProfile: 'plugin::participation.participant-profile',
  decisionLogEntry: 'plugin::participation.decision-log-entry',
  projectImplementation: 'plugin::participation.project-implementation',
  user: 'plugin::users-permissions.user',
  role: 'plugin::users-permissions.role',
  permission: 'plugin::users-permissions.permission',
} as const;
