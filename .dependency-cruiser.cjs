/**
 * The layer rule for src/ (issue 12), checked by `npm run lint:deps`.
 *
 * Layers, lowest first: data (the contract, parsing, fetching, exports: no
 * DOM framework) → i18n (strings; may know data's types) and search →
 * controllers (Lit context and reactive controllers) → components, react,
 * embed (may import anything below). Type-only imports count unless a rule says
 * otherwise, so `import type` cannot smuggle a component into the data layer.
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */

/** Lit and its parts: data must stay usable without a UI framework. */
const LIT = '(^|/)node_modules/(lit|lit-html|lit-element|@lit|@lit-labs)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles anywhere in src/, type-only imports included.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'data-not-above',
      severity: 'error',
      comment:
        'src/data is the bottom layer: it imports nothing from i18n, components, react or embed (not even types).',
      from: { path: '^src/data/' },
      to: { path: '^src/(i18n|controllers|components|react|embed|search|styles)/' },
    },
    {
      name: 'data-no-lit',
      severity: 'error',
      comment: 'src/data imports no lit/@lit/*: it is usable without a UI framework (Node, the CLI, a worker).',
      from: { path: '^src/data/' },
      to: { path: LIT },
    },
    {
      name: 'i18n-data-types-only',
      severity: 'error',
      comment: 'src/i18n may use src/data only through type-only imports (`import type`).',
      from: { path: '^src/i18n/' },
      to: { path: '^src/data/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'i18n-not-components',
      severity: 'error',
      comment: 'src/i18n imports nothing from controllers or components (not even types), and no Lit.',
      from: { path: '^src/i18n/' },
      to: { path: '^src/(controllers|components|react|embed)/|(^|/)node_modules/(lit|lit-html|lit-element|@lit)/' },
    },
    {
      name: 'search-not-above',
      severity: 'error',
      comment: 'src/search imports nothing from components or i18n (not even types).',
      from: { path: '^src/search/' },
      to: { path: '^src/(components|i18n)/' },
    },
    {
      name: 'controllers-not-components',
      severity: 'error',
      comment: 'src/controllers (Lit context and reactive controllers) import nothing from the elements.',
      from: { path: '^src/controllers/' },
      to: { path: '^src/(components|react|embed)/' },
    },
    {
      name: 'server-only-from-server-and-cli',
      severity: 'error',
      comment:
        'src/server (the endpoint: database drivers, node:*) is imported by nothing but itself and the CLI, so no element bundle can pull it in.',
      from: { path: '^src/', pathNot: '^src/(server|cli)/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'server-no-ui',
      severity: 'error',
      comment: 'src/server sits on src/data only: no Lit, no elements, no strings.',
      from: { path: '^src/server/' },
      to: { path: `^src/(i18n|controllers|components|react|embed|search|styles)/|${LIT}` },
    },
  ],
  options: {
    // Only src/ is cruised; packages are leaves (their path is enough for the Lit rule).
    doNotFollow: { path: 'node_modules' },
    // src/ is ES modules only; without this a local function named `require` reads as CommonJS.
    moduleSystems: ['es6', 'tsd'],
    // Keep `import type` edges: they are dependencies too, and the i18n rule tells them apart.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
