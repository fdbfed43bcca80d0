import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::benchmark-baseline.benchmark-baseline', { only: ['create'] });
