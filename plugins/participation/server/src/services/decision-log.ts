import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import type { Decision, DecisionLogEntry, DecisionLogExport, DecisionLogVerification, DecisionSubject, ListDecisions } from '../../../shared/contracts';
import { UID } from '../constants/uids';
import { canonicalJson } from '../domain/decision-log/canonical-json';
import { sealNextEntry, verifyChain } from '../domain/decision-log/chain';
import { formatMinor } from '../domain/money/amount';
import type { DecisionBody } from '../routes/content-api/validation/decisions';
import { conflict } from '../utils/conflict';
import { isPostgres } from '../utils/database-client';
import { isUniqueViolation } from '../utils/database-errors';
import { fieldError } from '../utils/field-error';
import { pageWindow, paginationMeta, type PageRequest } from '../utils/pagination';

const TABLE = 'participation_decision_log_entries';
/** Concurrent publishes on SQLite from several processes can still meet at the unique index. */
const APPEND_ATTEMPTS = 3;

/** How the subject is indexed for filtering; the hashed decision stays the record. */
const subjectRef = (subject: DecisionSubject) =>
  subject.kind === 'budget-line' ? `${subject.fiscalYear}/${subject.code}` : subject.documentId;

/** The stored text should be JSON; if someone changed it into something else, verification says so. */
const readDecision = (text: string): Decision => {
  try {
    return JSON.parse(text);
  } catch {
    return text as unknown as Decision;
  }
};

const toEntry = (row: Record<string, any>): DecisionLogEntry => ({
  sequence: Number(row.sequence),
  previousHash: row.previous_hash,
  hash: row.entry_hash,
  publishedAt: row.entry_published_at,
  decision: readDecision(row.decision_json),
});

const ENTRY_COLUMNS = ['sequence', 'previous_hash', 'entry_hash', 'entry_published_at', 'decision_json'];

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  const requireBudgetLine = async (municipalityCode: string, line: { code: string; fiscalYear: number }, field: string) => {
    const lines = await strapi.plugin('participation').service('budget-line').findForMunicipality(municipalityCode, [line.fiscalYear]);
    if (!lines.some((candidate: { code: string }) => candidate.code === line.code)) {
      throw fieldError(field, `${line.code} is not a ${line.fiscalYear} budget line of ${municipalityCode}`);
    }
  };

  /** The subject must exist and belong to the municipality the decision is published in. */
  const requireSubject = async (municipalityCode: string, subject: DecisionSubject) => {
    if (subject.kind === 'budget-line') return requireBudgetLine(municipalityCode, subject, 'data.subject.code');
    const uid = subject.kind === 'proposal' ? UID.proposal : UID.round;
    const row = await strapi.documents(uid).findOne({ documentId: subject.documentId, fields: ['municipalityCode'] });
    if (!row) throw fieldError('data.subject.documentId', `no ${subject.kind} ${subject.documentId}`);
    if (row.municipalityCode !== municipalityCode) {
      throw fieldError('data.subject.documentId', `the ${subject.kind} belongs to municipality ${row.municipalityCode}, not ${municipalityCode}`);
    }
  };

  const toDecision = (municipalityCode: string, input: DecisionBody): Decision => ({
    municipalityCode,
    kind: input.kind,
    subject: input.subject,
    amount: input.amount === undefined ? null : formatMinor(input.amount),
    budgetLine: input.budgetLine ?? (input.subject.kind === 'budget-line' ? { code: input.subject.code, fiscalYear: input.subject.fiscalYear } : null),
    councilDecisionReference: input.councilDecisionReference,
    decisionDate: input.decisionDate,
    rationale: input.rationale,
    correctsEntry: input.correctsEntry ?? null,
  });

  /** Under a per-municipality lock, so concurrent publishes queue up instead of taking the same sequence. */
  const appendEntry = (decision: Decision, publishedById: number) =>
    strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
      if (isPostgres(knex())) await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`decision-log:${decision.municipalityCode}`]);
      const head = await trx(TABLE)
        .where({ municipality_code: decision.municipalityCode })
        .orderBy('sequence', 'desc')
        .first('sequence', 'entry_hash');
      if (decision.correctsEntry !== null && decision.correctsEntry > Number(head?.sequence ?? 0)) {
        throw fieldError('data.correctsEntry', `there is no entry ${decision.correctsEntry} in the log of ${decision.municipalityCode}`);
      }
      const entry = sealNextEntry(head ? { sequence: Number(head.sequence), hash: head.entry_hash } : null, decision, new Date().toISOString());
      await strapi.documents(UID.decisionLogEntry).create({
        data: {
          municipalityCode: decision.municipalityCode,
          sequence: entry.sequence,
          previousHash: entry.previousHash,
          entryHash: entry.hash,
          entryPublishedAt: entry.publishedAt,
          decisionJson: canonicalJson(decision),
          decisionKind: decision.kind,
          subjectKind: decision.subject.kind,
          subjectRef: subjectRef(decision.subject),
          correctsSequence: decision.correctsEntry,
          publishedById,
        } as any,
      });
      return entry;
    });

  const entriesOf = async (municipalityCode: string): Promise<DecisionLogEntry[]> =>
    (await knex()(TABLE).where({ municipality_code: municipalityCode }).orderBy('sequence', 'asc').select(ENTRY_COLUMNS)).map(toEntry);

  return {
    entriesOf,

    async publish(municipalityCode: string, input: DecisionBody, publishedById: number): Promise<DecisionLogEntry> {
      await requireSubject(municipalityCode, input.subject);
      if (input.budgetLine) await requireBudgetLine(municipalityCode, input.budgetLine, 'data.budgetLine.code');
      const decision = toDecision(municipalityCode, input);
      for (let attempt = 1; ; attempt += 1) {
        try {
          const entry = await appendEntry(decision, publishedById);
          // After commit: the event carries the entry with its hash, as the public log shows it.
          await strapi.plugin('participation').service('events').publish('decision.published', `municipality:${municipalityCode}:decisions`, { entry });
          return entry;
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          if (attempt === APPEND_ATTEMPTS) throw conflict('Other decisions were being published at the same moment; try again');
        }
      }
    },

    async find(
      municipalityCode: string,
      { subjectKind, sort, ...page }: PageRequest & { subjectKind?: DecisionSubject['kind']; sort: 'sequence' | '-sequence' }
    ): Promise<ListDecisions.Response> {
      const where = { municipality_code: municipalityCode, ...(subjectKind ? { subject_kind: subjectKind } : {}) };
      const { start, limit } = pageWindow(page);
      const [rows, [{ total }]] = await Promise.all([
        knex()(TABLE).where(where).orderBy('sequence', sort.startsWith('-') ? 'desc' : 'asc').offset(start).limit(limit).select(ENTRY_COLUMNS),
        knex()(TABLE).where(where).count({ total: '*' }),
      ]);
      return { data: rows.map(toEntry), meta: { pagination: paginationMeta(page, Number(total)) } };
    },

    async findOne(municipalityCode: string, sequence: number): Promise<DecisionLogEntry> {
      const row = Number.isSafeInteger(sequence)
        ? await knex()(TABLE).where({ municipality_code: municipalityCode, sequence }).first(ENTRY_COLUMNS)
        : undefined;
      if (!row) throw new errors.NotFoundError(`No entry ${sequence} in the decision log of ${municipalityCode}`);
      return toEntry(row);
    },

    async verify(municipalityCode: string): Promise<DecisionLogVerification> {
      return verifyChain(await entriesOf(municipalityCode));
    },

    async exportLog(municipalityCode: string): Promise<DecisionLogExport> {
      const entries = await entriesOf(municipalityCode);
      return {
        format: 'participation-decision-log/1',
        municipalityCode,
        exportedAt: new Date().toISOString(),
        headHash: entries.at(-1)?.hash ?? null,
        entries,
      };
    },
  };
};
