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
 * One notification's sentence in the reader's language, with its title as the caller puts it in: text in
 * a mail, an element marked with the title's language on the notifications page. `count` folds several
 * posts in one thread into one line.
 */
export const notificationMessage = <Title>({ t, date }: Translator, payload: NotificationPayload, title: Title, count = 1) => ({
  id: TOPIC_MESSAGE[payload.topic],
  values: {
    title,
    author: payload.author ?? '',
    count,
    status: payload.status ? t(`status.${payload.status}` as MessageKey) : '',
    phase: payload.phase ? t(`phase.${payload.phase}` as MessageKey) : '',
    startsAt: payload.startsAt ? date(payload.startsAt) : '',
  },
});

/** One notification in words of the reader's language, as its mail says it. */
export const notificationText = (i18n: Translator, payload: NotificationPayload, count = 1) => {
  const { id, values } = notificationMessage(i18n, payload, payload.title, count);
  return i18n.t(id, values);
};
