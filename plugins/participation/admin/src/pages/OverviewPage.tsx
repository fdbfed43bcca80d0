import { useEffect, useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Box, Field, Flex, Grid, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { GetMunicipalityOverview, ListMunicipalities, Municipality, MunicipalityOverview, PublishedCount } from '../../../shared/contracts';
import { refusalOf } from '../components/api-errors';
import { useMessage } from '../components/message';
import { PERMISSIONS } from '../plugin-id';

/** A titled panel of figures. */
const Panel = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box background="neutral0" padding={5} shadow="filterShadow" hasRadius height="100%">
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      {children}
    </Flex>
  </Box>
);

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
  const { get } = useFetchClient();
  const navigate = useNavigate();
  const { municipalityCode = '' } = useParams();
  const [municipalities, setMunicipalities] = useState<Municipality[]>([]);
  const [overview, setOverview] = useState<MunicipalityOverview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

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
    if (!municipalityCode) return;
    get<GetMunicipalityOverview.Response>(`/participation/municipalities/${encodeURIComponent(municipalityCode)}/overview`).then(
      ({ data }) => setOverview(data.data),
      (error) => setFailure(refusalOf(error).message),
    );
  }, [get, municipalityCode]);

  const count = (value: PublishedCount) => (value === 'suppressed' ? message('overview.suppressed') : value);
  const entries = (counts: Record<string, number>, prefix: string): Array<[string, ReactNode]> =>
    Object.entries(counts).map(([key, value]) => [message(`${prefix}.${key}`), value]);
  const date = (iso: string) => new Date(iso).toLocaleString();

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
                    <Table colCount={6} rowCount={overview.rounds.list.length + 1}>
                      <Thead>
                        <Tr>
                          {['overview.round', 'overview.phase', 'channel.online', 'channel.assisted', 'channel.paper', 'overview.total'].map((key) => (
                            <Th key={key}>
                              <Typography variant="sigma">{message(key)}</Typography>
                            </Th>
                          ))}
                        </Tr>
                      </Thead>
                      <Tbody>
                        {overview.rounds.list.map((round) => (
                          <Tr key={round.documentId}>
                            <Td>
                              <Typography>{`${round.title} (${round.fiscalYear})`}</Typography>
                            </Td>
                            <Td>
                              <Typography>{message(`phase.${round.phase}`)}</Typography>
                            </Td>
                            <Td>
                              <Typography>{round.turnout.byChannel.online}</Typography>
                            </Td>
                            <Td>
                              <Typography>{round.turnout.byChannel.assisted}</Typography>
                            </Td>
                            <Td>
                              <Typography>{round.turnout.byChannel.paper}</Typography>
                            </Td>
                            <Td>
                              <Typography fontWeight="bold">{round.turnout.total}</Typography>
                            </Td>
                          </Tr>
                        ))}
                      </Tbody>
                    </Table>
                  )}
                </Panel>

                <Panel title={message('overview.statistics')}>
                  <Typography textColor="neutral600">{message('overview.statisticsNote')}</Typography>
                  {overview.statistics.length === 0 ? (
                    <Typography>{message('overview.none')}</Typography>
                  ) : (
                    <Table colCount={4} rowCount={overview.statistics.length + 1}>
                      <Thead>
                        <Tr>
                          {['overview.activity', 'overview.total', 'overview.byGender', 'overview.byAge'].map((key) => (
                            <Th key={key}>
                              <Typography variant="sigma">{message(key)}</Typography>
                            </Th>
                          ))}
                        </Tr>
                      </Thead>
                      <Tbody>
                        {overview.statistics.map((population) => (
                          <Tr key={population.documentId}>
                            <Td>
                              <Typography>{`${message(`population.${population.kind}`)}: ${population.title}`}</Typography>
                            </Td>
                            <Td>
                              <Typography>{count(population.total)}</Typography>
                            </Td>
                            {(['gender', 'ageBand'] as const).map((dimension) => (
                              <Td key={dimension}>
                                <Typography>
                                  {Object.entries(population.breakdowns[dimension] ?? {})
                                    .map(([category, value]) => `${category}: ${count(value as PublishedCount)}`)
                                    .join(' · ') || '—'}
                                </Typography>
                              </Td>
                            ))}
                          </Tr>
                        ))}
                      </Tbody>
                    </Table>
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
