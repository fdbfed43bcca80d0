/**
 * The admin panel's languages besides English: Albanian and Vietnamese, in which the participation
 * plugin's screens are translated (Strapi's own screens stay in English where it has no translation).
 */
export default {
  config: {
    locales: ['sq', 'vi'],
  },
  bootstrap() {},
};
