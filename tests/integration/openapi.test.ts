import { bootApp, type TestApp } from '../harness/app';
import { openApiPath } from '../../plugins/participation/server/src/openapi/document';

/**
 * The OpenAPI document is served, covers every content-API route the app registers (the document itself is
 * validated in plugins/participation/server/src/openapi/document.test.ts).
 * Response conformance is checked in every integration suite: the harness turns on
 * `contentApi.checkResponses`, so an answer that strays from its declared schema is a 500 there.
 */
let app: TestApp;

beforeAll(async () => {
  app = await bootApp();
});

afterAll(async () => {
  await app?.close();
});

const registeredRoutes = () =>
  (app.strapi.plugin('participation').routes as Record<string, { type: string; routes: Array<{ method: string; path: string; config?: { declaration?: unknown } }> }>)['content-api'].routes;

describe('OpenAPI document', () => {
  it('is served as JSON, OpenAPI 3.1', async () => {
    const response = await app.http().get('/api/participation/openapi.json').expect(200);
    expect(response.body.openapi).toMatch(/^3\.1\./);
    expect(response.body.info.title).toBe('Civic participation API');
  });

  it('declares every content-API route of the plugin and documents each one', async () => {
    const { body: document } = await app.http().get('/api/participation/openapi.json').expect(200);
    const undeclared = registeredRoutes().filter((route) => !route.config?.declaration).map((route) => `${route.method} ${route.path}`);
    expect(undeclared).toEqual([]);
    const missing = registeredRoutes()
      .filter((route) => !document.paths[openApiPath(route.path)]?.[route.method.toLowerCase()])
      .map((route) => `${route.method} ${route.path}`);
    expect(missing).toEqual([]);
    expect(Object.values(document.paths).flatMap((item) => Object.keys(item as object))).toHaveLength(registeredRoutes().length);
  });

  it('says for each operation who may call it and what a success answers', async () => {
    const { body: document } = await app.http().get('/api/participation/openapi.json').expect(200);
    const created = document.paths['/participation/municipalities/{municipalityCode}'].get;
    expect(created.description).toContain('anyone, signed in or not');
    expect(created.responses['200'].content['application/json'].schema).toBeDefined();
    expect(created.parameters).toEqual([expect.objectContaining({ name: 'municipalityCode', in: 'path', required: true })]);
  });

  it('is readable as a page without scripts', async () => {
    const response = await app.http().get('/api/participation/openapi').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.text).toContain('<h1>Civic participation API');
    expect(response.text).toContain('GET /api/participation/municipalities/{municipalityCode}');
    expect(response.text).not.toContain('<script');
  });
});

describe('request validation from the declaration', () => {
  it('refuses an unknown query parameter and a bad path parameter, naming them', async () => {
    const unknown = await app.http().get('/api/participation/municipalities?colour=red').expect(400);
    expect(unknown.body.error.message).toBe('Invalid query: colour: unknown query parameter colour');
    const tooLong = await app.http().get(`/api/participation/municipalities/${'x'.repeat(40)}`).expect(400);
    expect(tooLong.body.error.message).toMatch(/^Invalid path: municipalityCode: /);
  });
});
