/**
 * The package as an adopter meets it: `npm pack`, installed into a throwaway
 * app in a temporary folder, then a card rendered in Chromium from
 * - a CDN-style page: plain HTML loading `dist/persona-widgets.js` (and, on its
 *   own page, the classic script) from the installed package, on the sample
 *   data that ships with it;
 * - an npm-bundled page: `import 'persona-widgets/persona-card.js'`, built by Vite;
 * - a card-only React app: `persona-widgets/react/persona-card`, built by Vite,
 *   which must not carry the grid; its widget bytes (the app minus the same app
 *   without the card) are printed as a diagnostic.
 *
 * The install is offline-friendly (`--prefer-offline`: lit, @lit/context, zod
 * and React are in npm's cache after the repository's `npm ci`). Where npm
 * cannot install at all, the tarball is unpacked by hand and the dependencies
 * linked from the repository's node_modules (said in a diagnostic), so the
 * test still checks what the tarball holds.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, test, type TestContext } from 'node:test';
import type { Browser } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import { launch, serve, type StaticServer } from './browser.js';

const repo = join(import.meta.dirname, '..', '..');
const app = mkdtempSync(join(tmpdir(), 'persona-widgets-app-'));
const installed = join(app, 'node_modules', 'persona-widgets');
/** The peers and dependencies the app installs, at the repository's versions (so npm's cache has them). */
const APP_DEPENDENCIES = ['react', 'react-dom', '@lit/react'];
const version = (name: string): string =>
  (JSON.parse(readFileSync(join(repo, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

let server: StaticServer;
let browser: Browser;
let installNote = '';

/** Packs the repository (built by `npm test`) and installs the tarball into the app. */
function install(): void {
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', app], { cwd: repo, encoding: 'utf8' }).trim().split('\n').at(-1)!;
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'smoke-app', private: true, type: 'module' }));
  const npm = spawnSync(
    'npm',
    ['install', join(app, tarball), ...APP_DEPENDENCIES.map((name) => `${name}@${version(name)}`), '--no-audit', '--no-fund', '--prefer-offline'],
    { cwd: app, encoding: 'utf8' },
  );
  if (npm.status === 0) {
    installNote = `installed ${tarball} with npm`;
    return;
  }
  // No registry and a cold cache: unpack by hand, link the dependencies from the repository.
  installNote = `npm install failed (${npm.stderr.trim().split('\n').at(-1)}); unpacked ${tarball} and linked its dependencies from the repository`;
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['xzf', join(app, tarball), '-C', installed, '--strip-components=1']);
  const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  for (const name of [...Object.keys(pkg.dependencies), ...APP_DEPENDENCIES, 'scheduler']) {
    mkdirSync(join(app, 'node_modules', name, '..'), { recursive: true });
    symlinkSync(join(repo, 'node_modules', name), join(app, 'node_modules', name));
  }
}

/** Builds one page of the app with Vite (production, minified); returns the JS chunks written. */
async function bundle(name: string, script: string): Promise<Rolldown.OutputChunk[]> {
  mkdirSync(join(app, name), { recursive: true });
  writeFileSync(join(app, name, 'main.js'), script);
  writeFileSync(
    join(app, name, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${name}</title></head>
<body><div id="root"></div><script type="module" src="./main.js"></script></body></html>`,
  );
  const output = (await build({
    configFile: false,
    root: join(app, name),
    base: './',
    logLevel: 'silent',
    build: { outDir: join(app, `${name}-dist`), emptyOutDir: true },
  })) as Rolldown.RolldownOutput;
  return output.output.filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
}

/**
 * Writes `<name>.html`, a plain page of the app (no build) that loads a script of the installed
 * package's dist/ (`persona-widgets.js`, the one-script-tag autoloader, unless named), with `body`.
 */
function plainPage(name: string, body: string, script = 'persona-widgets.js'): string {
  const tag = script.includes('.iife.') ? '<script' : '<script type="module"';
  writeFileSync(
    join(app, `${name}.html`),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${name}</title>
${tag} src="/node_modules/persona-widgets/dist/${script}"></script></head>
<body>${body}</body></html>`,
  );
  return `/${name}.html`;
}

/** Opens a page of the app and waits for the card to show the persona's name. */
async function cardPainted(path: string, t: TestContext): Promise<void> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  try {
    await page.goto(`${server.url}${path}`);
    await page.locator('persona-card').getByRole('heading', { name: 'The Segment Data Engineer' }).waitFor({ timeout: 15_000 });
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
  t.diagnostic(`${path}: card painted`);
}

const SAMPLE = '/node_modules/persona-widgets/dist/sample/personas.json';
/** A card of the sample persona. */
const SAMPLE_CARD = `<persona-card src="${SAMPLE}" persona-id="APP-074"></persona-card>`;

before(async () => {
  install();
  server = await serve({ root: app });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(app, { recursive: true, force: true });
});

test('the tarball installs with its dependencies', (t) => {
  t.diagnostic(installNote);
  const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { unpkg: string; jsdelivr: string };
  assert.equal(pkg.unpkg, './dist/persona-widgets.js');
  assert.equal(pkg.jsdelivr, './dist/persona-widgets.js');
  for (const file of ['README.md', 'LICENSE', 'dist/persona-widgets.js', 'dist/persona-widgets.iife.js', 'dist/sample/personas.json']) {
    assert.ok(readdirSync(join(installed, file, '..')).includes(file.split('/').at(-1)!), `the package lacks ${file}`);
  }
});

test('CDN style: a plain page loads dist/persona-widgets.js from the package and renders the sample persona', async (t) => {
  await cardPainted(plainPage('cdn', SAMPLE_CARD), t);
});

test('CDN style, versioned or renamed: the autoloader is imported by nothing, so its URL is free; one data request', async (t) => {
  // A query string (cache busting), a redirecting CDN URL or a renamed copy: the chunks must not
  // import the autoloader by its own name (a second copy, or a 404 when renamed).
  copyFileSync(join(installed, 'dist', 'persona-widgets.js'), join(installed, 'dist', 'widgets-v2.js'));
  for (const script of ['persona-widgets.js?v=0.1.0', 'widgets-v2.js']) {
    const pagePath = plainPage('cdn-url', SAMPLE_CARD.repeat(2), script);
    const requests: string[] = [];
    const page = await browser.newPage();
    page.on('request', (request) => requests.push(new URL(request.url()).pathname + new URL(request.url()).search));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await page.goto(`${server.url}${pagePath}`);
      await page.locator('persona-card').nth(1).getByRole('heading', { name: 'The Segment Data Engineer' }).waitFor({ timeout: 15_000 });
      assert.deepEqual(errors, []);
      const scripts = requests.filter((path) => /\/dist\/.*\.js(\?|$)/.test(path)).map((path) => path.replace(/.*\/dist\//, ''));
      assert.equal(requests.filter((path) => path === SAMPLE).length, 1, requests.join('\n'));
      assert.deepEqual(scripts.filter((path) => !path.startsWith('chunks/')), [script], `scripts: ${scripts.join(', ')}`);
      assert.equal(scripts.filter((path) => /^chunks\/persona-card\.define-/.test(path)).length, 1);
      t.diagnostic(`${script}: ${scripts.join(', ')}`);
    } finally {
      await page.close();
    }
  }
});

test('CDN style, grid: the chunks its code imports are requested with it, not once it has arrived', async (t) => {
  const pagePath = plainPage('cdn-grid', `<persona-grid src="${SAMPLE}"></persona-grid>`);
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  /** Script path in dist/ → when it was requested and when its response arrived (performance.now() of the test). */
  const timing = new Map<string, { requested: number; arrived?: number }>();
  const name = (url: string) => new URL(url).pathname.replace(/.*\/dist\//, '');
  page.on('request', (request) => timing.set(name(request.url()), { requested: performance.now() }));
  page.on('response', (response) => {
    const entry = timing.get(name(response.url()));
    if (entry) entry.arrived = performance.now();
  });
  // The grid's own chunk answers late: whatever waited for it would be requested after it arrived.
  await page.route('**/chunks/persona-grid.define-*.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await route.continue();
  });
  try {
    await page.goto(`${server.url}${pagePath}`);
    await page.locator('persona-grid persona-card').first().getByRole('heading').waitFor({ timeout: 15_000 });
    assert.deepEqual(errors, []);
    const gridChunk = [...timing].find(([path]) => path.startsWith('chunks/persona-grid.define-'))?.[1];
    assert.ok(gridChunk?.arrived, 'the grid chunk arrived');
    // Core and the card's chunk; the export's code comes on demand, with the export buttons.
    const imported = [...timing].filter(([path]) => /^chunks\/(core|persona-card\.define|export)-/.test(path));
    assert.deepEqual(imported.map(([path]) => path.replace(/-[\w-]+\.js$/, '')).sort(), ['chunks/core', 'chunks/persona-card.define']);
    for (const [path, { requested }] of imported) assert.ok(requested < gridChunk.arrived, `${path} was requested before the grid's chunk arrived`);
    t.diagnostic(`requested with the grid's chunk: ${imported.map(([path]) => path).join(', ')}`);
    // The export's code, on demand, from next to the chunks.
    const download = page.waitForEvent('download', { timeout: 15_000 });
    await page.locator('persona-grid').getByRole('button', { name: 'JSON', exact: true }).click();
    assert.equal((await download).suggestedFilename(), 'personas.json');
    assert.ok([...timing.keys()].some((path) => path.startsWith('chunks/export-')));
  } finally {
    await page.close();
  }
});

test("CDN style, cards: a card's Download JSON downloads the menu and the exports, never the grid", async (t) => {
  const pagePath = plainPage('cdn-menu', SAMPLE_CARD);
  const page = await browser.newPage();
  const scripts: string[] = [];
  page.on('request', (request) => /\.js$/.test(request.url()) && scripts.push(new URL(request.url()).pathname.replace(/.*\/dist\//, '')));
  try {
    await page.goto(`${server.url}${pagePath}`);
    await page.getByRole('button', { name: 'Actions for The Segment Data Engineer' }).click();
    // The download happens once the exports' code has arrived and run.
    const download = page.waitForEvent('download', { timeout: 15_000 });
    await page.getByRole('menuitem', { name: 'Download JSON' }).click();
    assert.equal((await download).suggestedFilename(), 'APP-074.json');
    assert.ok(scripts.some((path) => path.startsWith('chunks/export-')), `scripts: ${scripts.join(', ')}`);
    assert.equal(scripts.filter((path) => /persona-grid|contribute-form/.test(path)).length, 0, `scripts: ${scripts.join(', ')}`);
    assert.equal(await page.evaluate(() => customElements.get('persona-grid')), undefined);
    t.diagnostic(`scripts: ${scripts.join(', ')}`);
  } finally {
    await page.close();
  }
});

test('CDN style, classic script: dist/persona-widgets.iife.js renders the sample persona', async (t) => {
  await cardPainted(plainPage('classic', SAMPLE_CARD, 'persona-widgets.iife.js'), t);
});

test('npm, bundled by Vite: persona-widgets/persona-card.js renders the sample persona', async (t) => {
  await bundle(
    'bundled',
    `import 'persona-widgets/persona-card.js';
const card = document.createElement('persona-card');
card.setAttribute('src', '${SAMPLE}');
card.setAttribute('persona-id', 'APP-074');
document.body.append(card);
`,
  );
  await cardPainted('/bundled-dist/index.html', t);
});

test('a card-only React app ships the card, not the grid; its widget bytes', async (t) => {
  const gzip = (code: string) => gzipSync(code, { level: 6 }).length;
  const sizes = (chunks: Rolldown.OutputChunk[]) => {
    const initial = chunks.filter((c) => c.isEntry || chunks.some((e) => e.isEntry && e.imports.includes(c.fileName)));
    const lazy = chunks.filter((c) => !initial.includes(c));
    const sum = (list: Rolldown.OutputChunk[]) => ({
      min: list.reduce((n, c) => n + Buffer.byteLength(c.code), 0),
      gzip: list.reduce((n, c) => n + gzip(c.code), 0),
    });
    return { initial: sum(initial), lazy: sum(lazy), code: chunks.map((c) => c.code).join('\n') };
  };
  const reactOnly = sizes(
    await bundle(
      'react-baseline',
      `import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
createRoot(document.getElementById('root')).render(createElement('div', null, 'no card'));
`,
    ),
  );
  const withCard = sizes(
    await bundle(
      'react-card',
      `import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { PersonaCard } from 'persona-widgets/react/persona-card';
createRoot(document.getElementById('root')).render(createElement(PersonaCard, { src: '${SAMPLE}', personaId: 'APP-074' }));
`,
    ),
  );
  await cardPainted('/react-card-dist/index.html', t);

  assert.doesNotMatch(withCard.code, /persona-grid/, 'the card-only app carries <persona-grid>');
  const widget = {
    min: withCard.initial.min - reactOnly.initial.min,
    gzip: withCard.initial.gzip - reactOnly.initial.gzip,
  };
  t.diagnostic(
    `card-only React app (Vite, minified): ${withCard.initial.min} B initial JS (${withCard.initial.gzip} B gzip); ` +
      `the same app without the card ${reactOnly.initial.min} B (${reactOnly.initial.gzip} B gzip); ` +
      `widget = ${widget.min} B (${widget.gzip} B gzip) initial, ` +
      `+ ${withCard.lazy.min} B (${withCard.lazy.gzip} B gzip) lazy (<contribute-form>, on first "Suggest an edit")`,
  );
  // The card entry's budget (scripts/check-budgets.mjs: card + Lit + zod ≤ 30,000 B gzip) plus @lit/react.
  assert.ok(widget.gzip < 32_000, `a card-only React app ships ${widget.gzip} B gzip of widget`);
});
