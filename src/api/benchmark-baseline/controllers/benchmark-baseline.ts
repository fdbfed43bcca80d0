import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::benchmark-baseline.benchmark-baseline');
