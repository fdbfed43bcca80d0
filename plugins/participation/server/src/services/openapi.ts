import type { Core } from '@strapi/strapi';
import type { OpenAPIV3_1 } from 'openapi-types';
import { buildOpenApiDocument } from '../openapi/document';
import { contentApiDeclarations } from '../routes/content-api';

/** The OpenAPI document of the plugin's content API, built once per process from the route declarations. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let built: OpenAPIV3_1.Document | undefined;
  return {
    document(): OpenAPIV3_1.Document & { paths: OpenAPIV3_1.PathsObject } {
      built ??= buildOpenApiDocument(contentApiDeclarations, strapi.plugin('participation').packageInfo?.version ?? '0.0.0');
      return built as OpenAPIV3_1.Document & { paths: OpenAPIV3_1.PathsObject };
    },
  };
};
