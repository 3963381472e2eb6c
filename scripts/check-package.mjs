/**
 * After `npm run build`: checks that what package.json promises is in dist/,
 * that the one-script-tag bundles are self-contained, and that no raw
 * decorator syntax survived (the browser would refuse to load it).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

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
  const [dir, pattern] = file.includes('*') ? [dirname(file), file.slice(dirname(file).length + 1)] : [];
  const exists = dir
    ? existsSync(dir) && readdirSync(dir).some((name) => new RegExp(`^${pattern.replace('.', '\\.').replace('*', '.*')}$`).test(name))
    : existsSync(file);
  check(exists, `sideEffects names missing ${file}`);
}

// The one-script-tag files load nothing but their own chunks (dist/chunks/), which load nothing else.
const chunks = readdirSync('dist/chunks').filter((name) => name.endsWith('.js'));
for (const file of ['dist/persona-widgets.js', 'dist/persona-widgets.iife.js', ...chunks.map((name) => `dist/chunks/${name}`)]) {
  const code = readFileSync(file, 'utf8');
  const imports = [...code.matchAll(/(?:\bimport\s*\(?|\bfrom)\s*["'`]([^"'`]+)["'`]/g)].map((m) => m[1]);
  const own = file.endsWith('.iife.js') ? [] : imports.filter((spec) => /^\.\.?\//.test(spec) && existsSync(join(dirname(file), spec)));
  check(imports.length === own.length, `${file} imports ${imports.filter((i) => !own.includes(i)).join(', ')}: it must load only its own chunks`);
  check(!/(^|[\s;])@(property|state|customElement|provide)\b/.test(code), `${file} contains raw decorator syntax`);
}
const iife = readFileSync('dist/persona-widgets.iife.js', 'utf8');
check(!/^export\b|[;}]export\s*\{/m.test(iife), 'the IIFE build must not contain export statements');

const manifest = JSON.parse(readFileSync(pkg.customElements, 'utf8'));
const tags = manifest.modules.flatMap((m) => m.declarations ?? []).map((d) => d.tagName).filter(Boolean);
for (const tag of ['persona-card', 'persona-provider', 'contribute-form', 'persona-grid']) {
  check(tags.includes(tag), `custom-elements.json lacks <${tag}>`);
}

if (problems.length) {
  console.error(`package check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`package check: ${Object.keys(pkg.exports).length} exports, ${tags.length} elements in the manifest, bundles self-contained`);
