import { useEffect, useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import {
  Alert,
  Box,
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import type { ApiError, DecimalSeparator, ImportBudgetLines, ListMunicipalities } from '../../../shared/contracts';
import { groupedAmount } from '../components/amounts';
import { PERMISSIONS, t } from '../plugin-id';

type Report = ImportBudgetLines.Report;

const shown = (value: string | string[] | null) => (value === null ? '—' : Array.isArray(value) ? value.join(' ') || '—' : value);

/** An amount field's value grouped with its currency; what is not an amount, as it is. */
const amount = (value: string | string[] | null, currency: string) =>
  typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? groupedAmount(value, currency) : shown(value);

const AMOUNT_FIELDS = new Set(['approvedMinor', 'revisedMinor', 'committedMinor', 'spentMinor']);

/** A table of the import report (its problems, or its changes): a heading row, then one row per entry. */
const ReportTable = ({ headings, rows, children }: { headings: string[]; rows: number; children: ReactNode }) => (
  <Table colCount={headings.length} rowCount={rows + 1}>
    <Thead>
      <Tr>
        {headings.map((heading) => (
          <Th key={heading}><Typography variant="sigma">{heading}</Typography></Th>
        ))}
      </Tr>
    </Thead>
    <Tbody>{children}</Tbody>
  </Table>
);

/** Staff check a finance-office CSV, see every problem by line and column, then import it whole. */
const BudgetLineImportPage = () => {
  const { formatMessage } = useIntl();
  const { get, post } = useFetchClient();
  const [municipalities, setMunicipalities] = useState<ListMunicipalities.Response['data']>([]);
  const [municipalityCode, setMunicipalityCode] = useState<string>('');
  const currency = municipalities.find((municipality) => municipality.code === municipalityCode)?.currency ?? '';
  // '' lets the server read the separator from the file's amounts.
  const [decimalSeparator, setDecimalSeparator] = useState<'' | DecimalSeparator>('');
  const [csv, setCsv] = useState<string>('');
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    get<ListMunicipalities.Response>('/participation/municipalities').then(({ data }) => setMunicipalities(data.data));
  }, [get]);

  const send = async (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const { data } = await post<ImportBudgetLines.Response>(
        `/participation/municipalities/${municipalityCode}/budget-lines/import?dryRun=${dryRun}${decimalSeparator ? `&decimalSeparator=${encodeURIComponent(decimalSeparator)}` : ''}`,
        { csv }
      );
      setReport(data.data);
    } catch (failure) {
      // useFetchClient's FetchError: a refused import answers with its report in the error's details.
      const details = (failure as { response?: { data?: ApiError<Partial<Report>> } } | null)?.response?.data?.error;
      setReport(details?.details?.problems ? (details.details as Report) : null);
      setError(details?.message ?? String(failure));
    } finally {
      setBusy(false);
    }
  };

  const message = (id: string, values?: Record<string, number>) => formatMessage({ id: t(id), defaultMessage: id }, values);

  return (
    <Page.Protect permissions={PERMISSIONS.importBudgetLines}>
      <Page.Main>
        <Page.Title>{message('import.title')}</Page.Title>
        <Layouts.Header title={message('import.title')} subtitle={message('import.subtitle')} />
        <Layouts.Content>
          <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <Field.Root name="municipality" required>
                <Field.Label>{message('import.municipality')}</Field.Label>
                <SingleSelect value={municipalityCode} onChange={(value: string | number) => setMunicipalityCode(String(value))}>
                  {municipalities.map((municipality) => (
                    <SingleSelectOption key={municipality.code} value={municipality.code}>
                      {`${municipality.name} (${municipality.code})`}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
              <Field.Root name="decimalSeparator">
                <Field.Label>{message('import.decimalSeparator')}</Field.Label>
                <SingleSelect value={decimalSeparator} onChange={(value: string | number) => setDecimalSeparator(value as '' | DecimalSeparator)}>
                  <SingleSelectOption value="">{message('import.decimalSeparatorDetect')}</SingleSelectOption>
                  <SingleSelectOption value=",">{'1 250 000,50'}</SingleSelectOption>
                  <SingleSelectOption value=".">{'1,250,000.50'}</SingleSelectOption>
                </SingleSelect>
              </Field.Root>
              <Field.Root name="file" required>
                <Field.Label>{message('import.file')}</Field.Label>
                {/* A native file input: the design system has none, and Field.Label names only its own inputs. */}
                <input
                  type="file"
                  aria-label={message('import.file')}
                  accept=".csv,text/csv"
                  onChange={async (event) => {
                    setReport(null);
                    // Until the new file is read, Check must not send the one chosen before it.
                    setCsv('');
                    setCsv((await event.target.files?.[0]?.text()) ?? '');
                  }}
                />
              </Field.Root>
              <Flex gap={2}>
                <Button variant="secondary" disabled={!csv || !municipalityCode || busy} onClick={() => send(true)}>
                  {message('import.check')}
                </Button>
                <Button disabled={!report?.valid || !report.dryRun || busy} onClick={() => send(false)}>
                  {message('import.run')}
                </Button>
              </Flex>
            </Flex>
          </Box>

          {report && (
            <Box paddingTop={6}>
              <Alert
                closeLabel={message('close')}
                variant={report.valid ? 'success' : 'danger'}
                title={
                  !report.valid
                    ? message('import.invalid', { count: report.problems.length })
                    : message(report.dryRun ? 'import.valid' : 'import.done', {
                        created: report.created,
                        updated: report.updated,
                        unchanged: report.unchanged,
                      })
                }
              >
                {error ?? ''}
              </Alert>
              {report.problems.length > 0 && (
                <ReportTable headings={[message('import.line'), message('import.field'), message('import.problem')]} rows={report.problems.length}>
                  {report.problems.map((problem, index) => (
                    <Tr key={index}>
                      <Td><Typography>{problem.line}</Typography></Td>
                      <Td><Typography>{problem.field}</Typography></Td>
                      <Td><Typography>{problem.message}</Typography></Td>
                    </Tr>
                  ))}
                </ReportTable>
              )}
              {report.valid && report.changes.length > 0 && (
                <ReportTable
                  headings={[message('import.line'), message('import.budgetLine'), message('import.field'), message('import.old'), message('import.new')]}
                  rows={report.changes.reduce((rows, change) => rows + Math.max(1, change.diff?.length ?? 0), 0)}
                >
                  {report.changes.flatMap((change) =>
                    change.action === 'create' || !change.diff?.length
                      ? [
                          <Tr key={change.line}>
                            <Td><Typography>{change.line}</Typography></Td>
                            <Td><Typography>{`${change.fiscalYear} ${change.code}`}</Typography></Td>
                            <Td colSpan={3}><Typography>{message(change.action === 'create' ? 'import.created' : 'import.unchanged')}</Typography></Td>
                          </Tr>,
                        ]
                      : change.diff.map(({ field, old, new: value }) => (
                          <Tr key={`${change.line}-${field}`}>
                            <Td><Typography>{change.line}</Typography></Td>
                            <Td><Typography>{`${change.fiscalYear} ${change.code}`}</Typography></Td>
                            <Td><Typography>{message(`budgetLineField.${field}`)}</Typography></Td>
                            <Td><Typography>{AMOUNT_FIELDS.has(field) ? amount(old, currency) : shown(old)}</Typography></Td>
                            <Td><Typography fontWeight="bold">{AMOUNT_FIELDS.has(field) ? amount(value, currency) : shown(value)}</Typography></Td>
                          </Tr>
                        ))
                  )}
                </ReportTable>
              )}
            </Box>
          )}
          {error && !report && (
            <Box paddingTop={6}>
              <Alert closeLabel={message('close')} variant="danger" title={message('import.title')}>
                {error}
              </Alert>
            </Box>
          )}
        </Layouts.Content>
      </Page.Main>
    </Page.Protect>
  );
};

export default BudgetLineImportPage;
