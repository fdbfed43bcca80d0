import type { KeyObject } from 'crypto';
import type { Core } from '@strapi/strapi';
import { FUNDING_RELEVANT_KINDS } from '../domain/decision-log/funding';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import type {
  Decision,
  DecisionLogCheckpoint,
  DecisionLogEntry,
  DecisionLogExport,
  DecisionLogVerification,
  DecisionSubject,
  ListDecisions,
  VerifyDecisionLog,
} from '../../../shared/contracts';
import { UID } from '../constants/uids';
import { canonicalJson } from '../domain/decision-log/canonical-json';
import { sealNextEntry, verifyChain } from '../domain/decision-log/chain';
import { checkpointSignatureValid, keyIdOf, publicKeyPem, readPrivateKey, signCheckpoint } from '../domain/decision-log/checkpoint';
import { formatMinor } from '../domain/money/amount';
import type { DecisionBody } from '../routes/content-api/validation/decisions';
import { conflict } from '../utils/conflict';
import { isPostgres } from '../utils/database-client';
import { isUniqueViolation } from '../utils/database-errors';
import { fieldError } from '../utils/field-error';
import { pageWindow, paginationMeta, type PageRequest } from '../utils/pagination';
import { decisionLogTables, type DecisionLogCheckpointRow, type DecisionLogEntryRow } from '../tables/decision-log';
import { getService } from '../utils/get-service';

/** Concurrent publishes on SQLite from several processes can still meet at the unique index. */
const APPEND_ATTEMPTS = 3;

/** The stored text should be JSON; if someone changed it into something else, verification says so. */
export const readDecision = (text: string): Decision => {
  try {
    return JSON.parse(text);
  } catch {
    return text as unknown as Decision;
  }
};

/** An entry's hash rule: entries sealed before hash rule 2 have no rule stored. */
export const hashRuleOf = (row: Pick<DecisionLogEntryRow, 'hash_rule'>): number => (row.hash_rule === null || row.hash_rule === undefined ? 1 : Number(row.hash_rule));

/** The sequence of the entry an entry corrects, if any. */
export const correctsEntryOf = (row: Pick<DecisionLogEntryRow, 'corrects_sequence'>): number | null =>
  row.corrects_sequence === null || row.corrects_sequence === undefined ? null : Number(row.corrects_sequence);

/** Every column of an entry that the log shows and hashes but its decision (the Strapi bookkeeping columns aside: docs/decisions.md). */
export const toEntryFields = (row: DecisionLogEntryRow): Omit<DecisionLogEntry, 'decision'> =>
  ({
    sequence: Number(row.sequence),
    hashRule: hashRuleOf(row),
    previousHash: row.previous_hash,
    hash: row.entry_hash,
    publishedAt: row.entry_published_at,
    municipalityCode: row.municipality_code,
    decisionKind: row.decision_kind,
    subjectKind: row.subject_kind,
    subjectRef: row.subject_ref,
    correctsEntry: correctsEntryOf(row),
  }) as Omit<DecisionLogEntry, 'decision'>;

/** An entry as the log shows it, its decision read from the canonical JSON it was hashed as. */
export const toEntry = (row: DecisionLogEntryRow): DecisionLogEntry => ({ ...toEntryFields(row), decision: readDecision(row.decision_json) }) as DecisionLogEntry;

export const ENTRY_COLUMNS = [
  'sequence',
  'hash_rule',
  'previous_hash',
  'entry_hash',
  'entry_published_at',
  'municipality_code',
  'decision_kind',
  'subject_kind',
  'subject_ref',
  'corrects_sequence',
  'decision_json',
];

const toCheckpoint = (row: DecisionLogCheckpointRow): DecisionLogCheckpoint => ({
  municipalityCode: row.municipality_code,
  size: Number(row.size),
  headHash: row.head_hash,
  issuedAt: row.issued_at,
  keyId: row.key_id,
  signature: row.signature,
});

/** The checkpoint signing key lives in the environment, never in the database; read once. */
let signingKey: KeyObject | undefined;
const checkpointSigningKey = () => {
  if (!signingKey) {
    const value = process.env.DECISION_LOG_SIGNING_KEY;
    if (!value) throw new Error('DECISION_LOG_SIGNING_KEY must be set to sign decision-log checkpoints (npm run demo writes one into .env)');
    signingKey = readPrivateKey(value);
  }
  return signingKey;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const tables = () => decisionLogTables(strapi);

  const requireBudgetLine = async (municipalityCode: string, line: { code: string; fiscalYear: number }, field: string) => {
    const lines = await getService(strapi, 'budget-line').findForMunicipality(municipalityCode, [line.fiscalYear]);
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

  /**
   * Under a per-municipality lock, so concurrent publishes queue up instead of taking the same sequence.
   * The checkpoint for the new size is signed and kept in the same transaction.
   *
   * Why a raw lock and a Document Service create in one transaction: the lock is a PostgreSQL advisory
   * lock on the municipality's log, which no Document Service call takes (there is no row to lock before
   * the first entry); the entry itself is created through the Document Service, which joins the
   * transaction `strapi.db.transaction` opened, validates its attributes and fills its bookkeeping columns
   * as for every entry the admin shows. Publishing a decision is rare, so it is not a knex hot path.
   */
  const appendEntry = (decision: Decision, publishedById: number) => {
    const key = checkpointSigningKey();
    return strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
      if (isPostgres(knex())) await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`decision-log:${decision.municipalityCode}`]);
      const head = await trx(tables().entries)
        .where({ municipality_code: decision.municipalityCode })
        .orderBy('sequence', 'desc')
        .first('sequence', 'entry_hash');
      if (decision.correctsEntry !== null && decision.correctsEntry > Number(head?.sequence ?? 0)) {
        throw fieldError('data.correctsEntry', `there is no entry ${decision.correctsEntry} in the log of ${decision.municipalityCode}`);
      }
      const now = new Date().toISOString();
      const entry = sealNextEntry(head ? { sequence: Number(head.sequence), hash: head.entry_hash } : null, decision, now);
      await strapi.documents(UID.decisionLogEntry).create({
        data: {
          municipalityCode: entry.municipalityCode,
          sequence: entry.sequence,
          hashRule: entry.hashRule,
          previousHash: entry.previousHash,
          entryHash: entry.hash,
          entryPublishedAt: entry.publishedAt,
          decisionJson: canonicalJson(decision),
          decisionKind: entry.decisionKind,
          subjectKind: entry.subjectKind,
          subjectRef: entry.subjectRef,
          correctsSequence: entry.correctsEntry,
          publishedById,
        },
      });
      const checkpoint = signCheckpoint({ municipalityCode: decision.municipalityCode, size: entry.sequence, headHash: entry.hash, issuedAt: now }, key);
      await trx(tables().checkpoints).insert({
        municipality_code: checkpoint.municipalityCode,
        size: checkpoint.size,
        head_hash: checkpoint.headHash,
        issued_at: checkpoint.issuedAt,
        key_id: checkpoint.keyId,
        signature: checkpoint.signature,
      });
      return { entry: entry as DecisionLogEntry, checkpoint };
    });
  };

  const entriesOf = async (municipalityCode: string): Promise<DecisionLogEntry[]> =>
    (await knex()(tables().entries).where({ municipality_code: municipalityCode }).orderBy('sequence', 'asc').select(ENTRY_COLUMNS)).map(toEntry);

  /** The entries `currentFunding` needs (`affectsFunding`): a log of many approvals is not read whole for its funding. */
  const fundingEntriesOf = async (municipalityCode: string): Promise<DecisionLogEntry[]> =>
    (
      await knex()(tables().entries)
        .where({ municipality_code: municipalityCode })
        .andWhere((query) => query.whereIn('decision_kind', [...FUNDING_RELEVANT_KINDS]).orWhereNotNull('corrects_sequence'))
        .orderBy('sequence', 'asc')
        .select(ENTRY_COLUMNS)
    ).map(toEntry);

  /** Public reads get no municipality check from the access policy: an unknown code is a 400 naming it. */
  const requireMunicipality = (municipalityCode: string) =>
    getService(strapi, 'municipality').requireByCode(municipalityCode, 'municipalityCode');

  /** The latest checkpoint row, or the one issued when the log reached `size` entries. */
  const checkpointRow = (municipalityCode: string, size?: number) => {
    const query = knex()(tables().checkpoints).where({ municipality_code: municipalityCode });
    return (size === undefined ? query.orderBy('size', 'desc') : query.where({ size })).first();
  };

  return {
    entriesOf,
    fundingEntriesOf,

    async publish(municipalityCode: string, input: DecisionBody, publishedById: number): Promise<{ entry: DecisionLogEntry; checkpoint: DecisionLogCheckpoint }> {
      await requireSubject(municipalityCode, input.subject);
      if (input.budgetLine) await requireBudgetLine(municipalityCode, input.budgetLine, 'data.budgetLine.code');
      const decision = toDecision(municipalityCode, input);
      for (let attempt = 1; ; attempt += 1) {
        try {
          const appended = await appendEntry(decision, publishedById);
          // After commit: the event carries the entry as the public log shows it, and its checkpoint for anyone to keep.
          await getService(strapi, 'events').publish('decision.published', `municipality:${municipalityCode}:decisions`, appended);
          return appended;
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
      await requireMunicipality(municipalityCode);
      const where = { municipality_code: municipalityCode, ...(subjectKind ? { subject_kind: subjectKind } : {}) };
      const { start, limit } = pageWindow(page);
      const [rows, [{ total }]] = await Promise.all([
        knex()(tables().entries).where(where).orderBy('sequence', sort.startsWith('-') ? 'desc' : 'asc').offset(start).limit(limit).select(ENTRY_COLUMNS),
        knex()(tables().entries).where(where).count({ total: '*' }),
      ]);
      return { data: rows.map(toEntry), meta: { pagination: paginationMeta(page, Number(total)) } };
    },

    async findOne(municipalityCode: string, sequence: number): Promise<DecisionLogEntry> {
      await requireMunicipality(municipalityCode);
      const row = Number.isSafeInteger(sequence)
        ? await knex()(tables().entries).where({ municipality_code: municipalityCode, sequence }).first(ENTRY_COLUMNS)
        : undefined;
      if (!row) throw new errors.NotFoundError(`No entry ${sequence} in the decision log of ${municipalityCode}`);
      return toEntry(row);
    },

    /** The latest checkpoint, or the one issued when the log reached `size` entries. */
    async checkpoint(municipalityCode: string, size?: number): Promise<DecisionLogCheckpoint> {
      await requireMunicipality(municipalityCode);
      const row = await checkpointRow(municipalityCode, size);
      if (!row) {
        throw new errors.NotFoundError(
          size === undefined ? `No checkpoint of the decision log of ${municipalityCode} yet` : `No checkpoint of the decision log of ${municipalityCode} at size ${size}`
        );
      }
      return toCheckpoint(row);
    },

    signingKey() {
      const key = checkpointSigningKey();
      return { algorithm: 'Ed25519' as const, keyId: keyIdOf(key), publicKey: publicKeyPem(key) };
    },

    /** Against a checkpoint someone kept, once its signature is shown to be this server's. */
    async verify(municipalityCode: string, kept?: Required<VerifyDecisionLog.Query>): Promise<DecisionLogVerification> {
      await requireMunicipality(municipalityCode);
      if (kept && !checkpointSignatureValid({ ...kept, municipalityCode }, checkpointSigningKey())) {
        throw fieldError('signature', `is not this server's signature of a checkpoint of size ${kept.size}, head ${kept.headHash}, issued at ${kept.issuedAt}, for ${municipalityCode}`);
      }
      return verifyChain(await entriesOf(municipalityCode), { checkpoint: kept });
    },

    async exportLog(municipalityCode: string): Promise<DecisionLogExport> {
      await requireMunicipality(municipalityCode);
      const entries = await entriesOf(municipalityCode);
      // A log written before checkpoints has none at its size until its next entry.
      const row = entries.length === 0 ? undefined : await checkpointRow(municipalityCode, entries.length);
      const checkpoint = row ? toCheckpoint(row) : null;
      return {
        format: 'participation-decision-log/2',
        municipalityCode,
        exportedAt: new Date().toISOString(),
        headHash: entries.at(-1)?.hash ?? null,
        checkpoint,
        entries,
      };
    },
  };
};
