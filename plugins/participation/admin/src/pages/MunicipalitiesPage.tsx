import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Box, Button, Field, Flex, Grid, Link, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { CreateMunicipality, ListMunicipalities, Municipality } from '../../../shared/contracts';
import { refusalOf } from '../components/api-errors';
import { useMessage } from '../components/message';
import { useCan } from '../components/use-can';
import { PERMISSIONS } from '../plugin-id';

const FIELDS = ['name', 'code', 'country', 'defaultLocale', 'currency', 'population'] as const;
type Field = (typeof FIELDS)[number];
const EMPTY: Record<Field, string> = { name: '', code: '', country: 'AL', defaultLocale: 'sq', currency: 'ALL', population: '' };

/** The municipalities the platform serves, and a new one. */
const MunicipalitiesPageView = () => {
  const message = useMessage();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const canCreate = useCan(PERMISSIONS.createMunicipalities);
  const [municipalities, setMunicipalities] = useState<Municipality[] | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    () =>
      get<ListMunicipalities.Response>('/participation/municipalities')
        .then(({ data }) => setMunicipalities(data.data))
        .catch(() => setLoadFailed(true)),
    [get],
  );
  useEffect(() => {
    load();
  }, [load]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    const body: CreateMunicipality.Body = {
      name: values.name,
      code: values.code.trim().toUpperCase(),
      country: values.country.trim().toUpperCase(),
      defaultLocale: values.defaultLocale.trim(),
      currency: values.currency.trim().toUpperCase(),
      // Anything but a whole number goes as written, for the server to refuse naming the field.
      ...(values.population.trim()
        ? { population: /^\d+$/.test(values.population.trim()) ? Number(values.population) : (values.population as unknown as number) }
        : {}),
    };
    try {
      const { data } = await post<CreateMunicipality.Response>('/participation/municipalities', body);
      toggleNotification({ type: 'success', message: message('municipalities.created', { name: data.data.name }) });
      setValues(EMPTY);
      await load();
    } catch (failure) {
      const refusal = refusalOf(failure);
      // A taken code is a 409 whose message starts with the field it is about.
      setErrors(Object.keys(refusal.fields).length ? refusal.fields : refusal.message.startsWith('code:') ? { code: refusal.message.slice(6) } : {});
      toggleNotification({ type: 'danger', message: refusal.message });
    } finally {
      setBusy(false);
    }
  };

  if (loadFailed) return <Page.Error />;
  if (!municipalities) return <Page.Loading />;

  return (
    <Page.Main>
      <Page.Title>{message('municipalities.title')}</Page.Title>
      <Layouts.Header title={message('municipalities.title')} subtitle={message('municipalities.subtitle')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Table colCount={5} rowCount={municipalities.length + 1}>
            <Thead>
              <Tr>
                {['municipalities.name', 'municipalities.code', 'municipalities.country', 'municipalities.currency', 'municipalities.population'].map((key) => (
                  <Th key={key}>
                    <Typography variant="sigma">{message(key)}</Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {municipalities.map((municipality) => (
                <Tr key={municipality.code}>
                  <Td>
                    <Link tag={RouterLink} to={`/plugins/participation/overview/${municipality.code}`}>
                      {municipality.name}
                    </Link>
                  </Td>
                  <Td>
                    <Typography>{municipality.code}</Typography>
                  </Td>
                  <Td>
                    <Typography>{municipality.country}</Typography>
                  </Td>
                  <Td>
                    <Typography>{municipality.currency}</Typography>
                  </Td>
                  <Td>
                    <Typography>{municipality.population ?? '—'}</Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>

          {canCreate && (
            <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
              <form onSubmit={submit} noValidate>
                <Flex direction="column" alignItems="stretch" gap={4}>
                  <Typography variant="delta" tag="h2">
                    {message('municipalities.new')}
                  </Typography>
                  <Grid.Root gap={4}>
                    {FIELDS.map((field) => (
                      <Grid.Item key={field} col={4} s={12} direction="column" alignItems="stretch">
                        <Field.Root name={field} error={errors[field]} required={field !== 'population'} hint={message(`municipalities.hint.${field}`)}>
                          <Field.Label>{message(`municipalities.${field}`)}</Field.Label>
                          <TextInput
                            value={values[field]}
                            inputMode={field === 'population' ? 'numeric' : undefined}
                            onChange={(event: React.ChangeEvent<HTMLInputElement>) => setValues({ ...values, [field]: event.target.value })}
                          />
                          <Field.Hint />
                          <Field.Error />
                        </Field.Root>
                      </Grid.Item>
                    ))}
                  </Grid.Root>
                  <Box>
                    <Button type="submit" loading={busy}>
                      {message('municipalities.create')}
                    </Button>
                  </Box>
                </Flex>
              </form>
            </Box>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

/** Protected before anything loads: an admin without the action sees Strapi's "no permissions" page. */
const MunicipalitiesPage = () => (
  <Page.Protect permissions={PERMISSIONS.readMunicipalities}>
    <MunicipalitiesPageView />
  </Page.Protect>
);

export default MunicipalitiesPage;
