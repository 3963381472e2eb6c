/**
 * After `npm run build`: checks that what package.json promises is in dist/,
 * that the one-script-tag bundles are self-contained, and that no raw
 * decorator syntax survived (the browser would refuse to load it).
 */
import { existsSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const problems = [];
const check = (ok, message) => ok || problems.push(message);

for (const [entry, target] of Object.entries(pkg.exports)) {
  for (const file of typeof target === 'string' ? [target] : Object.values(target)) {
    check(existsSync(file), `exports["${entry}"] points at missing ${file}`);
  }
}
check(existsSync(pkg.types), `types points at missing ${pkg.types}`);
check(existsSync(pkg.customElements), `customElements points at missing ${pkg.customElements}`);
for (const file of pkg.sideEffects.filter((f) => f.startsWith('./dist/'))) {
  check(existsSync(file), `sideEffects names missing ${file}`);
}

for (const file of ['dist/persona-widgets.js', 'dist/persona-widgets.iife.js']) {
  const code = readFileSync(file, 'utf8');
  check(!/^\s*import[\s{*]|\bimport\(/m.test(code), `${file} imports other files: it must be self-contained`);
  check(!/(^|[\s;])@(property|state|customElement|provide)\b/.test(code), `${file} contains raw decorator syntax`);
}
const iife = readFileSync('dist/persona-widgets.iife.js', 'utf8');
check(!/^export\b|[;}]export\s*\{/m.test(iife), 'the IIFE build must not contain export statements');

const manifest = JSON.parse(readFileSync(pkg.customElements, 'utf8'));
const tags = manifest.modules.flatMap((m) => m.declarations ?? []).map((d) => d.tagName).filter(Boolean);
for (const tag of ['persona-card', 'persona-provider', 'contribute-form', 'persona-grid', 'contribution-review']) {
  check(tags.includes(tag), `custom-elements.json lacks <${tag}>`);
}

if (problems.length) {
  console.error(`package check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`package check: ${Object.keys(pkg.exports).length} exports, ${tags.length} elements in the manifest, bundles self-contained`);
