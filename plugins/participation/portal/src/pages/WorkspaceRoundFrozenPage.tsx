import type { Municipality } from '../../../shared/contracts/municipalities';
import type { Round } from '../../../shared/contracts/rounds';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from '../components/portal-context';
import { RoundRules } from '../components/RoundRules';
import { RoundWorkspaceTrail } from '../components/RoundWorkspaceTrail';
import { FLAG_FIELDS, TEXT_FIELDS, valuesFromRound } from '../workspace/round-form';

/** Fields chosen from a list, shown by their names rather than their codes. */
const CHOICE_MESSAGES: Partial<Record<string, string>> = { kind: 'wsRounds.kind', countingRule: 'wsRounds.rule', tieBreaking: 'wsRounds.tie', districtsPerVoter: 'wsRounds.districtsPerVoter' };

/**
 * A round's settings once voting has opened: read-only, with why. The count reads exactly what voters
 * were shown, so the round service refuses any change from then on (and the database guards it).
 */
export const WorkspaceRoundFrozenPage = ({ municipality, round }: { municipality: Municipality; round: Round }) => {
  const { i18n } = usePortal();
  const { t } = i18n;
  const values = valuesFromRound(round);
  const yesNo = (flag: boolean) => t(flag ? 'wsRounds.yes' : 'wsRounds.no');
  const rows: Array<{ label: string; value: string }> = [
    ...TEXT_FIELDS.filter((field) => values[field] !== undefined && values[field] !== '').map((field) => ({
      label: t(`wsRounds.form.${field}` as MessageKey, { currency: municipality.currency }),
      value: field in CHOICE_MESSAGES ? t(`${CHOICE_MESSAGES[field]}.${values[field]}` as MessageKey) : values[field]!,
    })),
    ...values.districts.map((district) => ({ label: t('wsRounds.frozen.district', { code: district.code }), value: `${district.name}: ${i18n.money(district.budget, municipality.currency)}` })),
    ...FLAG_FIELDS.map((field) => ({ label: t(`wsRounds.form.${field}` as MessageKey, { municipality: municipality.name }), value: yesNo(values[field]) })),
  ];
  return (
    <>
      <RoundWorkspaceTrail municipality={municipality} round={round} />
      <h1>{t('wsRounds.frozen.title')}</h1>
      <div className="notice notice--warning">
        <p>{t('wsRounds.frozen.why', { date: i18n.date(round.rulesFrozenAt ?? round.phaseHistory.at(-1)?.at ?? new Date()) })}</p>
      </div>
      <h2>{t('wsRounds.preview.title')}</h2>
      <RoundRules round={round} municipality={municipality} />
      <h2>{t('wsRounds.frozen.settings')}</h2>
      <dl className="check-answers">
        {rows.map((row) => (
          <div key={row.label}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
};
