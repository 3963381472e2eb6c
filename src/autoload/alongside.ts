/**
 * For each element, the chunks its own chunk imports besides core (for a grid, the card's chunk;
 * for a form, the exports), loaded by literal `import()`s that a host's bundler can follow too. The
 * autoloader starts them with the element's chunk, rather than once that has arrived and named
 * them: one round trip less. The `autoloader` build replaces this module with the table of the
 * chunks it was built with (vite.config.ts); from source there are no chunks.
 */
export const ALONGSIDE: Partial<Record<string, () => Promise<unknown>>> = {};
