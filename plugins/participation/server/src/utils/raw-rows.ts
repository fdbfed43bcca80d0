/**
 * The rows of a `knex.raw` result: PostgreSQL's driver answers `{ rows }`, SQLite's an array of rows.
 */
export const rawRows = <Row>(result: { rows: Row[] } | Row[]): Row[] => (Array.isArray(result) ? result : result.rows);
