import { Typography } from '@strapi/design-system';
import type { ProgrammeIndicators } from '../../../shared/contracts';
import { FigureTable } from './FigureTable';
import { useMessage } from './message';

type PublishedSum = ProgrammeIndicators['personsWithDisabilities'];

/**
 * A programme's figure sheet as the reports service computed it, one row per indicator, as the portal's
 * programme page shows it. People are sums of published counts: where some counts added were suppressed
 * (groups below k), the figure reads "at least" with how many were left out, never a bare number.
 * `perMunicipality` adds the rows that count municipalities, for a sheet of several.
 */
export const ProgrammeFigures = ({ sheet, caption, perMunicipality }: { sheet: ProgrammeIndicators; caption: string; perMunicipality: boolean }) => {
  const message = useMessage();
  const people = (sum: PublishedSum) => (sum.suppressedCells === 0 ? String(sum.count) : message('indicators.atLeast', { count: sum.count, cells: sum.suppressedCells }));
  const municipalities = (codes: string[]) => (codes.length === 0 ? '0' : `${codes.length} (${codes.join(', ')})`);
  const rows: Array<[string, string]> = [
    ...(perMunicipality ? [['indicators.genderMunicipalities', municipalities(sheet.genderResponsiveRounds.municipalities)] as [string, string]] : []),
    ['indicators.genderRounds', String(sheet.genderResponsiveRounds.rounds)],
    ['indicators.women', people(sheet.genderResponsiveRounds.women)],
    ...(perMunicipality ? [['indicators.youthMunicipalities', municipalities(sheet.youthRounds.municipalities)] as [string, string]] : []),
    ['indicators.youthRounds', String(sheet.youthRounds.rounds)],
    ['indicators.youngPeople', people(sheet.youthRounds.youngPeople)],
    ['indicators.personsWithDisabilities', people(sheet.personsWithDisabilities)],
    ['indicators.romaAndEgyptians', people(sheet.romaAndEgyptians)],
    ['indicators.proposalsFromRecommendations', String(sheet.proposalsFromRecommendations)],
    ['indicators.commitmentsFulfilled', String(sheet.commitmentsFulfilled)],
    ['indicators.decisionsPublished', String(sheet.decisionsPublished)],
  ];
  return (
    <>
      <FigureTable
        caption={caption}
        headings={[message('indicators.indicator'), message('indicators.value')]}
        rows={rows.map(([key, value]) => ({ key, heading: message(key), figures: [value] }))}
      />
      <Typography textColor="neutral600">{message('indicators.suppressionRule', { k: sheet.k })}</Typography>
    </>
  );
};
