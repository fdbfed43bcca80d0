import type { TestApp } from '../harness/app';
import type { TestPerson } from '../harness/people';
import { bootWithMunicipality } from '../harness/fixtures';
import type { BudgetLine } from '../../plugins/participation/shared/contracts';

/** The import reads each file's decimal separator from its amounts and touches only the columns the file has. */
let app: TestApp;
let staff: TestPerson;
const base = '/api/participation/municipalities/SHK/budget-lines';

beforeAll(async () => ({ app, staff } = await bootWithMunicipality('SHK', 'Shkodër')));
afterAll(() => app?.close());

const importCsv = (csv: string, query = '') => app.http().post(`${base}/import?${query}`).set(staff.auth).send({ csv });
const lineNamed = async (code: string) =>
  (await app.http().get('/api/participation/budget-lines?municipality=SHK&fiscalYear=2026')).body.data.find((line: BudgetLine) => line.code === code);

describe('the decimal separator', () => {
  // Which notation shows which separator is the domain's (money/amount.test.ts); here, that the import applies it.
  it('is read from the amounts when not stated', async () => {
    const csv = 'fiscal_year;code;name;approved\n2026;SEP-1;Line;"1 000 000,00"\n2026;SEP-2;Other;250\n';
    const dry = await importCsv(csv, 'dryRun=true');
    expect(dry.body.data).toMatchObject({ valid: true, decimalSeparator: ',', problems: [] });
    expect((await importCsv(csv)).status).toBe(200);
    expect((await lineNamed('SEP-1')).amounts.approved).toBe('1000000.00');
  });

  it('refuses a file whose amounts disagree, naming the line and column, until the separator is stated', async () => {
    const csv = 'fiscal_year;code;name;approved;revised\n2026;MIX-1;Line;1.250,50;\n2026;MIX-2;Other;100;"1,250.50"\n';
    const dry = await importCsv(csv, 'dryRun=true');
    expect(dry.body.data.valid).toBe(false);
    expect(dry.body.data.problems).toEqual([
      { line: 3, field: 'revised', message: expect.stringMatching(/"1,250\.50" has "\." as decimal separator, but line 2, approved \("1\.250,50"\) has ","; state decimalSeparator/) },
    ]);
    expect((await importCsv(csv)).status).toBe(400);
    expect(await lineNamed('MIX-1')).toBeUndefined();
  });

  it('a stated separator that the amounts contradict is an error, never a hundredfold amount', async () => {
    const dry = await importCsv('fiscal_year;code;name;approved\n2026;WRONG-1;Line;1 000 000,00\n', 'dryRun=true&decimalSeparator=.');
    expect(dry.body.data).toMatchObject({ valid: false, problems: [{ line: 2, field: 'approved', message: expect.stringMatching(/not a number/) }] });
  });
});

describe('updating existing lines', () => {
  const FULL = [
    'fiscal_year;code;name;programme;functional_classification;approved;revised;committed;spent;gender_marker;youth_marker;sdg_targets',
    '2026;1040-01;Home care;Social care plan;10.2;12 500 000,00;13 000 000,50;4 000 000,00;1 250 000,25;closes_gender_gaps;none;1.3 10.2',
  ].join('\n');

  // Each test starts from the full line: the import puts every column back as FULL has it.
  beforeEach(async () => {
    expect((await importCsv(FULL)).status).toBe(200);
  });

  it('the dry run shows the old and new value of every changed field', async () => {
    const changed = FULL.replace('Home care;', 'Home care for older people;').replace('13 000 000,50', '13 100 000,00').replace(';none;1.3 10.2', ';significant;1.3');
    const dry = await importCsv(changed, 'dryRun=true');
    expect(dry.body.data.changes).toEqual([
      {
        line: 2, code: '1040-01', fiscalYear: 2026, action: 'update',
        fields: ['name', 'revisedMinor', 'youthMarker', 'sdgTargets'],
        diff: [
          { field: 'name', old: 'Home care', new: 'Home care for older people' },
          { field: 'revisedMinor', old: '13000000.50', new: '13100000.00' },
          { field: 'youthMarker', old: 'none', new: 'significant' },
          { field: 'sdgTargets', old: ['1.3', '10.2'], new: ['1.3'] },
        ],
      },
    ]);
  });

  it('leaves the columns the file lacks as they are', async () => {
    const csv = 'fiscal_year;code;name;approved\n2026;1040-01;Home care at home;12 500 000,00\n';
    const dry = await importCsv(csv, 'dryRun=true');
    expect(dry.body.data.changes).toEqual([
      { line: 2, code: '1040-01', fiscalYear: 2026, action: 'update', fields: ['name'], diff: [{ field: 'name', old: 'Home care', new: 'Home care at home' }] },
    ]);
    expect((await importCsv(csv)).status).toBe(200);
    expect(await lineNamed('1040-01')).toMatchObject({
      name: 'Home care at home',
      programme: 'Social care plan',
      functionalClassification: '10.2',
      amounts: { approved: '12500000.00', revised: '13000000.50', committed: '4000000.00', spent: '1250000.25' },
      genderMarker: 'closes_gender_gaps',
      sdgTargets: ['1.3', '10.2'],
    });
  });
});
