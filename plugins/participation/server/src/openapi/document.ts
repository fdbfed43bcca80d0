import { z } from 'zod';
import type { OpenAPIV3_1 } from 'openapi-types';
import { ACCESS_RULES } from '../domain/access/rules';
import { describeAccess } from '../domain/access/describe-access';
import type { RouteDeclaration } from '../routes/content-api/declare-route';

/** Where the plugin's content API is mounted under Strapi's `/api`. */
const PREFIX = '/participation';

/** `/municipalities/:municipalityCode` as OpenAPI writes it. */
export const openApiPath = (path: string) => `${PREFIX}${path.replace(/:([A-Za-z]+)/g, '{$1}')}`;

type JsonSchema = OpenAPIV3_1.SchemaObject;

/**
 * Requests are described as the client writes them (`io: 'input'`: a query flag is the string "true",
 * a defaulted field is optional), answers as the server sends them (`io: 'output'`). What JSON Schema
 * cannot say (a transform, a refinement) is left open rather than refused.
 */
const jsonSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest as JsonSchema;
};

const parametersOf = (schema: z.ZodObject | undefined, location: 'path' | 'query'): OpenAPIV3_1.ParameterObject[] => {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input');
  const required = new Set(object.required ?? []);
  return Object.entries(object.properties ?? {}).map(
    ([name, property]): OpenAPIV3_1.ParameterObject => ({
      name,
      in: location,
      required: location === 'path' || required.has(name),
      // openapi-types types a parameter's schema by OpenAPI 3.0's rules; 3.1 takes any JSON Schema.
      schema: property as OpenAPIV3_1.ParameterObject['schema'],
    })
  );
};

const ERROR_REF = { $ref: '#/components/schemas/Error' } as const;
const errorAnswer = (description: string): OpenAPIV3_1.ResponseObject => ({ description, content: { 'application/json': { schema: ERROR_REF } } });

const answersOf = (declaration: RouteDeclaration): OpenAPIV3_1.ResponsesObject => {
  const status = String(declaration.status ?? 200);
  const success: OpenAPIV3_1.ResponseObject =
    declaration.status === 204
      ? { description: 'Done; no content' }
      : { description: 'Success', content: { [declaration.produces ?? 'application/json']: { schema: jsonSchema(declaration.response, 'output') } } };
  const rule = ACCESS_RULES[declaration.action];
  return {
    [status]: success,
    '400': errorAnswer('Bad input: `error.details.errors` names every bad field'),
    ...(rule.audience === 'public' && !declaration.privateResources ? {} : { '401': errorAnswer('Sign in to do this'), '403': errorAnswer('Refused: `error.details.refusedBy` names the rule') }),
    '404': errorAnswer('Not found'),
    ...(declaration.method === 'GET' ? {} : { '409': errorAnswer('Conflicts with the current state (e.g. a phase that does not allow it)') }),
    '429': errorAnswer('Too many requests; `Retry-After` says when to try again'),
  };
};

const operationOf = (declaration: RouteDeclaration): OpenAPIV3_1.OperationObject => {
  const rule = ACCESS_RULES[declaration.action];
  return {
    operationId: declaration.action,
    summary: declaration.summary,
    description: `Who may call it: ${describeAccess(rule)}.`,
    tags: [declaration.action.split('.')[0]],
    // Public routes take a token too (a signed-in caller may see more); the others require one.
    security: rule.audience === 'public' ? [{}, { bearerAuth: [] }] : [{ bearerAuth: [] }],
    parameters: [...parametersOf(declaration.params, 'path'), ...parametersOf(declaration.query, 'query')],
    ...(declaration.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(declaration.body, 'input') } } } } : {}),
    responses: answersOf(declaration),
  };
};

/** The OpenAPI 3.1 document of the content API, from the routes' declarations and the access table. */
export const buildOpenApiDocument = (declarations: readonly RouteDeclaration[], version: string): OpenAPIV3_1.Document => {
  const paths: OpenAPIV3_1.PathsObject = {};
  for (const declaration of declarations) {
    const path = openApiPath(declaration.path);
    paths[path] = { ...paths[path], [declaration.method.toLowerCase()]: operationOf(declaration) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Civic participation API',
      version,
      description:
        'Budgets, participatory budgeting rounds, proposals, ballots, decisions, forums, dialogue groups, meetings and consultations. ' +
        "Errors have Strapi's shape, `{ data: null, error: { status, name, message, details } }`.",
    },
    servers: [{ url: '/api' }],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The `jwt` that `POST /api/auth/local` answers' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['data', 'error'],
          properties: {
            data: { type: 'null' },
            error: {
              type: 'object',
              required: ['status', 'name', 'message'],
              properties: { status: { type: 'integer' }, name: { type: 'string' }, message: { type: 'string' }, details: {} },
            },
          },
        },
      },
    },
  };
};
