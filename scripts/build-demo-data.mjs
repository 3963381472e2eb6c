#!/usr/bin/env node
/**
 * Builds demo/data/personas.json from the seed documents.
 *
 *   node scripts/build-demo-data.mjs [seedsDir]
 *
 * seedsDir defaults to ../shared/seeds (relative to the repo root) and must hold:
 *   000_*.txt  persona-library search page (the main list)
 *   001_*.txt  a filtered view of the same library (may add personas)
 *   002_*.txt  the Glue team's markdown persona document
 *
 * Output is a bare JSON array in the endpoint contract (src/data/schema.ts).
 * Anything the parser cannot understand is reported as a warning on stderr, never
 * dropped silently; a failed final check exits with status 1.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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
// Glue markdown document (002)
// ---------------------------------------------------------------------------

const capitalize = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const splitList = (s) => s.split(',').map((x) => x.trim()).filter(Boolean);
const stripQuotes = (s) => s.replace(/^["“]\s*/, '').replace(/\s*["”]$/, '');

// "- **Key**: value" (also "- **Key:** value"); indent tells sub-bullets apart.
const KEY_BULLET = /^(\s*)-\s+\*\*(.+?):?\*\*:?\s*(.*)$/;
const PLAIN_BULLET = /^(\s*)-\s+(.*)$/;
const BOLD_LINE = /^\*\*(.+)\*\*$/;

/** Splits lines into { heading, lines } blocks at headings of exactly `level` #'s. */
function sections(lines, level) {
  const marker = `${'#'.repeat(level)} `;
  const out = [];
  let current = { heading: null, lines: [] };
  for (const line of lines) {
    if (line.startsWith(marker)) {
      out.push(current);
      current = { heading: line.slice(marker.length).trim(), lines: [] };
    } else current.lines.push(line);
  }
  out.push(current);
  return out;
}

/** Key/value bullets, e.g. Profile; sub-bullets become a list on the previous key. */
function keyValues(lines, where) {
  const out = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    const kv = line.match(KEY_BULLET);
    const plain = line.match(PLAIN_BULLET);
    if (kv) out.push({ key: kv[2].trim(), value: kv[3].trim(), items: [] });
    else if (plain && plain[1].length > 0 && out.length) out.at(-1).items.push(plain[2].trim());
    else warn(`${where}: unparsed line "${line.trim()}"`);
  }
  return out;
}

function parseProfile(lines, where) {
  const profile = {};
  const extra = {};
  const keys = { role: 'role', experience: 'experience', 'team size': 'team_size', 'technical skill': 'technical_skill' };
  for (const { key, value } of keyValues(lines, where)) {
    const k = key.toLowerCase();
    if (keys[k]) profile[keys[k]] = value;
    else if (k === 'goals') extra.goals = value;
    // Secondary personas describe their context instead of goals; kept for the identity.
    else if (k === 'use case' || k === 'tool usage') extra[k] = value;
    else warn(`${where}: unknown profile key "${key}"`);
  }
  // Same key order for every persona, whatever order the document lists them in.
  const ordered = Object.fromEntries(Object.values(keys).filter((k) => k in profile).map((k) => [k, profile[k]]));
  return { profile: ordered, extra };
}

/** Bold time-block titles each followed by a code fence of activities. */
function parseWorkflow(lines, where) {
  const steps = [];
  let when = null;
  let fence = null;
  for (const line of lines) {
    if (line.trim().startsWith('```')) {
      if (fence === null) { fence = []; continue; }
      const activities = fence.map((l) => l.trim().replace(/^-\s+/, '')).filter(Boolean);
      // A fence without a bold title above it names itself on its first line.
      if (!when) when = activities.shift();
      if (when) steps.push(activities.length ? { when, activities } : { when });
      else warn(`${where}: empty workflow block`);
      when = null;
      fence = null;
    } else if (fence) fence.push(line);
    else if (BOLD_LINE.test(line.trim())) when = line.trim().match(BOLD_LINE)[1].trim();
    else if (line.trim()) warn(`${where}: unparsed line "${line.trim()}"`);
  }
  if (fence) warn(`${where}: unclosed code fence`);
  return steps;
}

/** '1. **Title**: "quote"' items. */
function parsePainPoints(lines, where) {
  const items = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    const m = line.match(/^\s*\d+\.\s+\*\*(.+?):?\*\*:?\s*(.*)$/);
    if (!m) { warn(`${where}: unparsed line "${line.trim()}"`); continue; }
    const rest = m[2].trim();
    const item = { title: m[1].trim() };
    if (/^["“].*["”]$/.test(rest)) item.quote = stripQuotes(rest);
    else if (rest) item.detail = rest;
    items.push(item);
  }
  return items;
}

/** "**Tool name**" followed by Frequency / Session Duration / Use Cases / ...Features bullets. */
function parseTools(lines, where) {
  const tools = [];
  const groups = [];
  for (const line of lines) {
    const bold = line.trim().match(BOLD_LINE);
    if (bold) groups.push({ name: bold[1].trim(), lines: [] });
    else if (groups.length) groups.at(-1).lines.push(line);
    else if (line.trim()) warn(`${where}: unparsed line "${line.trim()}"`);
  }
  for (const group of groups) {
    const tool = { name: group.name };
    for (const { key, value, items } of keyValues(group.lines, `${where} / ${group.name}`)) {
      // A list is either written inline ("a, b, c") or as sub-bullets.
      const list = items.length ? items : splitList(value);
      if (/^frequency$/i.test(key)) tool.frequency = value;
      else if (/duration/i.test(key)) tool.duration = value;
      else if (/use cases?/i.test(key)) tool.use_cases = list;
      else if (/features/i.test(key)) tool.features = [...(tool.features ?? []), ...list];
      else warn(`${where} / ${group.name}: unknown tool key "${key}"`);
    }
    for (const k of Object.keys(tool)) if (Array.isArray(tool[k]) && !tool[k].length) delete tool[k];
    tools.push(tool);
  }
  return tools;
}

function parseMetrics(lines, where) {
  return keyValues(lines, where).map(({ key, value }) => (value ? { name: key, target: value } : { name: key }));
}

/**
 * "Persona-Driven Design Principles" is written per audience ("For Account Managers"),
 * not per persona number; this says which persona each audience is.
 */
const PRINCIPLE_AUDIENCES = [
  { match: /account manager/i, pid: 'GLUE-001' },
  { match: /leadership/i, pid: 'GLUE-002' },
  { match: /revenue operations|revops/i, pid: 'GLUE-003' },
];

function parseGlueDocument({ file, text }) {
  const personas = [];
  const principles = new Map();

  // A "---" rule closes the document; what follows is an editorial footnote.
  const lines = text.split('\n');
  const rule = lines.findIndex((l) => /^-{3,}\s*$/.test(l));
  if (rule !== -1 && lines.slice(rule + 1).some((l) => l.trim())) {
    console.log(`note: ${file}: footnote after "---" is not persona data, not mapped`);
  }

  // Skip the part before the first "##" (document title and intro).
  for (const part of sections(rule === -1 ? lines : lines.slice(0, rule), 2).slice(1)) {
    // "## Primary User Personas" / "## Secondary Personas" → tag, since the doc says so.
    const tier = part.heading.match(/^(Primary|Secondary)\b/i)?.[1].toLowerCase();

    for (const sub of sections(part.lines, 3)) {
      if (sub.heading === null) continue; // text between the ## and the first ###
      const numbered = sub.heading.match(/^(\d+)\.\s+(.+)$/);

      if (numbered) {
        const pid = `GLUE-${numbered[1].padStart(3, '0')}`;
        const where = `${file} ${pid}`;
        const persona = { pid, name: numbered[2].trim(), identity: '', app: 'Glue', app_id: 'glue', comment_count: 0 };
        if (tier) persona.tags = [tier];
        let extra = {};

        for (const block of sections(sub.lines, 4)) {
          if (block.heading === null) continue;
          const h = block.heading;
          const w = `${where} / ${h}`;
          if (/^Profile/i.test(h)) {
            ({ profile: persona.profile, extra } = parseProfile(block.lines, w));
            // Each goal becomes a list item, capitalised as it would be on its own line.
            if (extra.goals) persona.goals = splitList(extra.goals).map(capitalize);
          } else if (/Workflow/i.test(h)) persona.workflow = parseWorkflow(block.lines, w);
          else if (/Pain Points/i.test(h)) persona.frustrations = parsePainPoints(block.lines, w);
          else if (/Tool Usage/i.test(h)) persona.tools = parseTools(block.lines, w);
          else if (/Success Metrics/i.test(h)) persona.metrics = parseMetrics(block.lines, w);
          else warn(`${w}: unknown section, skipped`);
        }

        // Identity is composed only from the document's own words: the role line plus
        // goals (primary personas) or use case / tool usage (secondary personas).
        const sentence = (s) => (/[.!?]$/.test(s) ? s : `${s}.`);
        const bits = [];
        if (persona.profile?.role) bits.push(sentence(persona.profile.role));
        if (extra.goals) bits.push(sentence(`Goals: ${extra.goals}`));
        if (extra['use case']) bits.push(sentence(`Use case: ${extra['use case']}`));
        if (extra['tool usage']) bits.push(sentence(`Tool usage: ${extra['tool usage']}`));
        persona.identity = bits.join(' ');
        personas.push(persona);
      } else if (/design principles/i.test(part.heading)) {
        const audience = PRINCIPLE_AUDIENCES.find((a) => a.match.test(sub.heading));
        if (!audience) { warn(`${file}: principles "${sub.heading}" match no persona, skipped`); continue; }
        const items = keyValues(sub.lines, `${file} / ${sub.heading}`).map(({ key, value }) =>
          value ? { title: key, detail: value } : { title: key });
        principles.set(audience.pid, items);
      } else {
        // Document-wide material (e.g. team rituals shared by several personas) has no
        // per-persona field in the contract; say so instead of dropping it quietly.
        console.log(`note: ${file}: "${part.heading} / ${sub.heading}" is document-wide, not mapped`);
      }
    }
  }

  for (const [pid, items] of principles) {
    const persona = personas.find((p) => p.pid === pid);
    if (persona) persona.principles = items;
    else warn(`${file}: principles for ${pid}, but no such persona`);
  }
  return personas;
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
const glue = parseGlueDocument(readSeed('002'));
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
