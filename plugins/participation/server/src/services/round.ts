import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Round, RoundResult } from '../../../shared/contracts';
import { readJson } from '../utils/json-column';
import { UID } from '../constants/uids';
import { formatMinor } from '../domain/money/amount';
import { checkTransition, rulesAreFrozen, type PhaseAction, type RoundPhase } from '../domain/rounds/phases';
import { resultIsPublic } from '../domain/rounds/ballot-publicity';
import type { RoundSettings } from '../domain/rounds/round-settings';
import { conflict } from '../utils/conflict';
import { selectForUpdate } from '../utils/row-lock';
import { pageWindow, paginationMeta, type PageRequest } from '../utils/pagination';
import { readFrozenSettings } from '../database/frozen-settings';
import { roundTables, type RoundRow } from '../tables/rounds';
import type { UpdateData } from '../utils/update-data';
import { getService } from '../utils/get-service';

/** Stored settings: money in minor units. */
const toRow = (settings: RoundSettings) => ({
  fiscalYear: settings.fiscalYear,
  title: settings.title,
  description: settings.description,
  totalBudgetMinor: settings.totalBudget,
  districts: settings.districts,
  districtsPerVoter: settings.districtsPerVoter,
  ballotRules: settings.ballotRules,
  reservations: settings.reservations,
  eligibility: settings.eligibility,
  showRunningTotals: settings.showRunningTotals,
  schedule: settings.schedule,
  language: settings.language,
});

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rounds = () => strapi.documents(UID.round);

  const toRound = async (row: RoundRow): Promise<Round> => {
    const phase = row.phase as RoundPhase;
    const ballotRules = readJson<{ maxCost?: string | number }>(row.ballotRules, {});
    return {
      documentId: row.documentId,
      municipalityCode: row.municipalityCode,
      fiscalYear: Number(row.fiscalYear),
      title: row.title,
      description: row.description ?? '',
      totalBudget: formatMinor(row.totalBudgetMinor),
      districts: readJson<Array<{ code: string; name: string; budget: string }>>(row.districts, []).map((district) => ({
        ...district,
        budget: formatMinor(district.budget),
      })),
      districtsPerVoter: row.districtsPerVoter ?? 'one',
      ballotRules: { ...ballotRules, ...(ballotRules.maxCost ? { maxCost: formatMinor(ballotRules.maxCost) } : {}) } as Round['ballotRules'],
      reservations: readJson(row.reservations, []),
      // Rounds stored before verifiedParticipantsOnly existed read as not requiring verification.
      eligibility: { residentsOnly: true, verifiedParticipantsOnly: false, ...readJson(row.eligibility, {}) },
      showRunningTotals: Boolean(row.showRunningTotals),
      schedule: readJson(row.schedule, {}),
      phase,
      phaseHistory: readJson(row.phaseHistory, []),
      rulesFrozenAt: row.rulesFrozenAt ? new Date(row.rulesFrozenAt).toISOString() : null,
      runningTotals: phase === 'voting' && row.showRunningTotals ? await getService(strapi, 'ballot').runningTotals(row.documentId) : null,
      result: resultIsPublic(phase) ? readJson<RoundResult | null>(row.result, null) : null,
      language: row.language ?? null,
    };
  };

  return {
    toRound,

    async find({ municipality, phase, ...page }: PageRequest & { municipality?: string; phase?: RoundPhase }) {
      const filters = { ...(municipality ? { municipalityCode: municipality } : {}), ...(phase ? { phase } : {}) };
      const [rows, total] = await Promise.all([
        rounds().findMany({ filters, sort: ['fiscalYear:desc', 'id:desc'], ...pageWindow(page) }),
        rounds().count({ filters }),
      ]);
      return { data: await Promise.all((rows as RoundRow[]).map(toRound)), meta: { pagination: paginationMeta(page, total) } };
    },

    async findOne(documentId: string): Promise<Round> {
      return toRound(await this.findRow(documentId));
    },

    async findRow(documentId: string): Promise<RoundRow> {
      // The Query Engine: a plain read wants no transaction of its own (the Document Service opens one per call).
      const row = (await strapi.db.query(UID.round).findOne({ where: { documentId } })) as RoundRow | null;
      if (!row) throw new errors.NotFoundError('Round not found');
      return row;
    },

    /** For staff routes: the round must belong to the municipality in the path. */
    async findRowIn(municipalityCode: string, documentId: string): Promise<RoundRow> {
      const row = await this.findRow(documentId);
      if (row.municipalityCode !== municipalityCode) throw new errors.NotFoundError('Round not found');
      return row;
    },

    async create(municipalityCode: string, settings: RoundSettings): Promise<Round> {
      const now = new Date().toISOString();
      const row = await rounds().create({
        data: { ...toRow(settings), municipalityCode, phase: 'draft', phaseHistory: [{ phase: 'draft', at: now }] },
      });
      return toRound(row as RoundRow);
    },

    /** Settings change freely until voting opens; from then on the ballot rules are frozen (409). */
    async update(municipalityCode: string, documentId: string, settings: RoundSettings): Promise<Round> {
      const row = await this.findRowIn(municipalityCode, documentId);
      if (rulesAreFrozen(row.phase)) {
        throw conflict(`The ballot rules froze when voting opened (${new Date(row.rulesFrozenAt!).toISOString()}); they cannot change now`);
      }
      const updated = await rounds().update({ documentId, data: toRow(settings) as UpdateData<typeof UID.round> });
      return toRound(updated as RoundRow);
    },

    /**
     * Moves the round one phase on. Under a row lock, so two staff members pressing the button at once
     * cannot both act; the phase's side effects on proposals happen in the same transaction.
     *
     * Why a knex lock and Document Service writes in one transaction: the Document Service cannot lock a
     * row (it has no SELECT … FOR UPDATE), so the lock is knex's, on the transaction `strapi.db.transaction`
     * opened; the Document Service calls inside it (the round's phase, the proposals' statuses) join that
     * same transaction, and stay the one write path of rounds and proposals, as in the Content Manager
     * (JSON attributes serialised, the proposals' status history written alike).
     */
    async transition(municipalityCode: string, documentId: string, action: PhaseAction, actorId: number): Promise<Round> {
      await this.findRowIn(municipalityCode, documentId);
      const { from, proposalChanges } = await strapi.db.transaction(async ({ trx }) => {
        const locked = await selectForUpdate(trx, roundTables(strapi).rounds, { document_id: documentId });
        const check = checkTransition(locked.phase, action);
        if (!check.ok) throw conflict(check.message);
        if (action === 'close-voting') await getService(strapi, 'ballot').waitForBallotsInFlight(trx);
        const now = new Date().toISOString();
        const changes = await getService(strapi, 'proposal').applyPhaseChange(documentId, action, actorId, readJson(locked.result, null));
        // While the round is still voting in this transaction: the ballots' guards allow it only then.
        if (action === 'close-voting') await getService(strapi, 'ballot').unlinkFromVoters(trx, documentId);
        // Who took part is fixed now: the participation statistics are computed at this cut-off, once.
        if (action === 'close-voting') await getService(strapi, 'statistics').freezeRound(documentId, trx);
        const history = [...readJson<Array<{ phase: string; at: string }>>(locked.phase_history, []), { phase: check.to, at: now }];
        // What the count will read, as the ballot now stands: counting refuses settings that differ from it.
        const frozen = action === 'open-voting' ? { rulesFrozenAt: now, settingsFingerprint: (await readFrozenSettings(trx, documentId))!.fingerprint } : {};
        const data = { phase: check.to, phaseHistory: history, ...frozen };
        await rounds().update({ documentId, data: data as UpdateData<typeof UID.round> });
        return { from: locked.phase as RoundPhase, proposalChanges: changes };
      });
      const round = await toRound(await this.findRow(documentId));
      const events = getService(strapi, 'events');
      await events.publish('round.phase-changed', `round:${documentId}`, { round, from, to: round.phase });
      if (action === 'publish-results') await events.publish('round.result-published', `round:${documentId}`, { roundDocumentId: documentId, result: round.result! });
      await getService(strapi, 'proposal').announce(proposalChanges);
      return round;
    },

    /** The round's phase as its row holds it now, or null when there is no such round. */
    async phaseOf(documentId: string): Promise<RoundPhase | null> {
      const row = await strapi.db.connection(roundTables(strapi).rounds).where({ document_id: documentId }).first('phase');
      return row ? (row.phase as RoundPhase) : null;
    },

    /**
     * What a count or a voting instance reads of a round whose rules froze: the stored settings and
     * ballot, refused (409) unless they match the fingerprint stored when voting opened.
     */
    async frozenSettings(documentId: string) {
      const settings = await readFrozenSettings(strapi.db.connection, documentId);
      if (!settings) throw new errors.NotFoundError('Round not found');
      if (settings.storedFingerprint !== settings.fingerprint) {
        throw conflict("The round's stored settings or ballot differ from those fixed when voting opened; nothing is counted with them", {
          fingerprint: settings.storedFingerprint,
        });
      }
      return settings;
    },

    async storeResult(documentId: string, result: RoundResult) {
      await rounds().update({ documentId, data: { result } as UpdateData<typeof UID.round> });
    },
  };
};
