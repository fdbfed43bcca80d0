import { AMOUNT_FIELD_UID } from '../constants/custom-fields';
import { applyPluginLayout, amountFields, type ContentManagerConfiguration } from './plugin-layout';

const attributes = { title: { type: 'string' }, phase: { type: 'enumeration' }, result: { type: 'json' }, totalBudgetMinor: { type: 'biginteger', customField: AMOUNT_FIELD_UID }, reportCount: { type: 'biginteger' }, notes: { type: 'text' } };
const configuration = (): ContentManagerConfiguration => ({
  settings: { mainField: 'id', pageSize: 10 },
  metadatas: { phase: { edit: { label: 'phase', editable: true, visible: true } }, notes: { edit: { label: 'My own label' } } },
  layouts: { list: ['id', 'title', 'result', 'totalBudgetMinor', 'reportCount'], edit: [[{ name: 'title', size: 6 }, { name: 'phase', size: 6 }], [{ name: 'result', size: 12 }], [{ name: 'notes', size: 12 }]] },
});

describe('the plugin’s Content Manager layout', () => {
  it('names entries by their title, makes plugin-owned fields read-only and drops hidden ones from both views', () => {
    const next = applyPluginLayout(configuration(), { mainField: 'title', readOnly: ['phase'], hidden: ['result'] }, attributes);
    expect(next.settings).toEqual({ mainField: 'title', pageSize: 10 });
    expect(next.metadatas.phase.edit).toMatchObject({ label: 'phase', editable: false, visible: true });
    expect(next.metadatas.result.edit).toMatchObject({ visible: false, editable: false });
    expect(next.layouts.list).toEqual(['id', 'title', 'reportCount']);
    expect(next.layouts.edit).toEqual([[{ name: 'title', size: 6 }, { name: 'phase', size: 6 }], [{ name: 'notes', size: 12 }]]);
  });

  it('keeps what an administrator set up elsewhere, and applying twice changes nothing more', () => {
    const once = applyPluginLayout(configuration(), { mainField: 'title', readOnly: ['phase'], hidden: ['result'] }, attributes);
    expect(once.metadatas.notes.edit).toEqual({ label: 'My own label' });
    expect(applyPluginLayout(once, { mainField: 'title', readOnly: ['phase'], hidden: ['result'] }, attributes)).toEqual(once);
  });

  it('labels the amount fields by what they hold, keeps them out of lists (which would show minor units), and leaves other big integers alone', () => {
    expect(amountFields(attributes)).toEqual(['totalBudgetMinor']);
    const next = applyPluginLayout(configuration(), {}, attributes);
    expect(next.metadatas.totalBudgetMinor.edit).toMatchObject({ label: 'Total budget', description: expect.stringContaining('municipality’s currency') });
    expect(next.metadatas.reportCount).toBeUndefined();
    expect(next.layouts.list).toEqual(['id', 'title', 'result', 'reportCount']);
  });

  it('ignores fields the content type does not have, rather than inventing them', () => {
    const next = applyPluginLayout(configuration(), { mainField: 'name', readOnly: ['status'] }, attributes);
    expect(next.settings.mainField).toBe('id');
    expect(next.metadatas.status).toBeUndefined();
  });
});
