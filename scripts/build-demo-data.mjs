#!/usr/bin/env node
/**
 * Builds demo/data/personas.json from the seed documents.
 *
 *   node --import tsx scripts/build-demo-data.mjs [seedsDir]    (npm run demo-data)
 *
 * seedsDir defaults to ../shared/seeds (relative to the repo root) and must hold:
 *   000_*.txt  persona-library search page (the main list)
 *   001_*.txt  a filtered view of the same library (may add personas)
 *   002_*.txt  the Glue team's markdown persona document, read by the CLI's importer
 *              (src/cli/import.ts, the same code as `persona-widgets import`)
 *
 * Output is a bare JSON array in the endpoint contract (src/data/schema.ts).
 * Anything the parser cannot understand is reported as a warning on stderr, never
 * dropped silently; a failed final check exits with status 1.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// TypeScript sources of the CLI: run this script with `node --import tsx` (npm run demo-data does).
import { importPersonas } from '../src/cli/import.ts';
import { formatUnmapped, orderFields } from '../src/cli/fields.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const seedsDir = process.argv[2] ? resolve(process.argv[2]) : resolve(repoRoot, '../shared/seeds');
const outFile = join(repoRoot, 'demo/data/personas.json');

let warnings = 0;
function warn(message) {
  warnings += 1;
  console.warn(`warning: ${message}`);
}

/** Seed files are named by prefix plus a hash, so find them by prefix. */
function readSeed(prefix) {
  const matches = readdirSync(seedsDir).filter((f) => f.startsWith(`${prefix}_`) && f.endsWith('.txt'));
  if (matches.length !== 1) {
    console.error(`error: expected exactly one ${prefix}_*.txt in ${seedsDir}, found ${matches.length}`);
    process.exit(1);
  }
  // Normalise line endings so the parsers only deal with \n.
  return { file: matches[0], text: readFileSync(join(seedsDir, matches[0]), 'utf8').replace(/\r\n?/g, '\n') };
}

// ---------------------------------------------------------------------------
// Library pages (000, 001)
// ---------------------------------------------------------------------------

/**
 * Display names for the product tags. The page prints only the lowercase tag, so the
 * proper spelling is taken from how the personas' own names/identities write it.
 */
const APP_NAMES = {
  apollo: 'Apollo', asana: 'Asana', attio: 'Attio', basecamp: 'Basecamp', beehiiv: 'Beehiiv',
  clay: 'Clay', clerk: 'Clerk', clickup: 'ClickUp', contentful: 'Contentful', convertkit: 'ConvertKit',
  descript: 'Descript', docusign: 'DocuSign', drata: 'Drata', dropbox: 'Dropbox', excel: 'Excel',
  figma: 'Figma', 'figma-dev-mode': 'Figma Dev Mode', flyio: 'Fly.io', framer: 'Framer',
  fullstory: 'FullStory', github: 'GitHub', gitlab: 'GitLab', height: 'Height', jira: 'Jira',
  kajabi: 'Kajabi', linear: 'Linear', liveblocks: 'Liveblocks', mailchimp: 'Mailchimp',
  midjourney: 'Midjourney', mintlify: 'Mintlify', mixpanel: 'Mixpanel', monday: 'Monday.com',
  notion: 'Notion', 'notion-ai': 'Notion AI', 'notion-calendar': 'Notion Calendar', obsidian: 'Obsidian',
  pagerduty: 'PagerDuty', perplexity: 'Perplexity', photoshop: 'Photoshop', pika: 'Pika',
  posthog: 'PostHog', ramp: 'Ramp', readwise: 'Readwise', replit: 'Replit', rippling: 'Rippling',
  rive: 'Rive', sanity: 'Sanity', segment: 'Segment', sentry: 'Sentry', shopify: 'Shopify',
  slack: 'Slack', spline: 'Spline', storybook: 'Storybook', stripe: 'Stripe', todoist: 'Todoist',
  vercel: 'Vercel',
};

const squash = (s) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Unknown tag: find the run of words in the name that spells the tag ("flyio" -> "Fly.io"). */
function appNameFromText(tag, name) {
  const words = name.replace(/^The\s+/, '').split(/[\s-]+/);
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j <= words.length; j++) {
      const candidate = words.slice(i, j).join(' ');
      if (squash(candidate) === squash(tag)) return candidate;
    }
  }
  return null;
}

function appName(tag, name, identity) {
  const known = APP_NAMES[tag];
  if (known) {
    // Catch a map entry that disagrees with how the text spells the product.
    if (!name.includes(known) && !identity.includes(known)) {
      warn(`app name "${known}" for tag "${tag}" does not appear in "${name}"`);
    }
    return known;
  }
  const found = appNameFromText(tag, name);
  if (found) {
    warn(`tag "${tag}" is not in APP_NAMES; using "${found}" from the persona name`);
    return found;
  }
  const fallback = tag.charAt(0).toUpperCase() + tag.slice(1);
  warn(`tag "${tag}" is not in APP_NAMES and not spelled in "${name}"; using "${fallback}"`);
  return fallback;
}

// "segmentAPP-074": the tag is glued to the pid on one line. Also accepted, with a
// warning: a space before the pid, capitals in the tag, or no tag at all.
const HEADER = /^([A-Za-z0-9][A-Za-z0-9.-]*?)?\s*(APP-\d+)$/;
const CLEAN_HEADER = /^[a-z0-9][a-z0-9.-]*APP-\d+$/;
const COMMENTS = /^(\d+) comments?$/;
const FOOTER = 'Recognize yourself in one of these?';

/** Blank-line separated paragraphs, each trimmed and with inner line breaks kept. */
const paragraphs = (lines) =>
  lines.join('\n').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);

function parseLibraryPage({ file, text }) {
  const lines = text.split('\n');
  const footerAt = lines.findIndex((l) => l.trim() === FOOTER);
  const end = footerAt === -1 ? lines.length : footerAt;

  // Locate entries by their header line; anything that mentions a pid but is not
  // a clean header is reported rather than skipped.
  const starts = [];
  const oddLines = new Set();
  for (let i = 0; i < end; i++) {
    const line = lines[i].trim();
    if (HEADER.test(line)) {
      starts.push(i);
      if (!CLEAN_HEADER.test(line)) warn(`${file}:${i + 1}: irregular pid line "${line}", parsed leniently`);
    } else if (/\bAPP-\d+/.test(line) && line.length < 80) {
      // Short line naming a pid but not a header: keep it out of the previous entry.
      warn(`${file}:${i + 1}: unrecognised pid line "${line}", skipped`);
      oddLines.add(i);
    }
  }

  // The page prints its result count on the line before the first entry.
  const printed = starts.length ? Number(lines.slice(0, starts[0]).reverse().find((l) => l.trim())?.trim()) : NaN;
  if (Number.isInteger(printed) && printed !== starts.length) {
    warn(`${file}: page says ${printed} personas, parsed ${starts.length}`);
  }

  return starts.map((start, n) => {
    const lineNo = start + 1;
    const [, rawTag = '', pid] = lines[start].trim().match(HEADER);
    const appId = rawTag.toLowerCase();
    if (!appId) warn(`${file}:${lineNo} ${pid}: no product tag, app/app_id left out`);
    const body = lines.slice(start + 1, starts[n + 1] ?? end).map((l, k) => (oddLines.has(start + 1 + k) ? '' : l));

    // The "N comments" line is left out when a persona has no comments.
    let commentCount = 0;
    const firstText = body.findIndex((l) => l.trim());
    const comments = firstText === -1 ? null : body[firstText].trim().match(COMMENTS);
    if (comments) {
      commentCount = Number(comments[1]);
      body.splice(firstText, 1);
    }

    // Paragraphs: name, identity (one or more), then "Aha" and its text.
    const paras = paragraphs(body);
    const ahaAt = paras.findIndex((p) => /^Aha( moment)?[:!]?$/i.test(p));
    const before = ahaAt === -1 ? paras : paras.slice(0, ahaAt);
    const [name = '', ...identityParas] = before;
    const identity = identityParas.join('\n\n');
    if (identityParas.length > 1) warn(`${file}:${lineNo} ${pid}: identity has ${identityParas.length} paragraphs, joined`);
    if (!identity) warn(`${file}:${lineNo} ${pid}: no identity paragraph`);

    const persona = { pid, name, identity };
    if (appId) Object.assign(persona, { app: appName(appId, name, identity), app_id: appId });

    if (ahaAt === -1) {
      warn(`${file}:${lineNo} ${pid}: no "Aha" section, aha_moment left out`);
    } else {
      // The page renders the aha as a pull quote whose opening mark is lost; drop the
      // dangling closing mark but keep any quotes inside the text.
      const aha = paras.slice(ahaAt + 1).join('\n\n').trim().replace(/\s*”$/, '').trim();
      if (aha) persona.aha_moment = aha;
      else warn(`${file}:${lineNo} ${pid}: empty "Aha" section, aha_moment left out`);
      if (paras.length - ahaAt > 2) warn(`${file}:${lineNo} ${pid}: aha has ${paras.length - ahaAt - 1} paragraphs, joined`);
    }
    persona.comment_count = commentCount;
    return persona;
  });
}

// ---------------------------------------------------------------------------
// Glue markdown document (002): read by the CLI's importer (`persona-widgets import`)
// ---------------------------------------------------------------------------

/**
 * The same as `persona-widgets import 002_….txt --format md --app Glue --prefix GLUE`:
 * pids come from the document's numbered headings (GLUE-001 …), text that maps to no
 * field is reported, and a persona the elements' parser would skip is an error.
 */
function importGlueDocument({ file }) {
  let outcome;
  try {
    outcome = importPersonas({ files: [join(seedsDir, file)], format: 'md', app: 'Glue', prefix: 'GLUE' });
  } catch (error) {
    console.error(`error: ${error.message}`);
    process.exit(1);
  }
  for (const note of outcome.unmapped) console.log(`note: ${formatUnmapped({ ...note, file })}`);
  // Library personas all carry a comment count; a freshly imported persona has none yet.
  return outcome.imported.map((persona) => orderFields({ ...persona, comment_count: persona.comment_count ?? 0 }));
}

// ---------------------------------------------------------------------------
// Build, check, write
// ---------------------------------------------------------------------------

const library = [];
const byPid = new Map();
for (const prefix of ['000', '001']) {
  const seed = readSeed(prefix);
  for (const persona of parseLibraryPage(seed)) {
    const seen = byPid.get(persona.pid);
    if (!seen) {
      byPid.set(persona.pid, persona);
      library.push(persona); // first appearance wins, so 000's order is kept
    } else if (JSON.stringify(seen) !== JSON.stringify(persona)) {
      warn(`${seed.file}: ${persona.pid} differs from the earlier copy; kept the earlier one`);
    } else {
      console.log(`note: ${seed.file}: ${persona.pid} repeats an earlier entry, deduplicated`);
    }
  }
}
const glue = importGlueDocument(readSeed('002'));
const personas = [...library, ...glue];

// Final checks: fail loudly rather than ship a broken demo data set.
const EXPECTED = 83;
const problems = [];
if (personas.length !== EXPECTED) problems.push(`expected ${EXPECTED} personas, got ${personas.length}`);
const pids = new Set();
for (const p of personas) {
  const id = p.pid || '(no pid)';
  if (pids.has(p.pid)) problems.push(`duplicate pid ${p.pid}`);
  pids.add(p.pid);
  for (const field of ['pid', 'name', 'identity']) {
    if (typeof p[field] !== 'string' || !p[field].trim()) problems.push(`${id}: empty ${field}`);
  }
  if (!Number.isInteger(p.comment_count) || p.comment_count < 0) problems.push(`${id}: bad comment_count`);
  if (p.aha_moment?.endsWith('”')) problems.push(`${id}: aha_moment still ends with ”`);
  JSON.stringify(p, (key, value) => {
    if (typeof value === 'string' && value.includes('**')) problems.push(`${id}: markdown ** left in ${key || 'value'}`);
    return value;
  });
}
if (problems.length) {
  console.error(`error: ${problems.length} problem(s), ${outFile} not written:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify(personas, null, 2)}\n`);
console.log(
  `wrote ${personas.length} personas (${library.length} library, ${glue.length} Glue) to ` +
    `${outFile}${warnings ? ` with ${warnings} warning(s)` : ''}`,
);
