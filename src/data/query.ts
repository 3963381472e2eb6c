/** How a persona collection can be ordered: by the grid locally, or by an endpoint in server mode (`sort=`). */
export const SORT_ORDERS = ['relevance', 'name', 'comments', 'validations', 'updated'] as const;
/** `relevance`: best match first when searching, else the endpoint's order. */
export type SortOrder = (typeof SORT_ORDERS)[number];
