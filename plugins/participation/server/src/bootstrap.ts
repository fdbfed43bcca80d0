import type { Core } from '@strapi/strapi';
import { configureContentManager } from './content-manager/configure';
import { enforceUsernameRule } from './utils/username-rule';
import { getService } from './utils/get-service';
import { mountPortal, type PortalConfig } from '../../portal/src';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  enforceUsernameRule(strapi);
  await getService(strapi, 'role-grants').sync();
  await configureContentManager(strapi);
  await getService(strapi, 'realtime').start();
  await getService(strapi, 'notifications').start();
  mountPortal(strapi, strapi.plugin('participation').config('portal') as PortalConfig);

  if (process.env.PARTICIPATION_DEMO === 'true') {
    const { demoSeed } = await import('../demo/seed');
    const demo = demoSeed(strapi);
    await demo.seed();
    strapi.server.httpServer.once('listening', () => {
      const port = Number(strapi.config.get('server.port'));
      console.log(demo.loginsText(`http://localhost:${port}`));
    });
  }
};
