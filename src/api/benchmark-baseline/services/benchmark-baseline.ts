import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::benchmark-baseline.benchmark-baseline');
