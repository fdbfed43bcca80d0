import { useEffect, useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Box, Field, Flex, Grid, Link, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import type {
  GetMoneyByMarker,
  GetMunicipalityOverview,
  GetProgrammeIndicators,
  ListMunicipalities,
  Municipality,
  MunicipalityOverview,
  PublishedCount,
} from '../../../shared/contracts';
import { timeZoneOf } from '../../../portal/src/community/meeting-time';
import { refusalOf } from '../components/api-errors';
import { useMessage } from '../components/message';
import { FigureTable } from '../components/FigureTable';
import { MoneyByMarkerTables } from '../components/MoneyByMarkerTables';
import { Panel } from '../components/Panel';
import { ProgrammeFigures } from '../components/ProgrammeFigures';
import { useCan } from '../components/use-can';
import { PERMISSIONS } from '../plugin-id';

/** Label–number rows as a description list, so that each figure is read with its label. */
const Figures = ({ rows }: { rows: Array<[string, ReactNode]> }) => (
  <dl>
    {rows.map(([label, value]) => (
      <Flex key={label} justifyContent="space-between" gap={4} paddingBottom={1}>
        <Typography tag="dt">{label}</Typography>
        <Typography tag="dd" fontWeight="bold">
          {value}
        </Typography>
      </Flex>
    ))}
  </dl>
);

/** The administrator's view of one municipality: counts only, small groups suppressed as the public API does. */
const OverviewPage = () => {
  const message = useMessage();
  const { formatDate } = useIntl();
  const { get } = useFetchClient();
  const navigate = useNavigate();
  const { municipalityCode = '' } = useParams();
  const [municipalities, setMunicipalities] = useState<Municipality[]>([]);
  const [overview, setOverview] = useState<MunicipalityOverview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [fiscalYear, setFiscalYear] = useState<number | null>(null);
  const [money, setMoney] = useState<GetMoneyByMarker.Response['data'] | null>(null);
  const [moneyFailure, setMoneyFailure] = useState<string | null>(null);
  const [indicators, setIndicators] = useState<GetProgrammeIndicators.Response['data'] | null>(null);
  const [indicatorsFailure, setIndicatorsFailure] = useState<string | null>(null);
  const canReadProgramme = useCan(PERMISSIONS.readProgrammeIndicators);
  // The programme indicators cover this year by default; the programme screen takes other years and municipalities.
  const year = new Date().getUTCFullYear();

  useEffect(() => {
    // Listing needs its own action; without it the administrator can still open an overview by its address.
    get<ListMunicipalities.Response>('/participation/municipalities').then(
      ({ data }) => setMunicipalities(data.data),
      () => setMunicipalities([]),
    );
  }, [get]);

  useEffect(() => {
    setOverview(null);
    setFailure(null);
    setFiscalYear(null);
    if (!municipalityCode) return;
    get<GetMunicipalityOverview.Response>(`/participation/municipalities/${encodeURIComponent(municipalityCode)}/overview`).then(
      ({ data }) => {
        setOverview(data.data);
        // This year's budget when there is one, else the latest.
        setFiscalYear(data.data.budgetYears.includes(year) ? year : (data.data.budgetYears[0] ?? null));
      },
      (error) => setFailure(refusalOf(error).message),
    );
    setIndicators(null);
    setIndicatorsFailure(null);
    get<GetProgrammeIndicators.Response>(`/participation/municipalities/${encodeURIComponent(municipalityCode)}/programme-indicators?fromYear=${year}&toYear=${year}`).then(
      ({ data }) => setIndicators(data.data),
      (error) => setIndicatorsFailure(refusalOf(error).message),
    );
  }, [get, municipalityCode, year]);

  useEffect(() => {
    setMoney(null);
    setMoneyFailure(null);
    if (!municipalityCode || fiscalYear === null) return;
    // Years picked one after another: only the last one's answer is shown.
    let current = true;
    get<GetMoneyByMarker.Response>(`/participation/municipalities/${encodeURIComponent(municipalityCode)}/money-by-marker?fiscalYear=${fiscalYear}`).then(
      ({ data }) => current && setMoney(data.data),
      (error) => current && setMoneyFailure(refusalOf(error).message),
    );
    return () => {
      current = false;
    };
  }, [get, municipalityCode, fiscalYear]);

  const count = (value: PublishedCount) => (value === 'suppressed' ? message('overview.suppressed') : value);
  const entries = (counts: Record<string, number>, prefix: string): Array<[string, ReactNode]> =>
    Object.entries(counts).map(([key, value]) => [message(`${prefix}.${key}`), value]);
  // In the panel's language (the browser's own would write a US date on a Vietnamese screen), on the
  // municipality's clock with its zone named, as the portal says a meeting's time wherever its reader is.
  const date = (iso: string) =>
    formatDate(iso, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short', timeZone: timeZoneOf(overview?.municipality.country ?? '') });

  return (
    <Page.Protect permissions={PERMISSIONS.readOverview}>
      <Page.Main>
        <Page.Title>{overview ? `${message('overview.title')}: ${overview.municipality.name}` : message('overview.title')}</Page.Title>
        <Layouts.Header
          title={overview ? `${message('overview.title')}: ${overview.municipality.name}` : message('overview.title')}
          subtitle={message('overview.subtitle')}
        />
        <Layouts.Content>
          <Flex direction="column" alignItems="stretch" gap={6}>
            <Box maxWidth="32rem">
              <Field.Root name="municipality">
                <Field.Label>{message('overview.municipality')}</Field.Label>
                <SingleSelect value={municipalityCode} onChange={(value: string | number) => navigate(`/plugins/participation/overview/${value}`)}>
                  {municipalities.map((municipality) => (
                    <SingleSelectOption key={municipality.code} value={municipality.code}>{`${municipality.name} (${municipality.code})`}</SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
            {failure && <Typography textColor="danger600">{failure}</Typography>}
            {municipalityCode && !overview && !failure && <Page.Loading />}
            {overview && (
              <>
                <Grid.Root gap={4}>
                  <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                    <Panel title={message('overview.rounds')}>
                      {overview.rounds.list.length === 0 ? (
                        <Typography>{message('overview.none')}</Typography>
                      ) : (
                        <Figures rows={entries(overview.rounds.byPhase, 'phase')} />
                      )}
                    </Panel>
                  </Grid.Item>
                  <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                    <Panel title={message('overview.proposals')}>
                      <Figures rows={[[message('overview.total'), overview.proposals.total], ...entries(overview.proposals.byStatus, 'status')]} />
                    </Panel>
                  </Grid.Item>
                  <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                    <Panel title={message('overview.forums')}>
                      <Figures rows={entries(overview.forums, 'forums')} />
                    </Panel>
                  </Grid.Item>
                  <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                    <Panel title={message('overview.consultations')}>
                      {overview.consultations.open.length === 0 ? (
                        <Typography>{message('overview.none')}</Typography>
                      ) : (
                        <Figures
                          rows={overview.consultations.open.map((c) => [c.topic, c.closesAt ? message('overview.closes', { date: date(c.closesAt) }) : '—'])}
                        />
                      )}
                    </Panel>
                  </Grid.Item>
                  <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                    <Panel title={message('overview.meetings')}>
                      {overview.meetings.upcoming.length === 0 ? (
                        <Typography>{message('overview.none')}</Typography>
                      ) : (
                        <Figures rows={overview.meetings.upcoming.map((m) => [m.title, date(m.startsAt)])} />
                      )}
                    </Panel>
                  </Grid.Item>
                  <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                    <Panel title={message('overview.decisions')}>
                      <Figures
                        rows={[
                          [message('overview.decisionsPublished'), overview.decisions.published],
                          [message('overview.lastDecision'), overview.decisions.lastPublishedAt ? date(overview.decisions.lastPublishedAt) : '—'],
                        ]}
                      />
                    </Panel>
                  </Grid.Item>
                </Grid.Root>

                <Panel title={message('overview.turnout')}>
                  {overview.rounds.list.length === 0 ? (
                    <Typography>{message('overview.none')}</Typography>
                  ) : (
                    <FigureTable
                      caption={`${message('overview.turnout')}: ${overview.municipality.name}`}
                      headings={['overview.round', 'overview.phase', 'channel.online', 'channel.assisted', 'channel.paper', 'overview.total'].map((key) => message(key))}
                      rows={overview.rounds.list.map((round) => ({
                        key: round.documentId,
                        heading: `${round.title} (${round.fiscalYear})`,
                        figures: [
                          message(`phase.${round.phase}`),
                          round.turnout.byChannel.online,
                          round.turnout.byChannel.assisted,
                          round.turnout.byChannel.paper,
                          <strong key="total">{round.turnout.total}</strong>,
                        ],
                      }))}
                    />
                  )}
                </Panel>

                <Panel title={message('overview.statistics')}>
                  <Typography textColor="neutral600">{message('overview.statisticsNote')}</Typography>
                  {overview.statistics.length === 0 ? (
                    <Typography>{message('overview.none')}</Typography>
                  ) : (
                    <FigureTable
                      caption={`${message('overview.statistics')}: ${overview.municipality.name}`}
                      headings={['overview.activity', 'overview.total', 'overview.byGender', 'overview.byAge'].map((key) => message(key))}
                      rows={overview.statistics.map((population) => ({
                        key: `${population.documentId}|${population.districtCode ?? ''}`,
                        heading: `${message(`population.${population.kind}`)}: ${population.title}${population.districtCode ? ` (${population.districtCode})` : ''}`,
                        figures: [
                          count(population.total),
                          // A category a line: on one line the breakdowns pushed the table out of its panel.
                          ...(['gender', 'ageBand'] as const).map((dimension) => {
                            const categories = Object.entries(population.breakdowns[dimension] ?? {});
                            if (categories.length === 0) return '—';
                            return categories.map(([category, value]) => (
                              <span key={category} style={{ display: 'block', whiteSpace: 'nowrap' }}>
                                {`${message(`statistics.${dimension}.${category}`)}: ${count(value as PublishedCount)}`}
                              </span>
                            ));
                          }),
                        ],
                      }))}
                    />
                  )}
                </Panel>

                <Panel title={message('money.title')}>
                  <Typography textColor="neutral600">{message('money.intro')}</Typography>
                  {overview.budgetYears.length === 0 ? (
                    <Typography>{message('money.noBudget')}</Typography>
                  ) : (
                    <>
                      <Box maxWidth="16rem">
                        <Field.Root name="fiscalYear">
                          <Field.Label>{message('money.fiscalYear')}</Field.Label>
                          <SingleSelect value={fiscalYear ?? undefined} onChange={(value: string | number) => setFiscalYear(Number(value))}>
                            {overview.budgetYears.map((budgetYear) => (
                              <SingleSelectOption key={budgetYear} value={budgetYear}>
                                {String(budgetYear)}
                              </SingleSelectOption>
                            ))}
                          </SingleSelect>
                        </Field.Root>
                      </Box>
                      {moneyFailure && <Typography textColor="danger600">{moneyFailure}</Typography>}
                      {money && <MoneyByMarkerTables report={money} currency={overview.municipality.currency} />}
                    </>
                  )}
                </Panel>

                <Panel title={message('indicators.ofYear', { year })}>
                  {indicatorsFailure && <Typography textColor="danger600">{indicatorsFailure}</Typography>}
                  {indicators && (
                    <ProgrammeFigures sheet={indicators} caption={message('indicators.caption', { municipalities: overview.municipality.name, from: year, to: year })} perMunicipality={false} />
                  )}
                  {canReadProgramme && (
                    <Link tag={RouterLink} to={`/plugins/participation/programme-indicators?municipalities=${encodeURIComponent(overview.municipality.code)}&fromYear=${year}&toYear=${year}`}>
                      {message('indicators.acrossMunicipalities')}
                    </Link>
                  )}
                </Panel>
              </>
            )}
          </Flex>
        </Layouts.Content>
      </Page.Main>
    </Page.Protect>
  );
};

export default OverviewPage;
