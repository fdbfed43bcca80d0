/**
 * The admin panel's languages besides English. Vietnamese, in which the participation plugin's screens
 * are translated. Albanian cannot be offered: Strapi 5.54's admin only accepts locales it has a native
 * name for (`languageNativeNames`), and `sq` is not among them; the plugin's sq messages wait for it.
 */
export default {
  config: {
    locales: ['vi'],
  },
  bootstrap() {},
};
