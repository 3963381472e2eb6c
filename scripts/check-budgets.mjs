#!/usr/bin/env node
/**
 * Performance budgets, checked by CI after `npm run build` (.ci/run).
 *
 * Only stable, machine-independent figures are asserted here:
 * - sizes (gzip, zlib level 6) of the one-script-tag bundles in dist/ and of
 *   each per-element npm entry bundled WITH Lit and zod (what a host downloads);
 * - endpoint requests on a page with 50 cards, a grid and a form on one src:
 *   exactly one per distinct src;
 * - the grid's DOM size: the same at 1,000 and 10,000 personas (bounded by the
 *   page size, not the collection), and under a ceiling.
 * Timings are reported by `npm run bench`, never asserted here.
 *
 * Each budget is the figure measured when it was set, rounded up with ~2 %
 * headroom, so a regression fails CI; the target is printed next to
 * it where there is one. Tighten a budget whenever the figure drops.
 *
 *   node scripts/check-budgets.mjs                    check everything (~15 s)
 *   node scripts/check-budgets.mjs --budget card=16000   override a budget (try a target)
 */
import { distBreakdown, measureSizes } from '../bench/lib/size.mjs';
import { gridElements, requestsRun } from '../bench/lib/pages.mjs';
import { launch, serve } from '../bench/lib/server.mjs';

/**
 * Sizes in bytes (gzip). Set 2026-11-25 from `npm run bench` on the working tree of that day
 * (measured: bundle 47,221, IIFE 48,454, card 29,274, grid 37,360, form 34,307, provider
 * 17,495, grid elements 735 at both 1,000 and 10,000 personas), ~2 % headroom.
 * Raised 2026-12-02 for the security fixes (bounded paging and search, the embed allow-list,
 * safe exports: bundle 48,485, IIFE 49,813, card 30,710, grid 38,925) and the one-model
 * restructuring (field model with clean schemas, controllers, contribution POST in the client:
 * bundle 50,029, IIFE 51,206, card 31,204, grid 40,106, provider 18,233), ~1 % headroom; the
 * embed-cost work (issue 13) is where these come down to their targets.
 */
const BUDGETS = {
  bundle: { label: 'dist/persona-widgets.js, gzip', budget: 50_500, target: 30_000 },
  iife: { label: 'dist/persona-widgets.iife.js, gzip', budget: 51_700, target: undefined },
  card: { label: 'persona-card.js + Lit + zod, initial chunks, gzip', budget: 31_600, target: 16_000 },
  grid: { label: 'persona-grid.js + Lit + zod, initial chunks, gzip', budget: 40_500, target: undefined },
  form: { label: 'contribute-form.js + Lit + zod, gzip', budget: 35_000, target: undefined },
  provider: { label: 'persona-provider.js + Lit + zod, gzip', budget: 18_500, target: undefined },
  requests: { label: 'endpoint requests, 50 cards + grid + form on one src', budget: 1, target: 1 },
  domMax: { label: 'grid elements after render (10,000 personas)', budget: 770, target: undefined },
  domGrowth: { label: 'grid elements, 10,000 minus 1,000 personas (≤ one card, ~20)', budget: 20, target: 0 },
};

const started = Date.now();
for (let i = 2; i < process.argv.length; i++) {
  if (process.argv[i] !== '--budget') continue;
  const [name, value] = (process.argv[++i] ?? '').split('=');
  if (!BUDGETS[name] || !Number.isFinite(Number(value))) {
    console.error(`--budget expects one of ${Object.keys(BUDGETS).join(', ')} =<number>`);
    process.exit(2);
  }
  BUDGETS[name].budget = Number(value);
}

const rows = [];
const measure = (name, measured, { exact = false } = {}) => {
  const { label, budget, target } = BUDGETS[name];
  const ok = exact ? measured === budget : measured <= budget;
  rows.push({ name, label, measured, budget: `${exact ? '=' : '≤'} ${budget.toLocaleString('en')}`, target, ok });
};

const server = await serve();
const sizes = await measureSizes(server.snapshot);
measure('bundle', sizes.files['dist/persona-widgets.js'].gzip);
measure('iife', sizes.files['dist/persona-widgets.iife.js'].gzip);
measure('card', sizes.entries['persona-card'].initial.gzip);
measure('grid', sizes.entries['persona-grid'].initial.gzip);
measure('form', sizes.entries['contribute-form'].initial.gzip);
measure('provider', sizes.entries['persona-provider'].initial.gzip);

const browser = await launch();
let requests;
try {
  requests = await requestsRun(browser, server, 'real');
  // One src on the page, so one request in all (and one distinct URL).
  measure('requests', requests.requests, { exact: true });
  const small = await gridElements(browser, server, 1_000);
  const large = await gridElements(browser, server, 10_000);
  measure('domMax', large);
  measure('domGrowth', large - small);
} finally {
  await browser.close();
  await server.close();
}

const text = (v) => (v === undefined ? '–' : typeof v === 'number' ? v.toLocaleString('en') : v);
const table = [['check', 'measured', 'budget', 'target', ''], ...rows.map((r) => [r.label, text(r.measured), r.budget, text(r.target), r.ok ? 'ok' : 'OVER'])];
const widths = table[0].map((_, i) => Math.max(...table.map((r) => String(r[i]).length)));
for (const [i, r] of table.entries()) {
  console.log(r.map((c, j) => (j === 0 ? String(c).padEnd(widths[j]) : String(c).padStart(widths[j]))).join('  '));
  if (i === 0) console.log(widths.map((w) => '─'.repeat(w)).join('  '));
}

const failed = rows.filter((r) => !r.ok);
console.log(`budgets: ${rows.length - failed.length}/${rows.length} ok in ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (failed.length) {
  if (failed.some((r) => ['bundle', 'iife', 'card', 'grid', 'form', 'provider'].includes(r.name))) {
    console.error('\nWhere the bytes of dist/persona-widgets.js go (minified / marginal gzip):');
    for (const g of distBreakdown().groups) {
      console.error(`  ${g.group.padEnd(40)} ${String(g.min).padStart(7)} ${String(g.gzipMarginal).padStart(6)}`);
    }
  }
  if (failed.some((r) => r.name === 'requests')) console.error('\nendpoint requests by URL:', requests.byUrl ?? requests);
  console.error(`\nbudget check failed: ${failed.map((r) => r.label).join('; ')}`);
  process.exit(1);
}
