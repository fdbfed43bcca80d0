import type { PortalLanguage } from '../../../../portal/src/i18n/languages';
/**
 * What a person can be notified of. A kind is what settings and unsubscribe links turn off; a topic is
 * the particular news (a reply or a mention are both of the kind `reply`), which picks the words.
 */
export const NOTIFICATION_KINDS = ['reply', 'thread-post', 'proposal-status', 'round', 'meeting', 'consultation-summary'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_CHANNELS = ['email', 'portal'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const TOPIC_KIND = {
  reply: 'reply',
  mention: 'reply',
  'thread-post': 'thread-post',
  'proposal-status': 'proposal-status',
  'round-phase': 'round',
  'round-results': 'round',
  'meeting-tomorrow': 'meeting',
  'meeting-changed': 'meeting',
  'meeting-minutes': 'meeting',
  'consultation-summary': 'consultation-summary',
} as const satisfies Record<string, NotificationKind>;
export type NotificationTopic = keyof typeof TOPIC_KIND;

export const isNotificationKind = (value: string): value is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(value);

/** What a notification says, stored with it: the words are chosen when it is shown, in the reader's language. */
export interface NotificationPayload {
  topic: NotificationTopic;
  /** The thread's, proposal's, round's, meeting's or consultation's title. */
  title: string;
  /**
   * The language the title is written in (null: its municipality's) and that municipality, so that a page
   * in another language marks it (WCAG 3.1.2). Notifications stored before they were kept have neither.
   */
  language?: PortalLanguage | null;
  municipalityCode?: string;
  /** The portal page it is about, after the language (`/threads/abc?page=3`). */
  path: string;
  /** Who replied or mentioned. */
  author?: string;
  /** A proposal's new status or a round's new phase (catalogue keys `status.*`, `phase.*`). */
  status?: string;
  phase?: string;
  /** When a meeting starts (ISO). */
  startsAt?: string;
}

/** The portal pages notifications link to (each area's page: forum threads, proposals, rounds, meetings, consultations). */
export const notificationPaths = {
  post: (threadDocumentId: string, position: number, pageSize: number) => `/threads/${threadDocumentId}?page=${Math.ceil(position / pageSize)}#post-${position}`,
  thread: (threadDocumentId: string) => `/threads/${threadDocumentId}`,
  proposal: (proposalDocumentId: string) => `/proposals/${proposalDocumentId}`,
  round: (roundDocumentId: string) => `/rounds/${roundDocumentId}`,
  meeting: (meetingDocumentId: string) => `/meetings/${meetingDocumentId}`,
  consultation: (consultationDocumentId: string) => `/consultations/${consultationDocumentId}`,
};
