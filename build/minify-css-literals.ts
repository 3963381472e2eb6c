/**
 * A Vite plugin that minifies the CSS inside Lit's css`…` literals at build
 * time. Bundlers minify JavaScript but leave template strings alone, and the
 * elements' styles are a large share of the bundle.
 *
 * Only literals without `${…}` are touched, and only safe rewrites are made:
 * comments removed, whitespace collapsed, and spaces dropped next to
 * `{ } ; ,` and after `:` — never before `:`, where a space is a descendant
 * combinator (`a :hover`).
 */
import type { Plugin } from 'vite';

export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();
}

export function minifyCssLiterals(): Plugin {
  return {
    name: 'persona-widgets:minify-css-literals',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      const out = code.replace(/\bcss`([^`$\\]*)`/g, (_, body: string) => `css\`${minifyCss(body)}\``);
      return out === code ? null : { code: out, map: null };
    },
  };
}
