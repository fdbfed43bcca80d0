import SwaggerParser from '@apidevtools/swagger-parser';
import { contentApiDeclarations } from '../routes/content-api';
import { buildOpenApiDocument, openApiPath } from './document';

const document = buildOpenApiDocument(contentApiDeclarations, '1.0.0');

describe('the OpenAPI document of the content API', () => {
  it('passes a standard OpenAPI validator', async () => {
    // The validator dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it('has one operation per declared route, each with a unique id', () => {
    const operations = Object.values(document.paths ?? {}).flatMap((item) => Object.values(item ?? {}));
    expect(operations).toHaveLength(contentApiDeclarations.length);
    expect(new Set(operations.map((operation) => (operation as { operationId: string }).operationId)).size).toBe(contentApiDeclarations.length);
  });

  it('declares every path parameter of every route', () => {
    const mismatched = contentApiDeclarations
      .filter((declaration) => {
        const inPath = [...declaration.path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1]).sort();
        return inPath.join() !== Object.keys(declaration.params?.shape ?? {}).sort().join();
      })
      .map((declaration) => `${declaration.method} ${declaration.path}`);
    expect(mismatched).toEqual([]);
  });

  it('describes a request as the client writes it and an answer as the server sends it', () => {
    const list = document.paths![openApiPath('/municipalities')]!.get!;
    expect(list.parameters).toContainEqual(expect.objectContaining({ name: 'page', in: 'query', required: false }));
    const one = document.paths![openApiPath('/municipalities/:municipalityCode')]!.get!;
    expect(one.description).toBe('Who may call it: anyone, signed in or not.');
    expect(one.parameters).toEqual([expect.objectContaining({ name: 'municipalityCode', in: 'path', required: true })]);
    expect(one.responses!['200']).toMatchObject({ content: { 'application/json': { schema: { type: 'object', required: ['data'] } } } });
    expect(one.responses!['401']).toBeUndefined();
  });

  it('says which status a success has and that a signed-in route needs a token', () => {
    const create = document.paths![openApiPath('/municipalities/:municipalityCode/budget-lines')]!.post!;
    expect(Object.keys(create.responses!)).toContain('201');
    expect(create.security).toEqual([{ bearerAuth: [] }]);
    expect(create.requestBody).toBeDefined();
    const remove = document.paths![openApiPath('/municipalities/:municipalityCode/budget-lines/:documentId')]!.delete!;
    expect(remove.responses!['204']).toEqual({ description: 'Done; no content' });
  });
});
