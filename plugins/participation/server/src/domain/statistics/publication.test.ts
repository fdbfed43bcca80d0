/**
 * The differencing attack of issue #11 against the publication rules: an attacker reads every
 * statistic they can before and after a known person posts (or arrives late at a meeting) and
 * subtracts. The rules must leave them nothing to subtract: whatever was published before is published
 * unchanged after, and what the person joined was not published before.
 */
import fc from 'fast-check';
import { demographicRecordArbitrary } from '../../../../../../tests/arbitraries/demographics';
import type { DemographicRecord } from './demographics';
import { publishStatistics, StatisticsQueryError, type StatisticsPublication } from './disaggregate';
import {
  calendarMonth,
  consultationIsClosed,
  fromStoredPublication,
  inPeriod,
  meetingIsClosed,
  monthOf,
  PERIOD_SETTLE_MS,
  periodIsClosed,
  toStoredPublication,
  type Period,
} from './publication';

const K = 10;
const recordArbitrary = demographicRecordArbitrary();

const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2026, 6, 1);
const momentArbitrary = fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms));

interface Post {
  author: number;
  at: Date;
}

/** What the public can read about one forum month at `now`, as the statistics service computes it. */
function forumMonthAnswer(posts: readonly Post[], people: readonly DemographicRecord[], period: Period, now: Date): StatisticsPublication | null {
  if (!periodIsClosed(period, now)) return null;
  const authors = new Set(posts.filter((post) => inPeriod(period, post.at)).map((post) => post.author));
  return publishStatistics([...authors].map((author) => people[author]), K);
}

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].map(calendarMonth);

describe('the differencing attack learns nothing', () => {
  it('from forum statistics read before and after a known person posts', () => {
    fc.assert(
      fc.property(
        fc.array(recordArbitrary, { minLength: 1, maxLength: 40 }),
        fc.array(fc.record({ author: fc.nat(), at: momentArbitrary }), { maxLength: 120 }),
        momentArbitrary,
        fc.integer({ min: 1, max: 30 * 86_400_000 }),
        fc.integer({ min: 1, max: 30 * 86_400_000 }),
        (people, rawPosts, postedAt, before, after) => {
          const posts = rawPosts.map((post) => ({ author: post.author % people.length, at: post.at }));
          const known = 0;
          const readBefore = new Date(postedAt.getTime() - before);
          const readAfter = new Date(postedAt.getTime() + after);
          const withKnownPost = [...posts, { author: known, at: postedAt }];
          for (const period of MONTHS) {
            const earlier = forumMonthAnswer(posts, people, period, readBefore);
            const later = forumMonthAnswer(withKnownPost, people, period, readAfter);
            // What was public before the post is public, identically, after it.
            if (earlier !== null) expect(later).toEqual(earlier);
            // The month the post fell in had nothing published before it.
            if (inPeriod(period, postedAt)) expect(earlier).toBeNull();
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('from meeting statistics read before and after a late arrival', () => {
    type Step = { kind: 'arrive'; record: DemographicRecord } | { kind: 'close' } | { kind: 'read' };
    const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constant('arrive' as const), record: recordArbitrary }),
      fc.constant({ kind: 'close' as const }),
      fc.constant({ kind: 'read' as const }),
    );
    fc.assert(
      fc.property(fc.array(recordArbitrary, { maxLength: 30 }), fc.array(stepArbitrary, { maxLength: 40 }), (initial, steps) => {
        let status = 'scheduled';
        const attendees = [...initial];
        const answers: StatisticsPublication[] = [];
        for (const step of steps) {
          if (step.kind === 'close') status = 'held';
          // The service refuses attendance exactly when the statistics may be read.
          else if (step.kind === 'arrive' && !meetingIsClosed(status)) attendees.push(step.record);
          else if (step.kind === 'read' && meetingIsClosed(status)) answers.push(publishStatistics(attendees, K));
        }
        for (const answer of answers) expect(answer).toEqual(answers[0]);
      }),
    );
  });
});

describe('periods', () => {
  it('are calendar months in UTC', () => {
    expect(calendarMonth('2026-12')).toEqual({ key: '2026-12', start: new Date('2026-12-01T00:00:00Z'), end: new Date('2027-01-01T00:00:00Z') });
    expect(monthOf(new Date('2026-02-28T23:59:59.999Z')).key).toBe('2026-02');
  });

  it('refuse anything else, naming the field', () => {
    for (const bad of ['2026-13', '2026-1', '2026', '2026-11-01', '2026-Q4', '']) {
      expect(() => calendarMonth(bad)).toThrow(StatisticsQueryError);
      try {
        calendarMonth(bad);
      } catch (error) {
        expect((error as StatisticsQueryError).field).toBe('period');
      }
    }
  });

  it('close a settling moment after they end, never earlier', () => {
    const november = calendarMonth('2026-11');
    expect(periodIsClosed(november, new Date('2026-11-30T23:59:59Z'))).toBe(false);
    expect(periodIsClosed(november, new Date(november.end.getTime() + PERIOD_SETTLE_MS - 1))).toBe(false);
    expect(periodIsClosed(november, new Date(november.end.getTime() + PERIOD_SETTLE_MS))).toBe(true);
  });

  it('never take in a post written after a read that could publish them', () => {
    fc.assert(
      fc.property(momentArbitrary, fc.nat({ max: 90 * 86_400_000 }), (readAt, later) => {
        const writtenAt = new Date(readAt.getTime() + later);
        for (const period of MONTHS) if (periodIsClosed(period, readAt)) expect(inPeriod(period, writtenAt)).toBe(false);
      }),
    );
  });
});

describe('closed populations', () => {
  it('a meeting once its minutes are out, a consultation once summarised', () => {
    expect(['scheduled', 'cancelled', 'held'].filter(meetingIsClosed)).toEqual(['held']);
    expect(['draft', 'open', 'closed', 'summarised'].filter(consultationIsClosed)).toEqual(['summarised']);
  });
});

it('stores a publication as JSON and reads back the same tables', () => {
  fc.assert(
    fc.property(fc.array(recordArbitrary, { maxLength: 40 }), (records) => {
      const publication = publishStatistics(records, K);
      expect(fromStoredPublication(JSON.parse(JSON.stringify(toStoredPublication(publication))))).toEqual(publication);
    }),
    { numRuns: 30 },
  );
});
