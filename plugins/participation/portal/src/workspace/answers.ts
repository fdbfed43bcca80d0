import type { FormValues } from '../http/portal-route';

/**
 * A form's answers carried through its check-your-answers step: as the hidden fields of the POST that
 * acts, and in the address of the way back, so that "change the answers" opens the form as it was left.
 * Only answers given are carried; `answers=1` marks an address that brings them.
 */
export const givenAnswers = (values: object): Record<string, string> =>
  Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));

export const answersQuery = (values: object) => new URLSearchParams({ answers: '1', ...givenAnswers(values) }).toString();

export const hasAnswers = (query: FormValues) => query.answers === '1';
