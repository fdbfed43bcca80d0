/**
 * Canonical JSON as RFC 8785 (JCS) defines it for the values a log entry, a ballot receipt or a round's settings hold: object keys sorted by
 * UTF-16 code units, no whitespace, strings and numbers written as ECMAScript's JSON.stringify writes
 * them. The same value always gives the same text, so anyone can recompute an entry's hash.
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no form for ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    // Like JSON.stringify, a property holding undefined is left out.
    const members = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${members.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON has no form for a ${typeof value}`);
};
