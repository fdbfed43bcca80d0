import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import {
  Box,
  Button,
  Field,
  Flex,
  MultiSelect,
  MultiSelectOption,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import type {
  AdminPerson,
  AssignRole,
  ListMunicipalities,
  ListRoleHolders,
  Municipality,
  RevokeRole,
  RoleHolder,
  SearchPeople,
} from '../../../shared/contracts';
import { refusalOf } from '../components/api-errors';
import { useMessage } from '../components/message';
import { useCan } from '../components/use-can';
import { PERMISSIONS } from '../plugin-id';

const ROLES = ['municipal-staff', 'moderator', 'cso-facilitator'] as const;

/** Who holds which role where; find a person, give them a role in some municipalities, take it away. */
const PeoplePageView = () => {
  const message = useMessage();
  const { get, post, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const canAssign = useCan(PERMISSIONS.assignRoles);
  const [municipalities, setMunicipalities] = useState<Municipality[]>([]);
  const [holders, setHolders] = useState<RoleHolder[] | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<AdminPerson[] | null>(null);
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<string>('');
  const [codes, setCodes] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const [list, held] = await Promise.all([
        get<ListMunicipalities.Response>('/participation/municipalities'),
        get<ListRoleHolders.Response>('/participation/role-holders'),
      ]);
      setMunicipalities(list.data.data);
      setHolders(held.data.data);
    } catch {
      setLoadFailed(true);
    }
  }, [get]);
  useEffect(() => {
    load();
  }, [load]);

  const refused = (failure: unknown) => {
    const refusal = refusalOf(failure);
    setErrors(refusal.fields);
    toggleNotification({ type: 'danger', message: refusal.message });
  };

  const find = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    try {
      const { data } = await get<SearchPeople.Response>(`/participation/people?search=${encodeURIComponent(search)}`);
      setFound(data.data);
      setUserId(data.data.length === 1 ? String(data.data[0].id) : '');
    } catch (failure) {
      refused(failure);
    }
  };

  const assign = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      const body = { userId: Number(userId), role, municipalityCodes: codes } as AssignRole.Body;
      const { data } = await post<AssignRole.Response>('/participation/role-assignments', body);
      toggleNotification({
        type: 'success',
        message: message('people.assigned', {
          person: data.data.username,
          role: message(`role.${data.data.role}`),
          where: data.data.municipalities.map((m) => m.name).join(', '),
        }),
      });
      setCodes([]);
      await load();
    } catch (failure) {
      refused(failure);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (holder: RoleHolder, municipality: { code: string; name: string }) => {
    try {
      await del<RevokeRole.Response>(`/participation/role-assignments/${holder.id}/${encodeURIComponent(municipality.code)}`);
      toggleNotification({
        type: 'success',
        message: message('people.revoked', { person: holder.username, role: message(`role.${holder.role}`), where: municipality.name }),
      });
      await load();
    } catch (failure) {
      refused(failure);
    }
  };

  if (loadFailed) return <Page.Error />;
  if (!holders) return <Page.Loading />;

  return (
    <Page.Main>
      <Page.Title>{message('people.title')}</Page.Title>
      <Layouts.Header title={message('people.title')} subtitle={message('people.subtitle')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {canAssign && (
            <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
              <Flex direction="column" alignItems="stretch" gap={4}>
                <Typography variant="delta" tag="h2">
                  {message('people.assign')}
                </Typography>
                <form onSubmit={find} noValidate>
                  <Flex gap={2} alignItems="flex-end">
                    <Field.Root name="search" error={errors.search} hint={message('people.searchHint')}>
                      <Field.Label>{message('people.search')}</Field.Label>
                      <TextInput value={search} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setSearch(event.target.value)} />
                      <Field.Hint />
                      <Field.Error />
                    </Field.Root>
                    <Button type="submit" variant="secondary">
                      {message('people.find')}
                    </Button>
                  </Flex>
                </form>
                {found && found.length === 0 && <Typography>{message('people.noneFound')}</Typography>}
                {found && found.length > 0 && (
                  <form onSubmit={assign} noValidate>
                    <Flex direction="column" alignItems="stretch" gap={4}>
                      <Field.Root name="userId" error={errors.userId} required>
                        <Field.Label>{message('people.person')}</Field.Label>
                        <SingleSelect value={userId} onChange={(value: string | number) => setUserId(String(value))}>
                          {found.map((person) => (
                            <SingleSelectOption key={person.id} value={String(person.id)}>
                              {`${person.username} <${person.email}> · ${message(`roleType.${person.roleType ?? 'none'}`)}`}
                            </SingleSelectOption>
                          ))}
                        </SingleSelect>
                        <Field.Error />
                      </Field.Root>
                      <Field.Root name="role" error={errors.role} required>
                        <Field.Label>{message('people.role')}</Field.Label>
                        <SingleSelect value={role} onChange={(value: string | number) => setRole(String(value))}>
                          {ROLES.map((scoped) => (
                            <SingleSelectOption key={scoped} value={scoped}>
                              {message(`role.${scoped}`)}
                            </SingleSelectOption>
                          ))}
                        </SingleSelect>
                        <Field.Error />
                      </Field.Root>
                      <Field.Root name="municipalityCodes" error={errors.municipalityCodes ?? errors['municipalityCodes.0']} required>
                        <Field.Label>{message('people.municipalities')}</Field.Label>
                        <MultiSelect
                          customizeContent={(selected?: string[]) =>
                            (selected ?? []).map((code) => municipalities.find((m) => m.code === code)?.name ?? code).join(', ')
                          }
                          value={codes}
                          onChange={(value: string[]) => setCodes(value)}
                        >
                          {municipalities.map((municipality) => (
                            <MultiSelectOption
                              key={municipality.code}
                              value={municipality.code}
                            >{`${municipality.name} (${municipality.code})`}</MultiSelectOption>
                          ))}
                        </MultiSelect>
                        <Field.Error />
                      </Field.Root>
                      <Box>
                        <Button type="submit" loading={busy}>
                          {message('people.assignButton')}
                        </Button>
                      </Box>
                    </Flex>
                  </form>
                )}
              </Flex>
            </Box>
          )}

          <Box>
            <Typography variant="delta" tag="h2">
              {message('people.holders')}
            </Typography>
          </Box>
          {holders.length === 0 ? (
            <Typography>{message('people.noHolders')}</Typography>
          ) : (
            <Table colCount={3} rowCount={holders.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">{message('people.person')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{message('people.role')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{message('people.municipalities')}</Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {holders.map((holder) => (
                  <Tr key={holder.id}>
                    <Td>
                      <Typography>{`${holder.username} <${holder.email}>`}</Typography>
                    </Td>
                    <Td>
                      <Typography>{message(`role.${holder.role}`)}</Typography>
                    </Td>
                    <Td>
                      <Flex direction="column" alignItems="flex-start" gap={1}>
                        {holder.municipalities.length === 0 && <Typography>{message('people.nowhere')}</Typography>}
                        {holder.municipalities.map((municipality) => (
                          <Flex key={municipality.code} gap={2}>
                            <Typography>{municipality.name}</Typography>
                            {canAssign && (
                              <Button
                                size="S"
                                variant="danger-light"
                                onClick={() => revoke(holder, municipality)}
                                aria-label={message('people.revokeLabel', {
                                  person: holder.username,
                                  role: message(`role.${holder.role}`),
                                  where: municipality.name,
                                })}
                              >
                                {message('people.revoke')}
                              </Button>
                            )}
                          </Flex>
                        ))}
                      </Flex>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

/** Protected before anything loads: an admin without the action sees Strapi's "no permissions" page. */
const PeoplePage = () => (
  <Page.Protect permissions={PERMISSIONS.readMunicipalities}>
    <PeoplePageView />
  </Page.Protect>
);

export default PeoplePage;
