/**
 * Column values as knex returns them, which differs by database (rows read through the Document Service
 * or the query engine come back converted by Strapi instead: datetimes as ISO strings, bigintegers as
 * strings, JSON parsed, booleans as booleans).
 */

/** A datetime: a Date on PostgreSQL; milliseconds, or the text written, on SQLite. */
export type StoredTime = Date | number | string;

/** A biginteger or a count: a string on PostgreSQL, a number on SQLite. */
export type StoredBigInt = string | number;

/** A boolean: true or false on PostgreSQL, 1 or 0 on SQLite. */
export type StoredBoolean = boolean | number;
