import type { StrapiApp } from '@strapi/strapi/admin';
import { Earth } from '@strapi/icons';
import { ANY_PERMISSION, PLUGIN_ID, t } from './plugin-id';

const prefixKeys = (messages: Record<string, string>) =>
  Object.fromEntries(Object.entries(messages).map(([key, value]) => [t(key), value]));

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Earth,
      intlLabel: { id: t('plugin.name'), defaultMessage: 'Participation' },
      // Shown to an admin holding any of the plugin's actions; each screen checks its own.
      permissions: ANY_PERMISSION,
      Component: () => import('./pages/App'),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          return { data: prefixKeys(data), locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};
