import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Box, Button, Field, Flex, Grid, MultiSelect, MultiSelectOption, TextInput, Typography } from '@strapi/design-system';
import type { GetProgrammeIndicators, ListMunicipalities, Municipality } from '../../../shared/contracts';
import { refusalOf, type Refusal } from '../components/api-errors';
import { useMessage } from '../components/message';
import { Panel } from '../components/Panel';
import { ProgrammeFigures } from '../components/ProgrammeFigures';
import { PERMISSIONS } from '../plugin-id';

const YEAR_FIELDS = ['fromYear', 'toYear'] as const;

/**
 * A programme's indicators across municipalities and budget years, from the reports service as the
 * portal's programme page has them. The question lives in the address (`?municipalities=A,B&fromYear=&toYear=`),
 * so the overview links here with its municipality and a sheet can be shared; a refusal names its field.
 */
const ProgrammeIndicatorsPage = () => {
  const message = useMessage();
  const { get } = useFetchClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const [municipalities, setMunicipalities] = useState<Municipality[]>([]);
  const year = String(new Date().getUTCFullYear());
  const [codes, setCodes] = useState<string[]>(() => searchParams.get('municipalities')?.split(',').filter(Boolean) ?? []);
  const [years, setYears] = useState({ fromYear: searchParams.get('fromYear') ?? year, toYear: searchParams.get('toYear') ?? year });
  const [sheet, setSheet] = useState<GetProgrammeIndicators.Response['data'] | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  useEffect(() => {
    // Listing needs its own action; without it the codes still come from the address.
    get<ListMunicipalities.Response>('/participation/municipalities').then(
      ({ data }) => {
        setMunicipalities(data.data);
        // Nothing asked yet: every municipality, as the portal's form starts.
        setCodes((chosen) => (chosen.length > 0 ? chosen : data.data.map((municipality) => municipality.code)));
      },
      () => setMunicipalities([]),
    );
  }, [get]);

  useEffect(() => {
    setSheet(null);
    setRefusal(null);
    if (!searchParams.has('municipalities')) return;
    get<GetProgrammeIndicators.Response>(`/participation/programme-indicators?${searchParams.toString()}`).then(
      ({ data }) => setSheet(data.data),
      (error) => setRefusal(refusalOf(error)),
    );
  }, [get, searchParams]);

  const show = (event: FormEvent) => {
    event.preventDefault();
    setSearchParams({ municipalities: codes.join(','), fromYear: years.fromYear.trim(), toYear: years.toYear.trim() });
  };
  const nameOf = (code: string) => municipalities.find((municipality) => municipality.code === code)?.name ?? code;

  return (
    <Page.Protect permissions={PERMISSIONS.readProgrammeIndicators}>
      <Page.Main>
        <Page.Title>{message('indicators.title')}</Page.Title>
        <Layouts.Header title={message('indicators.title')} subtitle={message('indicators.subtitle')} />
        <Layouts.Content>
          <Flex direction="column" alignItems="stretch" gap={6}>
            <Box background="neutral0" padding={5} shadow="filterShadow" hasRadius>
              <form onSubmit={show} noValidate aria-label={message('indicators.form')}>
                <Grid.Root gap={4}>
                  <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                    <Field.Root name="municipalities" error={refusal?.fields.municipalities} required>
                      <Field.Label>{message('indicators.municipalities')}</Field.Label>
                      <MultiSelect
                        customizeContent={(selected?: string[]) => (selected ?? []).map(nameOf).join(', ')}
                        value={codes}
                        onChange={(value: string[]) => setCodes(value)}
                      >
                        {municipalities.map((municipality) => (
                          <MultiSelectOption key={municipality.code} value={municipality.code}>{`${municipality.name} (${municipality.code})`}</MultiSelectOption>
                        ))}
                      </MultiSelect>
                      <Field.Error />
                    </Field.Root>
                  </Grid.Item>
                  {YEAR_FIELDS.map((field) => (
                    <Grid.Item key={field} col={3} s={6} direction="column" alignItems="stretch">
                      <Field.Root name={field} error={refusal?.fields[field]} required>
                        <Field.Label>{message(`indicators.${field}`)}</Field.Label>
                        <TextInput
                          inputMode="numeric"
                          value={years[field]}
                          onChange={(event: React.ChangeEvent<HTMLInputElement>) => setYears((now) => ({ ...now, [field]: event.target.value }))}
                        />
                        <Field.Error />
                      </Field.Root>
                    </Grid.Item>
                  ))}
                </Grid.Root>
                <Box paddingTop={4}>
                  <Button type="submit">{message('indicators.show')}</Button>
                </Box>
              </form>
            </Box>
            {refusal && Object.keys(refusal.fields).length === 0 && <Typography textColor="danger600">{refusal.message}</Typography>}
            {sheet && (
              <Panel title={message('indicators.figures', { from: sheet.fromYear, to: sheet.toYear })}>
                <ProgrammeFigures
                  sheet={sheet}
                  caption={message('indicators.caption', { municipalities: sheet.municipalityCodes.map(nameOf).join(', '), from: sheet.fromYear, to: sheet.toYear })}
                  perMunicipality
                />
              </Panel>
            )}
            {!sheet && !refusal && searchParams.has('municipalities') && <Page.Loading />}
          </Flex>
        </Layouts.Content>
      </Page.Main>
    </Page.Protect>
  );
};

export default ProgrammeIndicatorsPage;
