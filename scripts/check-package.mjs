/**
 * After `npm run build`: checks that what package.json promises is in dist/,
 * that the one-script-tag bundles are self-contained, that no raw decorator
 * syntax survived (the browser would refuse to load it), and that what ships
 * reads right on the registry: metadata, LICENSE, README links that work
 * outside the repository, source maps without embedded sources.
 *
 *   node scripts/check-package.mjs           the checks above (CI, after the build)
 *   node scripts/check-package.mjs --packed  also packs the tarball and runs publint and
 *                                            arethetypeswrong on it (CI, prepublishOnly)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

// What the registry page and CDNs read.
for (const field of ['repository', 'homepage', 'bugs', 'license']) check(pkg[field], `package.json lacks "${field}"`);
check(existsSync('LICENSE') && readFileSync('LICENSE', 'utf8').startsWith(`${pkg.license} License`), `LICENSE must hold the ${pkg.license} licence, as package.json says`);
for (const field of ['unpkg', 'jsdelivr']) {
  check(pkg[field] === './dist/persona-widgets.js', `"${field}" must point at the self-contained bundle ./dist/persona-widgets.js`);
}
check(pkg.files.includes('dist'), '"files" must include all of dist/ (the bundle loads files next to itself)');
check(existsSync('dist/sample/personas.json'), 'the sample data dist/sample/personas.json is missing');
// The README ships: a relative link would point into files the package does not have.
const readme = readFileSync('README.md', 'utf8');
for (const [, target] of readme.matchAll(/\]\(([^)\s]+)\)/g)) {
  check(/^(https?:|mailto:|#)/.test(target), `README.md links to ${target}: use an absolute URL (the README ships without the repository)`);
}
for (const file of readdirSync('dist', { recursive: true }).filter((f) => f.endsWith('.map'))) {
  check(!('sourcesContent' in JSON.parse(readFileSync(join('dist', file), 'utf8'))), `dist/${file} embeds its sources`);
}

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

if (process.argv.includes('--packed')) {
  const dir = mkdtempSync(join(tmpdir(), 'persona-widgets-pack-'));
  try {
    const run = (command, args) => {
      const result = spawnSync(command, args, { stdio: 'inherit' });
      if (result.status !== 0) {
        console.error(`package check failed: \`${[command, ...args].join(' ')}\` exited with ${result.status}`);
        process.exit(1);
      }
    };
    run('npm', ['pack', '--silent', '--pack-destination', dir]);
    const tarball = join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz')));
    // publint: package.json against the files that ship; --strict fails on warnings too.
    run('node_modules/.bin/publint', ['run', tarball, '--strict']);
    // arethetypeswrong: every export resolves to types in node16 (ESM) and bundler resolution. The
    // package is ESM only (no `require` condition), hence the profile; the entries that are not
    // modules to import (the classic script and the iframe page) have no types.
    run('node_modules/.bin/attw', [
      tarball,
      '--profile', 'esm-only',
      '--format', 'ascii',
      '--exclude-entrypoints', './persona-widgets.iife.js', './embed.html',
    ]);
    console.log('package check: publint and arethetypeswrong passed on the packed tarball');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
