import { z } from 'zod';
import { declareRoute } from './declare-route';

export const openApiRoutes = {
  document: declareRoute({
    method: 'GET',
    path: '/openapi.json',
    action: 'openapi.document',
    summary: 'This API as an OpenAPI 3.1 document (generate a typed client from it)',
    response: z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.record(z.string(), z.unknown()) }),
  }),
  page: declareRoute({
    method: 'GET',
    path: '/openapi',
    action: 'openapi.page',
    summary: 'This API as a readable page',
    response: z.string(),
    produces: 'text/html',
  }),
};
