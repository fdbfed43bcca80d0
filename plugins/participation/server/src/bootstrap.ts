import type { Core } from '@strapi/strapi';
import { enforceUsernameRule } from './utils/username-rule';
import { getService } from './utils/get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = strapi.plugin('participation');
  enforceUsernameRule(strapi);
  await getService(strapi, 'role-grants').sync();
  await getService(strapi, 'realtime').start();

  if (process.env.PARTICIPATION_DEMO === 'true') {
    await plugin.service('demo-seed').seed();
    strapi.server.httpServer.once('listening', () => {
      const port = Number(strapi.config.get('server.port'));
      console.log(plugin.service('demo-seed').loginsText(`http://localhost:${port}`));
    });
  }
};
