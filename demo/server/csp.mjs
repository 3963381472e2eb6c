/**
 * The strict policy the demo's CSP page, the README and the tests use:
 * scripts and styles from the page's own origin only, and Trusted Types with
 * the one policy Lit creates. (Plain JS so the test runner's config can use it.)
 */
export const DEMO_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https:",
  "connect-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');
