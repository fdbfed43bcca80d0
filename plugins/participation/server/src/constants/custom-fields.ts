/**
 * The plugin's Content Manager custom field for money. Its column stays `biginteger` (hundredths of the
 * currency unit, as every service reads them); only the Content Manager's input changes, showing and
 * taking the amount in the municipality's currency. Plain data: the admin bundle imports it too.
 */
export const AMOUNT_FIELD = { name: 'amount', plugin: 'participation', type: 'biginteger' } as const;

/** What a content type's schema names in `customField` (`plugin::<plugin>.<name>`). */
export const AMOUNT_FIELD_UID = `plugin::${AMOUNT_FIELD.plugin}.${AMOUNT_FIELD.name}` as const;
