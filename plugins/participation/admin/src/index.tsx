import type { StrapiApp } from '@strapi/strapi/admin';
import { Upload } from '@strapi/icons';
import { IMPORT_BUDGET_LINES_PERMISSION, PLUGIN_ID, t } from './plugin-id';

const prefixKeys = (messages: Record<string, string>) =>
  Object.fromEntries(Object.entries(messages).map(([key, value]) => [t(key), value]));

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Upload,
      intlLabel: { id: t('plugin.name'), defaultMessage: 'Participation' },
      permissions: IMPORT_BUDGET_LINES_PERMISSION,
      Component: () => import('./pages/BudgetLineImportPage'),
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
