import { createElement as h, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { OpenAPIV3_1 } from 'openapi-types';

const METHODS = ['get', 'post', 'put', 'delete'] as const;

const json = (value: unknown) => h('pre', null, JSON.stringify(value, null, 2));

const operationSection = (path: string, method: string, operation: OpenAPIV3_1.OperationObject): ReactNode => {
  const parameters = (operation.parameters ?? []) as OpenAPIV3_1.ParameterObject[];
  const body = (operation.requestBody as OpenAPIV3_1.RequestBodyObject | undefined)?.content?.['application/json']?.schema;
  const [status, success] = Object.entries(operation.responses ?? {}).find(([code]) => code.startsWith('2')) ?? [];
  const successBody = (success as OpenAPIV3_1.ResponseObject | undefined)?.content;
  return h(
    'section',
    { key: `${method} ${path}`, id: operation.operationId },
    h('h3', null, h('code', null, `${method.toUpperCase()} /api${path}`)),
    h('p', null, operation.summary),
    h('p', null, operation.description),
    parameters.length > 0 &&
      h(
        'table',
        null,
        h('caption', null, 'Parameters'),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'In'), h('th', { scope: 'col' }, 'Required'), h('th', { scope: 'col' }, 'Schema'))),
        h(
          'tbody',
          null,
          parameters.map((parameter) =>
            h('tr', { key: `${parameter.in} ${parameter.name}` }, h('td', null, h('code', null, parameter.name)), h('td', null, parameter.in), h('td', null, parameter.required ? 'yes' : 'no'), h('td', null, h('code', null, JSON.stringify(parameter.schema))))
          )
        )
      ),
    body && h('details', null, h('summary', null, 'Request body (application/json)'), json(body)),
    successBody &&
      Object.entries(successBody).map(([mediaType, content]) =>
        h('details', { key: mediaType }, h('summary', null, `Answer ${status} (${mediaType})`), json(content.schema))
      ),
    status === '204' && h('p', null, 'Answer 204, no content.')
  );
};

/**
 * The OpenAPI document as a plain page: every operation grouped by resource, with who may call it, its
 * parameters and its schemas. No script: it reads the same on any phone and with a screen reader.
 */
export const renderApiReference = (document: OpenAPIV3_1.Document): string => {
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((method) => item?.[method]).map((method) => ({ path, method, operation: item![method]! }))
  );
  const tags = [...new Set(operations.map(({ operation }) => operation.tags?.[0] ?? 'other'))];
  const page = h(
    'html',
    { lang: 'en' },
    h('head', null, h('meta', { charSet: 'utf-8' }), h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }), h('title', null, `${document.info.title}: reference`)),
    h(
      'body',
      null,
      h(
        'main',
        null,
        h('h1', null, `${document.info.title} ${document.info.version}`),
        h('p', null, document.info.description),
        h('p', null, 'The machine-readable document: ', h('a', { href: 'openapi.json' }, 'openapi.json'), ' (OpenAPI 3.1).'),
        h('nav', { 'aria-label': 'Resources' }, h('ul', null, tags.map((tag) => h('li', { key: tag }, h('a', { href: `#${tag}` }, tag))))),
        tags.map((tag) =>
          h(
            'section',
            { key: tag, id: tag },
            h('h2', null, tag),
            operations.filter(({ operation }) => (operation.tags?.[0] ?? 'other') === tag).map(({ path, method, operation }) => operationSection(path, method, operation))
          )
        )
      )
    )
  );
  return `<!doctype html>${renderToStaticMarkup(page)}`;
};
