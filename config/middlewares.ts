import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const config: Core.Config.Middlewares = [
  'strapi::logger',
  'strapi::errors',
  // Sets Retry-After on every 429 that names its wait, wherever it was thrown.
  'plugin::participation.retry-after',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  {
    name: 'strapi::body',
    config: {
      // A body that does not parse, or is too large, is the client's mistake: a 400 (413) that says so,
      // not an error logged with a stack trace. Anything else keeps its own handling.
      onError: (error: Error & { status?: number }) => {
        if (error instanceof SyntaxError || error.status === 400) {
          throw new errors.ValidationError(`The request body cannot be read: ${error.message}`);
        }
        if (error.status === 413) throw new errors.PayloadTooLargeError(error.message);
        throw error;
      },
    },
  },
  // NUL bytes and lone surrogates, which no column can store, are refused before any route sees them.
  'plugin::participation.storable-input',
  // Sign-in (per account and address), registration and password routes, counted across instances.
  'plugin::participation.account-throttle',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
