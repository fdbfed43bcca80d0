/**
 * A list's where clause from its query: each filter parameter the caller gave becomes an equality on its
 * column; one left out (or empty) does not narrow the list.
 */
export const givenFilters = <Query extends object>(query: Query, columnOf: { [Parameter in keyof Query]?: string }): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(columnOf).flatMap(([parameter, column]) => {
      const value = query[parameter as keyof Query];
      return value ? [[column as string, value]] : [];
    })
  );
