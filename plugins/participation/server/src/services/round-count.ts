import type { Core } from '@strapi/strapi';
import type { RoundResult } from '../../../shared/contracts';
import { readJson } from '../utils/json-column';
import { count } from '../domain/counting';
import { pabulibLines } from '../domain/pabulib/write';
import { roundElection, type RoundProject } from '../domain/rounds/round-election';
import { ballotProject } from '../domain/rounds/settings-fingerprint';
import { ballotSetIsPublic, resultIsPublic } from '../domain/rounds/ballot-publicity';
import type { StoredFrozenSettings } from '../database/frozen-settings';
import { conflict } from '../utils/conflict';
import { getService } from '../utils/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => {

  /**
   * Each district is a count of its own, with its own budget; a round without districts is one. Read
   * from the stored settings and ballot, checked against the fingerprint taken when voting opened.
   */
  const elections = async (roundDocumentId: string) => {
    const { round, projects: ballotProposals }: StoredFrozenSettings = await getService(strapi, 'round').frozenSettings(roundDocumentId);
    const rules = round.ballotRules;
    const scopes = round.districts.length > 0 ? round.districts : [{ code: '', budget: round.totalBudgetMinor }];
    const projects: Array<RoundProject & { districtCode: string }> = ballotProposals.map(ballotProject);
    const ballots = await getService(strapi, 'ballot').ballotsOf(roundDocumentId);
    return scopes.map((scope) => ({
      districtCode: scope.code,
      rules,
      reservations: round.reservations,
      election: roundElection(
        scope.budget,
        rules,
        projects.filter((project) => project.districtCode === scope.code),
        ballots.filter((ballot) => ballot.districtCode === scope.code).map((entry) => entry.ballot)
      ),
    }));
  };

  return {
    /** Counts with the round's rule once voting has closed; the result is published by `publish-results`. */
    async count(municipalityCode: string, roundDocumentId: string): Promise<RoundResult> {
      const round = await getService(strapi, 'round').findRowIn(municipalityCode, roundDocumentId);
      if (round.phase !== 'counting') throw conflict(`Ballots are counted in the counting phase; the round is in ${round.phase}`);
      const counted = await elections(roundDocumentId);
      const participation = await getService(strapi, 'ballot').participation(roundDocumentId, { page: 1, pageSize: 1 });

      const districts = counted.map(({ districtCode, rules, reservations, election }) => {
        const outcome = count(election, {
          rule: rules.countingRule,
          tieBreaking: rules.tieBreaking,
          reservations,
          explain: true,
          ...(rules.minSupport !== undefined ? { minSupport: rules.minSupport } : {}),
          ...(rules.stopAtFirstMisfit ? { stopAtFirstMisfit: true } : {}),
        });
        return {
          districtCode,
          budget: outcome.budget,
          spent: outcome.spent,
          ballots: election.ballots.length,
          selected: outcome.selected,
          selectionOrder: outcome.selectionOrder,
          support: outcome.support,
          reservations: outcome.reservations,
          trace: outcome.trace ?? [],
          warnings: outcome.warnings,
        };
      });
      const { rules } = counted[0];
      const result: RoundResult = {
        countedAt: new Date().toISOString(),
        rule: rules.countingRule,
        tieBreaking: rules.tieBreaking,
        districts,
        participation: { total: participation.meta.pagination.total, byChannel: participation.meta.byChannel },
      };
      await getService(strapi, 'round').storeResult(roundDocumentId, result);
      return result;
    },

    /** The anonymised ballots as a Pabulib file, so anyone can recount the round. */
    async pabulibFile(roundDocumentId: string, districtCode = ''): Promise<string> {
      const round = await getService(strapi, 'round').findRow(roundDocumentId);
      if (!ballotSetIsPublic(round.phase)) {
        throw conflict('The ballot set is published when voting closes');
      }
      const scope = (await elections(roundDocumentId)).find((entry) => entry.districtCode === districtCode);
      if (!scope) throw conflict(`The round has no district "${districtCode}"`);
      // Counted but not yet published: the file has the ballots, not the selection.
      const result = resultIsPublic(round.phase) ? readJson<RoundResult | null>(round.result, null) : null;
      const selected = result?.districts.find((district) => district.districtCode === districtCode)?.selected;
      const municipality = await getService(strapi, 'municipality').findByCode(round.municipalityCode);
      const { reservations } = scope;
      // What a recount needs besides the ballots: the rule, the tie-breaking and the reserved shares.
      const meta = {
        description: round.title,
        country: municipality?.country ?? '',
        unit: municipality?.name ?? round.municipalityCode,
        instance: String(round.fiscalYear),
        ...(districtCode ? { subunit: districtCode } : {}),
        rule: scope.rules.countingRule,
        tie_breaking: scope.rules.tieBreaking,
        ...(scope.rules.minSupport !== undefined ? { min_project_score_threshold: String(scope.rules.minSupport) } : {}),
        ...(scope.rules.stopAtFirstMisfit ? { no_skip: '1' } : {}),
        ...(reservations.length ? { reservations: reservations.map((r) => `${r.marker}:${r.share}`).join(',') } : {}),
        currency: municipality?.currency ?? '',
      };
      return [...pabulibLines(scope.election, { meta, ...(selected ? { selected } : {}) })].join('\n') + '\n';
    },
  };
};
