import type { ContentApiAction } from '../../domain/access/rules';

const route = (method: string, path: string, action: ContentApiAction) => ({
  method,
  path,
  handler: action,
  config: { policies: [{ name: 'plugin::participation.has-access', config: { action } }] },
});

/**
 * Public reads sit at the top level; every write is nested under the municipality it acts in, so the
 * scope check needs nothing but the path.
 */
export const contentApiRoutes = [
  route('GET', '/municipalities', 'municipality.find'),
  route('GET', '/municipalities/:municipalityCode', 'municipality.findOne'),
  route('GET', '/budget-lines', 'budget-line.find'),
  route('GET', '/budget-lines/:documentId', 'budget-line.findOne'),
  route('POST', '/municipalities/:municipalityCode/budget-lines', 'budget-line.create'),
  route('PUT', '/municipalities/:municipalityCode/budget-lines/:documentId', 'budget-line.update'),
  route('DELETE', '/municipalities/:municipalityCode/budget-lines/:documentId', 'budget-line.delete'),
  route('POST', '/municipalities/:municipalityCode/budget-lines/import', 'budget-line.import'),
  route('GET', '/me', 'me.find'),
];

export default { type: 'content-api' as const, routes: contentApiRoutes };
