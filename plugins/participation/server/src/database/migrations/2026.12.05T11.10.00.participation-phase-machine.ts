import type { Knex } from 'knex';
import { rulesAreFrozen, ROUND_PHASES } from '../../domain/rounds/phases';
import { readFrozenSettings } from '../frozen-settings';
import { addPhaseMachineGuards, addRoundSettingsFrozenGuard } from '../guards';

/**
 * The phase machine and the ballot in the database (docs/rounds.md, "frozen with the rules"): rounds
 * move one phase on at a time, reach voting with the fingerprint of their settings, are kept once voting
 * opened; ballot proposals keep what the count reads; the round's document id freezes too. Rounds frozen
 * before fingerprints existed get the fingerprint of their settings as they are now.
 */
export async function up(knex: Knex) {
  const frozen = ROUND_PHASES.filter(rulesAreFrozen);
  for (const { document_id: documentId } of await knex('participation_rounds').whereIn('phase', frozen).whereNull('settings_fingerprint').select('document_id')) {
    const settings = await readFrozenSettings(knex, documentId);
    await knex('participation_rounds').where({ document_id: documentId }).update({ settings_fingerprint: settings!.fingerprint });
  }
  await addRoundSettingsFrozenGuard(knex);
  await addPhaseMachineGuards(knex);
}
