import { randomBytes, randomInt } from 'crypto';
import type { Knex } from 'knex';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { CastAssistedBallot, CastBallot, RecordedConsent, VotingChannel } from '../../../shared/contracts';
import { UID } from '../constants/uids';
import { decideEligibility, type EligibilityRules, type VoterFacts } from '../domain/rounds/eligibility';
import { districtScope, type BallotRules, type DistrictsPerVoter } from '../domain/rounds/round-settings';
import { checkBallotChoices, type BallotChoices } from '../domain/voting/ballot-choices';
import { participantKeyForOffline, participantKeyForUser, voterKey } from '../domain/voting/voter-key';
import { newReceiptCode, parseReceipt, receiptCheck, receiptFor } from '../domain/voting/receipt';
import type { Ballot } from '../domain/counting/election';
import type { DemographicDeclaration } from '../domain/statistics/demographics';
import { ballotProject } from '../domain/rounds/settings-fingerprint';
import { ballotSetIsPublic } from '../domain/rounds/ballot-publicity';
import type { StoredFrozenSettings } from '../database/frozen-settings';
import { conflict } from '../utils/conflict';
import { fieldError } from '../utils/field-error';
import { readJson } from '../utils/json-column';
import { isPostgres } from '../utils/database-client';
import { BALLOTS_WHILE_VOTING, PARTICIPATION_SCOPE_INDEX } from '../database/guards';
import { accountTables } from '../tables/accounts';
import type { StoredTime } from '../tables/column-values';
import { ballotTables, type BallotConflictListRow, type BallotRow, type ParticipationListRow } from '../tables/ballots';
import { isUniqueViolation } from '../utils/database-errors';
import { getService } from '../utils/get-service';

/** Running totals go out at most once a second per round, however fast ballots arrive. */
const RUNNING_TOTALS_INTERVAL_MS = 1000;

const documentId = () => randomBytes(12).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, 'x');

export interface Participant {
  /** `user:<id>` or `offline:<keyed hash of the facilitator's reference>` */
  participantKey: string;
  userId: number | null;
  /** Stated by a facilitator for someone without an account; read from the user's profile otherwise. */
  facts?: VoterFacts;
  /** Demographics stated to a facilitator by someone without an account (an account's come from its profile). */
  declaration?: DemographicDeclaration | null;
}

interface VotingRound {
  municipalityCode: string;
  eligibility: EligibilityRules;
  ballotRules: BallotRules;
  districts: Array<{ code: string }>;
  districtsPerVoter: DistrictsPerVoter;
  showRunningTotals: boolean;
  projects: Array<{ id: string; title: string; districtCode: string; costMinor: string }>;
}

export interface CastRequest {
  roundDocumentId: string;
  districtCode?: string;
  participant: Participant;
  channel: VotingChannel;
  facilitatorId?: number;
  /** For assisted and paper ballots: the participant's consent, as the facilitator recorded it. */
  consent?: RecordedConsent;
  choices: BallotChoices;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const tables = () => ballotTables(strapi);
  const secret = () => {
    // Its own secret, never stored in the database nor shared with the app's other keys.
    const value = process.env.BALLOT_SECRET;
    if (!value) throw new Error('BALLOT_SECRET must be set to separate ballots from voters');
    return value;
  };

  /** The unique scope index refused a participation record (#11 item 5): the voter is in another district. */
  const tookPartInAnotherDistrict = (error: unknown) =>
    isUniqueViolation(error) && // PostgreSQL names the index, SQLite its columns
    [error, (error as { nativeError?: unknown })?.nativeError].some((candidate) =>
      new RegExp(`${PARTICIPATION_SCOPE_INDEX}|${tables().participations}\\.district_scope`).test(String((candidate as { message?: unknown })?.message))
    );

  const userParticipant = (userId: number): Participant => ({ participantKey: participantKeyForUser(userId), userId });

  const notOpen = (phase: string) => conflict(`Voting is not open: the round is in its ${phase} phase`);

  /**
   * What casting needs of a round in its voting phase. Settings and ballot freeze when voting opens
   * (domain/rounds/phases.ts), so they are read once per instance; that the round is still voting is
   * checked by the database as each ballot is written (participation_ballots_while_voting).
   */
  const votingRounds = new Map<string, VotingRound>();
  const votingRound = async (roundDocumentId: string): Promise<VotingRound> => {
    const cached = votingRounds.get(roundDocumentId);
    if (cached) return cached;
    const phase = await getService(strapi, 'round').phaseOf(roundDocumentId);
    if (!phase) throw new errors.NotFoundError('Round not found');
    if (phase !== 'voting') throw notOpen(phase);
    // The settings as stored, refused unless they match the fingerprint taken when voting opened.
    const { round: settings, projects }: StoredFrozenSettings = await getService(strapi, 'round').frozenSettings(roundDocumentId);
    const round: VotingRound = {
      municipalityCode: settings.municipalityCode,
      eligibility: settings.eligibility,
      ballotRules: settings.ballotRules,
      districts: settings.districts,
      districtsPerVoter: settings.districtsPerVoter,
      showRunningTotals: settings.showRunningTotals,
      projects: projects.map(ballotProject),
    };
    votingRounds.set(roundDocumentId, round);
    return round;
  };

  /**
   * The voting round of the municipality in a staff path: another municipality's round is not found (404),
   * as findRowIn decides it, and a round not voting is refused (409). Kept rounds are answered from memory:
   * a facilitator's stack of paper forms reads no round row per ballot.
   */
  const votingRoundIn = async (municipalityCode: string, roundDocumentId: string): Promise<VotingRound> => {
    const kept = votingRounds.get(roundDocumentId);
    if (!kept) await getService(strapi, 'round').findRowIn(municipalityCode, roundDocumentId);
    else if (kept.municipalityCode !== municipalityCode) throw new errors.NotFoundError('Round not found');
    return kept ?? votingRound(roundDocumentId);
  };

  const ballotView = ({ ballotRules, districts, districtsPerVoter, projects }: VotingRound) => ({ ballotRules, districts, districtsPerVoter, projects });

  /** The database refused the ballot because the round has left its voting phase since it was cached. */
  const votingClosed = async (roundDocumentId: string) => {
    votingRounds.delete(roundDocumentId);
    return notOpen((await getService(strapi, 'round').phaseOf(roundDocumentId)) ?? 'unknown');
  };

  const ballotsOf = async (roundDocumentId: string, districtCode?: string) => {
    const query = knex()(tables().ballots).where({ round_document_id: roundDocumentId }).select('district_code', 'choices', 'channel', 'receipt_code');
    if (districtCode !== undefined) query.andWhere({ district_code: districtCode });
    // Receipt order is random: the published set says nothing about when, or in which order, people voted.
    return (await query.orderBy('receipt_code')).map((row: BallotRow) => ({
      districtCode: row.district_code,
      ballot: readJson<Ballot>(row.choices),
      channel: row.channel,
      receiptCode: row.receipt_code,
    }));
  };

  /**
   * Ballots listing each proposal so far (rounds that show running totals): counters the database keeps
   * with every ballot written (database/running-totals.ts), so reading them does not grow with the ballots.
   */
  const runningTotals = async (roundDocumentId: string) => {
    const rows: Array<{ project_id: string; ballots: number | string }> = await knex()(tables().runningTotals)
      .where({ round_document_id: roundDocumentId })
      .andWhere('ballots', '>', 0)
      .select('project_id', 'ballots');
    return Object.fromEntries(rows.map((row) => [row.project_id, Number(row.ballots)]));
  };

  /** Whether a participant may vote in the round: facts from the facilitator, else from the user's profile when the rules ask. */
  const eligibilityIn = async (round: VotingRound, participant: Participant) => {
    const rules = round.eligibility;
    const needsFacts = rules.residentsOnly || rules.minAge !== undefined || rules.maxAge !== undefined || rules.verifiedParticipantsOnly;
    const facts =
      participant.facts ??
      (needsFacts && participant.userId !== null
        ? await getService(strapi, 'participant-profile').voterFacts(participant.userId, round.municipalityCode)
        : { residenceMunicipalityCode: null, birthDate: null, verified: false });
    return decideEligibility(rules, round.municipalityCode, facts);
  };

  /** The district and choices checked against the round's rules and that district's projects; a field error otherwise. */
  const checkIn = (round: VotingRound, requestedDistrict: string | undefined, choices: BallotChoices) => {
    const { districts } = round;
    const districtCode = requestedDistrict ?? '';
    if (districts.length > 0 ? !districts.some((district) => district.code === districtCode) : districtCode !== '') {
      throw fieldError('districtCode', districts.length > 0 ? `must be one of ${districts.map((d) => d.code).join(', ')}` : 'this round has no districts');
    }
    const projects = round.projects.filter((project) => project.districtCode === districtCode);
    const check = checkBallotChoices(round.ballotRules, projects, choices);
    if (!check.ok) throw fieldError(check.field, check.message);
    return { districtCode, check };
  };

  return {
    secret,
    ballotsOf,

    /**
     * Casts or replaces a voter's ballot. Who voted (participation) and what was chosen (ballot) go to
     * two tables that share no identity; both are upserts on unique indexes, so any number of
     * concurrent submissions by one voter leave exactly one of each.
     */
    async cast(request: CastRequest) {
      const round = await votingRound(request.roundDocumentId);
      const eligibility = await eligibilityIn(round, request.participant);
      if (!eligibility.eligible) {
        // A PolicyError, not a ForbiddenError: Strapi's auth middleware replaces the latter's message.
        throw new errors.PolicyError(`${eligibility.field}: ${eligibility.reason}`, { errors: [{ path: [eligibility.field], message: eligibility.reason }] });
      }
      const { districtCode, check } = checkIn(round, request.districtCode, request.choices);

      const now = new Date();
      const code = newReceiptCode();
      const key = voterKey(secret(), request.roundDocumentId, districtCode, request.participant.participantKey);
      const participation = knex()(tables().participations)
        .insert({
          document_id: documentId(),
          round_document_id: request.roundDocumentId,
          district_code: districtCode,
          district_scope: districtScope(round.districtsPerVoter, districtCode),
          participant_key: request.participant.participantKey,
          voter_id: request.participant.userId,
          channel: request.channel,
          facilitator_id: request.facilitatorId ?? null,
          consent_recorded_at: request.channel === 'online' ? null : now,
          consent_method: request.consent?.method ?? null,
          consent_note: request.consent?.note ?? null,
          demographics: request.participant.declaration ? JSON.stringify(request.participant.declaration) : null,
          last_cast_at: now,
          created_at: now,
          updated_at: now,
          published_at: now,
        })
        .onConflict(['round_document_id', 'district_code', 'participant_key'])
        .merge(['channel', 'facilitator_id', 'consent_recorded_at', 'consent_method', 'consent_note', 'demographics', 'last_cast_at', 'updated_at'])
        // A facilitator's ballot never replaces one the person cast online themselves: no row comes back.
        .whereRaw(`?? <> 'online' OR excluded.channel = 'online'`, [`${tables().participations}.channel`])
        .returning(['created_at']);
      const ballot = {
        document_id: documentId(),
        round_document_id: request.roundDocumentId,
        district_code: districtCode,
        voter_key: key,
        receipt_code: code,
        choices: JSON.stringify(check.ballot),
        channel: request.channel,
      };
      const replaceBallot = /* the same upsert as SQLite's below */ 'ON CONFLICT (round_document_id, district_code, voter_key) DO UPDATE SET receipt_code = excluded.receipt_code, choices = excluded.choices, channel = excluded.channel';
      // Staff see it and settle it with the person; the facilitator's answer is the same either way.
      const conflictRecord = {
        round_document_id: request.roundDocumentId,
        district_code: districtCode,
        voter_id: request.participant.userId,
        facilitator_id: request.facilitatorId ?? null,
        channel: request.channel,
        recorded_at: now,
      };
      // The participation record and the ballot, or (refused above) a conflict. On PostgreSQL one
      // statement does it all (one round trip where a transaction takes four: this is the hottest write);
      // SQLite has no writes inside WITH, so there it is a transaction.
      const write = async (): Promise<{ created_at: string | number | Date } | undefined> => {
        if (isPostgres(knex())) {
          const columns = Object.keys(ballot);
          const ballotAfterParticipation = knex().raw(
            `INSERT INTO ?? (${columns.map(() => '??').join(', ')}) SELECT ${columns.map((column) => (column === 'choices' ? '?::jsonb' : '?')).join(', ')} FROM participation ${replaceBallot}`,
            [tables().ballots, ...columns, ...Object.values(ballot)]
          );
          const conflictIfRefused = knex().raw(
            `INSERT INTO ?? (round_document_id, district_code, voter_id, facilitator_id, channel, recorded_at) SELECT ?, ?, ?::integer, ?::integer, ?, ?::timestamp WHERE NOT EXISTS (SELECT 1 FROM participation)`,
            [tables().conflicts, ...Object.values(conflictRecord)]
          );
          const statement = knex().with('participation', participation).with('ballot', ballotAfterParticipation);
          return (request.channel === 'online' ? statement : statement.with('conflict', conflictIfRefused)).select('created_at').from('participation').first();
        }
        return strapi.db.transaction(async ({ trx }) => {
          const [row] = await participation.transacting(trx);
          if (row) await trx(tables().ballots).insert(ballot).onConflict(['round_document_id', 'district_code', 'voter_key']).merge(['receipt_code', 'choices', 'channel']);
          else await trx(tables().conflicts).insert(conflictRecord);
          return row;
        });
      };
      const stored = await write().catch(async (error) => {
        if (String(error?.message).includes(BALLOTS_WHILE_VOTING)) throw await votingClosed(request.roundDocumentId);
        if (!tookPartInAnotherDistrict(error)) throw error;
        // One district per voter, and this person took part in another one: the voter is told; a
        // facilitator's ballot for an account holder is kept as a conflict for staff, with the same
        // answer as ever; a paper reference is the facilitator's own, so they are told.
        if (request.channel === 'online') throw conflict('You have voted in another district of this round; it takes one district per voter');
        if (request.participant.userId === null) throw conflict('This reference has taken part in another district of this round; it takes one district per voter');
        await knex()(tables().conflicts).insert(conflictRecord);
        return undefined;
      });
      const replaced = stored !== undefined && new Date(stored.created_at).getTime() !== now.getTime();
      if (round.showRunningTotals) {
        const roundDocumentId = request.roundDocumentId;
        getService(strapi, 'events')
          .publishCoalesced(`running-totals:${roundDocumentId}`, RUNNING_TOTALS_INTERVAL_MS, async () => {
            const totals = await runningTotals(roundDocumentId);
            await getService(strapi, 'events').publish('round.running-totals', `round:${roundDocumentId}`, { roundDocumentId, totals });
          });
      }
      const receiptCode = receiptFor({ roundDocumentId: request.roundDocumentId, districtCode, code, channel: request.channel, choices: check.ballot });
      return { receiptCode, replacedEarlierBallot: replaced };
    },

    /** A signed-in voter casts, or replaces, their own ballot. */
    async castOnline(roundDocumentId: string, userId: number, { districtCode, choices }: CastBallot.Body) {
      return this.cast({ roundDocumentId, districtCode, participant: userParticipant(userId), channel: 'online', choices });
    },

    /** What a round's ballot offers while it is voting: its frozen rules, districts and projects (for the portal's form). */
    async ballotOf(roundDocumentId: string) {
      return ballotView(await votingRound(roundDocumentId));
    },

    /** `ballotOf` for a staff path: the round must be voting and belong to the municipality in the path. */
    async ballotIn(municipalityCode: string, roundDocumentId: string) {
      return ballotView(await votingRoundIn(municipalityCode, roundDocumentId));
    },

    /** Whether a signed-in voter may vote in a voting round, decided as `castOnline` decides it, without casting. */
    async eligibilityOf(roundDocumentId: string, userId: number) {
      return eligibilityIn(await votingRound(roundDocumentId), userParticipant(userId));
    },

    /** Checks a district and choices exactly as `castOnline` does, without casting: a ValidationError names the field. */
    async checkChoices(roundDocumentId: string, { districtCode, choices }: CastBallot.Body) {
      checkIn(await votingRound(roundDocumentId), districtCode, choices);
    },

    /** When a signed-in voter last cast or replaced their ballot in a round (in any district), or null. */
    async lastCastBy(roundDocumentId: string, userId: number): Promise<Date | null> {
      const row = await knex()(tables().participations)
        .where({ round_document_id: roundDocumentId, participant_key: participantKeyForUser(userId) })
        .orderBy('last_cast_at', 'desc')
        .first('last_cast_at');
      return row ? new Date(row.last_cast_at as StoredTime) : null;
    },

    /**
     * A facilitator records a paper or assisted ballot, with the participant's consent, in their own name:
     * for an account holder, or for someone without one by a reference of which only a keyed hash is kept.
     */
    async castAssisted(municipalityCode: string, roundDocumentId: string, facilitatorId: number, ballot: CastAssistedBallot.Body) {
      await votingRoundIn(municipalityCode, roundDocumentId);
      const { participant } = ballot;
      if ('userId' in participant && !(await strapi.db.query(UID.user).findOne({ where: { id: participant.userId }, select: ['id'] }))) {
        throw fieldError('participant.userId', 'no such participant');
      }
      const { receiptCode } = await this.cast({
        roundDocumentId,
        districtCode: ballot.districtCode,
        participant:
          'userId' in participant
            ? userParticipant(participant.userId)
            : {
                participantKey: participantKeyForOffline(secret(), participant.offlineReference),
                userId: null,
                facts: { residenceMunicipalityCode: participant.residenceMunicipalityCode, birthDate: participant.birthDate ?? null, verified: true },
                declaration: (participant.demographics as DemographicDeclaration | undefined) ?? null,
              },
        channel: ballot.channel,
        facilitatorId,
        consent: ballot.consent,
        choices: ballot.choices,
      });
      // A facilitator's answer is the same whether or not the person had voted: it says nothing of an earlier ballot.
      return { receiptCode };
    },

    runningTotals,

    /**
     * When voting closes (in the closing transaction, before the phase changes): ballots being written
     * finish first, and later ones then meet the new phase in the database's guard, so the count reads
     * exactly the ballots cast. (SQLite has one writer.)
     */
    async waitForBallotsInFlight(trx: Knex.Transaction) {
      if (isPostgres(trx)) await trx.raw('LOCK TABLE ?? IN SHARE MODE', [tables().ballots]);
    },

    /**
     * When voting closes (in the closing transaction, before the phase changes): every ballot of the round
     * loses its voter key and takes another ballot's row id, in random order, and on PostgreSQL the table
     * is rewritten in that order (which also gives every ballot the closing transaction's xmin). A dump
     * taken afterwards ties no ballot to its participation record by id, physical order, transaction or
     * time, and holds no key to recompute. Nothing is deleted and the content and receipts stay as cast.
     */
    async unlinkFromVoters(trx: Knex.Transaction, roundDocumentId: string) {
      const ids: number[] = (await trx(tables().ballots).where({ round_document_id: roundDocumentId }).select('id')).map((row: { id: number }) => row.id);
      if (ids.length === 0) return;
      const shuffled = [...ids];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = randomInt(i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
      }
      // Negative ids first, so that the permutation never collides with an id still in use.
      await trx(tables().ballots).where({ round_document_id: roundDocumentId }).update({ id: trx.raw('-id'), voter_key: null });
      const CHUNK = 300;
      for (let start = 0; start < ids.length; start += CHUNK) {
        const chunk = ids.slice(start, start + CHUNK);
        const cases = chunk.map(() => 'WHEN ? THEN CAST(? AS INTEGER)').join(' ');
        await trx.raw(`UPDATE ?? SET id = CASE id ${cases} END WHERE id IN (${chunk.map(() => '?').join(', ')})`, [
          tables().ballots,
          ...chunk.flatMap((id, k) => [-id, shuffled[start + k]]),
          ...chunk.map((id) => -id),
        ]);
      }
      // SQLite stores rows in id order; PostgreSQL in the order they were written, until rewritten.
      if (isPostgres(trx)) await trx.raw('CLUSTER ?? USING ??', [tables().ballots, `${tables().ballots}_pkey`]);
    },

    /**
     * The ballot set is public once voting has closed (domain/rounds/ballot-publicity.ts). A receipt is the ballot's code and a check
     * committing to its content as cast: a ballot edited since no longer matches its receipt.
     */
    async verifyReceipt(roundDocumentId: string, receipt: string) {
      const parsed = parseReceipt(receipt);
      if (!parsed) throw fieldError('receiptCode', 'is not a receipt: six groups of four letters and digits, as shown when the ballot was cast');
      const round = await getService(strapi, 'round').findRow(roundDocumentId);
      if (!ballotSetIsPublic(round.phase)) {
        throw conflict('The ballot set is published when voting closes; check your receipt then');
      }
      const row = await knex()(tables().ballots).where({ round_document_id: roundDocumentId, receipt_code: parsed.code }).first();
      const matches =
        Boolean(row) &&
        receiptCheck({ roundDocumentId, districtCode: row.district_code, code: parsed.code, channel: row.channel, choices: readJson(row.choices) }) === parsed.check;
      return {
        receiptCode: `${parsed.code}-${parsed.check}`,
        inPublishedBallotSet: Boolean(row),
        matchesBallotAsCast: matches,
        districtCode: row ? row.district_code || null : null,
        channel: row?.channel ?? null,
      };
    },

    /**
     * Who voted in a round, for its statistics: each participation record's district, channel and either
     * the account (whose profile holds its declaration) or what the person stated to the facilitator.
     * Read from the participation records alone: a ballot's content is never read with them.
     */
    async voterDeclarations(roundDocumentId: string, db: Knex | Knex.Transaction = knex()) {
      const rows: Array<{ district_code: string; channel: VotingChannel; voter_id: number | null; demographics: unknown }> = await db(tables().participations)
        .where({ round_document_id: roundDocumentId })
        .select('district_code', 'channel', 'voter_id', 'demographics');
      return rows.map((row) => ({
        districtCode: row.district_code,
        channel: row.channel,
        userId: row.voter_id ?? null,
        declaration: row.voter_id == null ? (readJson<DemographicDeclaration | null>(row.demographics) ?? null) : null,
      }));
    },

    /** For staff routes: the participation in a round of the municipality in the path. */
    async participationIn(municipalityCode: string, roundDocumentId: string, page: { page: number; pageSize: number }) {
      await getService(strapi, 'round').findRowIn(municipalityCode, roundDocumentId);
      return this.participation(roundDocumentId, page);
    },

    /** Staff see who took part and by which channel, never a ballot. */
    async participation(roundDocumentId: string, page: { page: number; pageSize: number }) {
      const { users } = accountTables(strapi);
      const base = () => knex()(tables().participations).where({ round_document_id: roundDocumentId });
      const [rows, counts] = await Promise.all([
        base()
          .leftJoin(`${users} as voter`, 'voter.id', `${tables().participations}.voter_id`)
          .leftJoin(`${users} as facilitator`, 'facilitator.id', `${tables().participations}.facilitator_id`)
          .select('voter.username as username', 'facilitator.username as facilitator', 'district_code', 'channel', 'last_cast_at', 'voter_id')
          .orderBy(`${tables().participations}.id`)
          .offset((page.page - 1) * page.pageSize)
          .limit(page.pageSize),
        base().select('channel').count({ n: '*' }).groupBy('channel'),
      ]);
      const conflicts = await knex()(tables().conflicts)
        .where({ round_document_id: roundDocumentId })
        .leftJoin(`${users} as voter`, 'voter.id', `${tables().conflicts}.voter_id`)
        .leftJoin(`${users} as facilitator`, 'facilitator.id', `${tables().conflicts}.facilitator_id`)
        .select('voter.username as username', 'facilitator.username as facilitator', 'channel', 'district_code', 'recorded_at')
        .orderBy(`${tables().conflicts}.id`);
      const byChannel: Record<VotingChannel, number> = { online: 0, assisted: 0, paper: 0 };
      for (const { channel, n } of counts as Array<{ channel: VotingChannel; n: number | string }>) byChannel[channel] = Number(n);
      const total = byChannel.online + byChannel.assisted + byChannel.paper;
      return {
        data: rows.map((row: ParticipationListRow) => ({
          username: row.username ?? null,
          offline: row.voter_id == null,
          districtCode: row.district_code,
          channel: row.channel,
          facilitator: row.facilitator ?? null,
          lastCastAt: new Date(row.last_cast_at).toISOString(),
        })),
        meta: {
          pagination: { ...page, pageCount: Math.ceil(total / page.pageSize), total },
          byChannel,
          // Assisted or paper ballots refused because the person had voted online: staff settle them with the person.
          conflicts: conflicts.map((row: BallotConflictListRow) => ({
            username: row.username ?? null,
            facilitator: row.facilitator ?? null,
            channel: row.channel,
            districtCode: row.district_code,
            recordedAt: new Date(row.recorded_at).toISOString(),
          })),
        },
      };
    },

    /**
     * How many took part, by district and channel: counts of participation records only, so that a
     * screen showing turnout while voting is open reads nothing of any ballot.
     */
    async turnout(roundDocumentId: string): Promise<Array<{ districtCode: string; channel: VotingChannel; count: number }>> {
      const rows = (await knex()(tables().participations)
        .where({ round_document_id: roundDocumentId })
        .select('district_code', 'channel')
        .count({ n: '*' })
        .groupBy('district_code', 'channel')) as Array<{ district_code: string; channel: VotingChannel; n: number | string }>;
      return rows.map((row) => ({ districtCode: row.district_code, channel: row.channel, count: Number(row.n) }));
    },
  };
};
