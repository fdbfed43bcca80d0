import type { ProgrammeIndicators } from '../../../shared/contracts/reports';
import type { MessageKey } from '../i18n/translator';
import { usePortal } from './portal-context';
import { TableRegion } from './TableRegion';

type PublishedSum = ProgrammeIndicators['personsWithDisabilities'];

/**
 * A programme's figure sheet as the reports service computed it (GET /programme-indicators): one row per
 * indicator. People are sums of published, suppressed counts; where some of the counts added were not
 * published the figure says it is at least that many. `caption` names the sheet (the municipality, or
 * the programme); `perMunicipality` adds the rows that count municipalities, for a sheet of several.
 */
export const ProgrammeFigures = ({ sheet, caption, perMunicipality }: { sheet: ProgrammeIndicators; caption: string; perMunicipality: boolean }) => {
  const { i18n } = usePortal();
  const { t } = i18n;
  const people = (sum: PublishedSum) =>
    sum.suppressedCells === 0 ? i18n.number(sum.count) : t('programme.atLeast', { count: i18n.number(sum.count), cells: sum.suppressedCells });
  const municipalities = (codes: string[]) => (codes.length === 0 ? i18n.number(0) : `${i18n.number(codes.length)} (${codes.join(', ')})`);
  const rows: Array<[MessageKey, string]> = [
    ...(perMunicipality ? ([['programme.genderMunicipalities', municipalities(sheet.genderResponsiveRounds.municipalities)]] as Array<[MessageKey, string]>) : []),
    ['programme.genderRounds', i18n.number(sheet.genderResponsiveRounds.rounds)],
    ['programme.women', people(sheet.genderResponsiveRounds.women)],
    ...(perMunicipality ? ([['programme.youthMunicipalities', municipalities(sheet.youthRounds.municipalities)]] as Array<[MessageKey, string]>) : []),
    ['programme.youthRounds', i18n.number(sheet.youthRounds.rounds)],
    ['programme.youngPeople', people(sheet.youthRounds.youngPeople)],
    ['programme.personsWithDisabilities', people(sheet.personsWithDisabilities)],
    ['programme.romaAndEgyptians', people(sheet.romaAndEgyptians)],
    ['programme.proposalsFromRecommendations', i18n.number(sheet.proposalsFromRecommendations)],
    ['programme.commitmentsFulfilled', i18n.number(sheet.commitmentsFulfilled)],
    ['programme.decisionsPublished', i18n.number(sheet.decisionsPublished)],
  ];
  return (
    <>
      <TableRegion caption={caption}>
        <thead>
          <tr>
            <th scope="col">{t('programme.indicator')}</th>
            <th scope="col" className="numeric">{t('programme.value')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{t(label)}</th>
              <td className="numeric numeric--words">{value}</td>
            </tr>
          ))}
        </tbody>
      </TableRegion>
      <p className="hint">{t('programme.suppressionRule', { k: sheet.k })}</p>
    </>
  );
};
