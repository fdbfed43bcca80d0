import { TARGET_GROUPS } from '../proposals/statuses';

/** Who sits in a Local Social Dialogue Group: an organisation, or a person named on their own. */
export const MEMBER_KINDS = ['organisation', 'person'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];

/** Which side of the dialogue a member speaks for. */
export const STAKEHOLDER_TYPES = ['municipality', 'cso', 'service-provider', 'community-representative', 'citizen'] as const;
export type StakeholderType = (typeof STAKEHOLDER_TYPES)[number];

export const GROUP_ROLES = ['chair', 'facilitator', 'member'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

/** Seats may be reserved for the same groups proposals target. */
export const SEAT_CATEGORIES = TARGET_GROUPS;
export type SeatCategory = (typeof SEAT_CATEGORIES)[number];
