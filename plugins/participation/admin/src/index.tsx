import type { ComponentType } from 'react';
import type { StrapiApp } from '@strapi/strapi/admin';
import { Earth } from '@strapi/icons';
import { AMOUNT_FIELD } from '../../server/src/constants/custom-fields';
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
    // The money attributes' input in the Content Manager; the server registers the same field for the schemas.
    app.customFields.register({
      name: AMOUNT_FIELD.name,
      pluginId: AMOUNT_FIELD.plugin,
      type: AMOUNT_FIELD.type,
      intlLabel: { id: t('amount.field.label'), defaultMessage: 'Amount' },
      intlDescription: { id: t('amount.field.description'), defaultMessage: 'An amount of money in the municipality’s currency' },
      components: {
        // Strapi 5.54 types a custom field's input as taking no props; the Content Manager hands it the field's.
        Input: () => import('./components/AmountInput').then(({ default: AmountInput }) => ({ default: AmountInput as unknown as ComponentType })),
      },
    });
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
