import type { Core } from '@strapi/strapi';
import { enforceUsernameRule } from './utils/username-rule';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = strapi.plugin('participation');
  enforceUsernameRule(strapi);
  await plugin.service('role-grants').sync();
  await plugin.service('realtime').start();

  if (process.env.PARTICIPATION_DEMO === 'true') {
    await plugin.service('demo-seed').seed();
    strapi.server.httpServer.once('listening', () => {
      const port = Number(strapi.config.get('server.port'));
      console.log(plugin.service('demo-seed').loginsText(`http://localhost:${port}`));
    });
  }
};
