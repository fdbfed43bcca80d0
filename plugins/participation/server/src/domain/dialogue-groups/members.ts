/** Who sits in a Local Social Dialogue Group: an organisation or a person, of which stakeholder type, in which role. */
export const MEMBER_KINDS = ['organisation', 'person'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];

export const STAKEHOLDER_TYPES = ['municipality', 'cso', 'service-provider', 'community-representative', 'citizen'] as const;
export type StakeholderType = (typeof STAKEHOLDER_TYPES)[number];

export const GROUP_ROLES = ['chair', 'facilitator', 'member'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];
