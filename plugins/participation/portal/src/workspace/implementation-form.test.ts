import { checkImplementation, implementationValuesOf, milestoneField } from './implementation-form';

const row = (index: number, fields: Record<string, string>) => Object.fromEntries(Object.entries(fields).map(([field, value]) => [milestoneField(index, field as 'title'), value]));

describe('the implementation form', () => {
  it('sends the rows filled in and not ticked off, leaving out the blank row for adding', () => {
    const values = implementationValuesOf({
      progressPercent: '40',
      spent: '1000.50',
      milestoneRows: '3',
      ...row(0, { title: 'Design', dueDate: '2026-04-01', status: 'done', doneDate: '2026-03-28', remove: 'yes' }),
      ...row(1, { title: 'Repairs', dueDate: '2026-07-01', status: 'in_progress' }),
      ...row(2, { title: '', dueDate: '', status: 'planned' }),
    });
    expect(checkImplementation(values)).toEqual({
      update: { progressPercent: 40, spent: '100050', milestones: [{ title: 'Repairs', dueDate: '2026-07-01', status: 'in_progress', doneDate: null }] },
    });
  });

  it('puts an error in the n-th milestone sent beside the row it came from', () => {
    const values = implementationValuesOf({
      progressPercent: '101',
      spent: '',
      milestoneRows: '3',
      ...row(0, { title: 'Gone', dueDate: 'soon', status: 'planned', remove: 'yes' }),
      ...row(1, { title: 'Kept', dueDate: 'soon', status: 'done' }),
      ...row(2, { title: '', dueDate: '', status: 'planned' }),
    });
    expect(checkImplementation(values)).toEqual({
      errors: {
        progressPercent: 'wsImplementation.error.progressPercent',
        spent: 'wsImplementation.error.spent',
        [milestoneField(1, 'dueDate')]: 'wsImplementation.error.dueDate',
        [milestoneField(1, 'doneDate')]: 'wsImplementation.error.doneDate',
      },
    });
  });

  it('reads no more rows than the API takes, whatever the form claims', () => {
    expect(implementationValuesOf({ milestoneRows: '100000' }).milestones).toHaveLength(101);
    expect(implementationValuesOf({ milestoneRows: '-3' }).milestones).toHaveLength(0);
  });
});
