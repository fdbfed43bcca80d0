import type { NotificationPayload } from '../../../server/src/domain/notifications/kinds';
import type { MessageKey, Translator } from '../i18n/translator';

const TOPIC_MESSAGE = {
  reply: 'notify.topic.reply',
  mention: 'notify.topic.mention',
  'thread-post': 'notify.topic.threadPost',
  'proposal-status': 'notify.topic.proposalStatus',
  'round-phase': 'notify.topic.roundPhase',
  'round-results': 'notify.topic.roundResults',
  'meeting-tomorrow': 'notify.topic.meetingTomorrow',
  'meeting-changed': 'notify.topic.meetingChanged',
  'meeting-minutes': 'notify.topic.meetingMinutes',
  'consultation-summary': 'notify.topic.consultationSummary',
} as const satisfies Record<NotificationPayload['topic'], MessageKey>;

/**
 * One notification in words of the reader's language: the same sentence in the mail and on the portal's
 * notifications page. `count` folds several posts in one thread into one line.
 */
export const notificationText = ({ t, date }: Translator, payload: NotificationPayload, count = 1) =>
  t(TOPIC_MESSAGE[payload.topic], {
    title: payload.title,
    author: payload.author ?? '',
    count,
    status: payload.status ? t(`status.${payload.status}` as MessageKey) : '',
    phase: payload.phase ? t(`phase.${payload.phase}` as MessageKey) : '',
    startsAt: payload.startsAt ? date(payload.startsAt) : '',
  });
