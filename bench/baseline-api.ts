/**
 * The plain collection type `npm run bench:ballots` measures Strapi's generic create on, added to the app
 * only while the benchmark runs: the app itself has no such content type, and no role may use it
 * until the benchmark grants `create`.
 */
import type { Core } from '@strapi/strapi';

const API_NAME = 'benchmark-baseline';
export const BASELINE_UID = `api::${API_NAME}.${API_NAME}`;
export const BASELINE_PATH = '/api/benchmark-baselines';

export const addBaselineApi = (strapi: Core.Strapi) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- Strapi loads only after the benchmark set the environment
  const { factories } = require('@strapi/strapi') as typeof import('@strapi/strapi');
  strapi.get('apis').add(API_NAME, {
    contentTypes: {
      [API_NAME]: {
        schema: {
          kind: 'collectionType',
          collectionName: 'benchmark_baselines',
          apiName: API_NAME,
          globalId: 'BenchmarkBaseline',
          info: { singularName: API_NAME, pluralName: 'benchmark-baselines', displayName: 'Benchmark baseline' },
          options: { draftAndPublish: false },
          attributes: { label: { type: 'string' }, payload: { type: 'json' } },
        },
        actions: {},
        lifecycles: {},
      },
    },
    controllers: { [API_NAME]: factories.createCoreController(BASELINE_UID) },
    services: { [API_NAME]: factories.createCoreService(BASELINE_UID) },
    routes: { [API_NAME]: factories.createCoreRouter(BASELINE_UID, { only: ['create'] }) },
  });
};
