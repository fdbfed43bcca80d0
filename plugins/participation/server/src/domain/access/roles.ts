/**
 * Who takes part. A citizen is users-permissions' Authenticated role; the other three are roles this
 * plugin creates, and their rights hold only inside the municipalities the person is assigned to.
 */
export const SCOPED_ROLES = ['municipal-staff', 'moderator', 'cso-facilitator'] as const;
export type ScopedRole = (typeof SCOPED_ROLES)[number];

export const PARTICIPANT_ROLES = ['citizen', ...SCOPED_ROLES] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** users-permissions role `type` for each participant role. */
export const USERS_PERMISSIONS_ROLE_TYPE: Record<ParticipantRole, string> = {
  citizen: 'authenticated',
  'municipal-staff': 'municipal-staff',
  moderator: 'moderator',
  'cso-facilitator': 'cso-facilitator',
};

export const SCOPED_ROLE_DESCRIPTIONS: Record<ScopedRole, { name: string; description: string }> = {
  'municipal-staff': {
    name: 'Municipal staff',
    description: 'Manages budget lines, rounds and decisions in the municipalities they are assigned to.',
  },
  moderator: {
    name: 'Moderator',
    description: 'Moderates forums in the municipalities they are assigned to.',
  },
  'cso-facilitator': {
    name: 'CSO facilitator',
    description: 'Runs consultations and dialogue groups and enters assisted participation in assigned municipalities.',
  },
};

export const participantRoleFromType = (type: string | undefined | null): ParticipantRole | null => {
  const entry = Object.entries(USERS_PERMISSIONS_ROLE_TYPE).find(([, upType]) => upType === type);
  return entry ? (entry[0] as ParticipantRole) : null;
};
