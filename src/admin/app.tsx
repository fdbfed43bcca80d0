/**
 * The admin panel's languages besides English: Vietnamese and Albanian, in which the participation
 * plugin's screens are translated (its `registerTrads` loads them for every locale named here).
 * Strapi 5.54 lists a language in the profile's and sign-in page's pickers only when it knows its native
 * name (`languageNativeNames`, which has no `sq`), so Albanian is not offered there; an admin whose stored
 * `preferedLanguage` is `sq` (`PUT /admin/users/me`) still gets it, because the panel applies that
 * preference on sign-in without the check. Strapi's own strings have no Albanian and stay English.
 */
export default {
  config: {
    locales: ['vi', 'sq'],
  },
  bootstrap() {},
};
