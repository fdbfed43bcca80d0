import { givenFilters } from './list-filters';

describe('givenFilters', () => {
  const columns = { municipality: 'municipality_code', attachedKind: 'attached_kind', attachedTo: 'attached_document_id' };

  it('turns each given parameter into its column', () => {
    expect(givenFilters({ municipality: 'tirana', attachedKind: 'round' }, columns)).toEqual({ municipality_code: 'tirana', attached_kind: 'round' });
  });

  it('leaves out parameters not given or empty, and parameters no column is named for', () => {
    expect(givenFilters({ municipality: '', attachedTo: undefined, page: 2 }, columns)).toEqual({});
  });
});
