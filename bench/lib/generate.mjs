/**
 * Deterministic persona generator for the grid benchmarks: the same seed and
 * count give byte-identical JSON on every machine.
 *
 * Text lengths follow the demo library (demo/data/personas.json): names of
 * 14–50 characters, identities of ~400–600, aha moments of ~60–200, apps from
 * a list of 50 products; about one persona in five has deep fields (profile,
 * goals, frustrations, workflow, tools, metrics, narrative fields), which makes
 * them 2–4 kB instead of ~0.8 kB.
 */

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const APPS = [
  'Segment', 'Notion AI', 'Figma', 'Linear', 'Slack', 'GitHub Copilot', 'Vercel', 'Stripe', 'Datadog',
  'Snowflake', 'dbt Cloud', 'Airtable', 'Zapier', 'HubSpot', 'Intercom', 'Amplitude', 'Mixpanel', 'Looker',
  'Retool', 'Supabase', 'Fly.io', 'Netlify', 'Sentry', 'PagerDuty', 'Jira', 'Confluence', 'Miro', 'Loom',
  'Canva', 'Webflow', 'Shopify', 'Postman', 'Grafana', 'Cloudflare', 'Twilio', 'Zendesk', 'Asana',
  'Monday.com', 'ClickUp', 'Obsidian', 'Raycast', 'Cursor', 'Replit', 'Hex', 'Metabase', 'Fivetran',
  'AWS Glue', 'BigQuery', 'Databricks', 'Café Studio',
];

const ROLES = [
  'Data Engineer', 'Analytics Engineer', 'Product Manager', 'Staff Engineer', 'Support Lead', 'Founder',
  'Growth Marketer', 'Designer', 'Platform Engineer', 'Site Reliability Engineer', 'Ops Manager',
  'Solutions Architect', 'Researcher', 'Content Strategist', 'Freelance Developer', 'Engineering Manager',
  'Data Scientist', 'Customer Success Manager', 'Security Engineer', 'Technical Writer',
];

const ADJECTIVES = [
  'Reluctant', 'Overloaded', 'Pragmatic', 'First-time', 'Accidental', 'Skeptical', 'Solo', 'Enterprise',
  'Scrappy', 'Migrating', 'Compliance-minded', 'Remote', 'Bootstrapped', 'Curious', 'Burned-out',
];

const NOUNS = [
  'dashboards', 'tracking plan', 'roadmap', 'onboarding flow', 'data pipeline', 'release notes', 'alerts',
  'customer tickets', 'design system', 'deploy previews', 'billing reports', 'quarterly planning',
  'schema migrations', 'on-call rotation', 'experiment results', 'churn analysis', 'backlog', 'API keys',
  'event schema', 'warehouse costs', 'postmortems', 'feature flags', 'spreadsheets', 'handoffs',
  'stakeholder updates', 'access reviews', 'invoices', 'knowledge base', 'user interviews', 'SLAs',
];

const VERBS = [
  'cleans up', 'inherits', 'owns', 'maintains', 'explains', 'rebuilds', 'audits', 'automates', 'documents',
  'reviews', 'triages', 'migrates', 'defends', 'untangles', 'ships',
];

const TEAMS = [
  'a 12-person startup', 'a mid-size SaaS company', 'a bank', 'a hospital network', 'an agency',
  'a public university', 'a logistics company', 'a game studio', 'a nonprofit', 'a retail chain',
  'a two-person consultancy', 'a government department',
];

const SENTENCES = [
  'A {role} at {team} for whom {app} is the centre of the week.',
  'They did not choose {app}; they inherited it along with the {noun}.',
  'Every morning they {verb} the {noun} before anyone else is online.',
  'They have been trying to fix the {noun} for eight months, and it will take eight more.',
  'When the {noun} breaks, they are the person who gets paged.',
  'Their manager measures them on the {noun}, but nobody sees the {noun2} they {verb} on the side.',
  'They keep a private checklist for the {noun} because the official one is out of date.',
  'They learned {app} from a colleague who has since left, and they still {verb} the {noun} the same way.',
  'They would pay for {app} themselves if it meant never touching the {noun} again.',
  'Half their week goes to the {noun}; the other half to explaining the {noun2} to people who need it yesterday.',
  'They are fluent in the quirks of {app} and suspicious of anything that promises to replace it.',
  'Most of their questions start in a chat thread about the {noun} and end in a spreadsheet.',
  'They have strong opinions about the {noun} and weak ones about everything else.',
  'They test every change to the {noun} twice, because the last outage was theirs.',
];

const AHA = [
  'The moment {app} showed the {noun} in one place, they stopped keeping a second copy.',
  'A teammate asked how they managed the {noun}, and the answer was a single {app} link.',
  'They realised the {noun} had been right all along; the {noun2} were wrong.',
  'Setting up {app} for the {noun} took ten minutes instead of a sprint.',
  'The first weekly report that nobody questioned.',
  'When the {noun} finally matched what customers saw.',
];

const QUOTES = [
  'I just want the {noun} to be boring.',
  'If I have to {verb} the {noun} one more time by hand, I will quit.',
  'Nobody reads the {noun2} until something is on fire.',
  'Show me the {noun}, not another dashboard about the {noun}.',
];

const pick = (random, list) => list[Math.floor(random() * list.length)];
const fill = (random, template, ctx) =>
  template
    .replaceAll('{role}', ctx.role.toLowerCase())
    .replaceAll('{team}', ctx.team)
    .replaceAll('{app}', ctx.app)
    .replaceAll('{noun2}', pick(random, NOUNS))
    .replaceAll('{noun}', ctx.noun)
    .replaceAll('{verb}', pick(random, VERBS));

function appId(app) {
  return app
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_/]+/g, '-')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

function paragraph(random, ctx, min, max) {
  let text = '';
  const target = min + Math.floor(random() * (max - min));
  const pool = [...SENTENCES];
  while (text.length < target && pool.length) {
    const [sentence] = pool.splice(Math.floor(random() * pool.length), 1);
    text += (text ? ' ' : '') + fill(random, sentence, ctx);
  }
  return text;
}

function listItems(random, ctx, count, quote) {
  return Array.from({ length: count }, () => {
    const title = fill(random, `${pick(random, VERBS)} the {noun} without {noun2}`, ctx).replace(/^./, (c) => c.toUpperCase());
    const item = { title, detail: fill(random, pick(random, SENTENCES), ctx) };
    if (quote && random() < 0.5) item.quote = fill(random, pick(random, QUOTES), ctx);
    return item;
  });
}

/** One persona, the `i`-th of a seeded sequence. */
export function persona(i, random) {
  const app = APPS[Math.floor(random() * APPS.length)];
  const role = pick(random, ROLES);
  const ctx = { role, app, team: pick(random, TEAMS), noun: pick(random, NOUNS) };
  const name = random() < 0.5 ? `The ${app} ${role}` : `The ${pick(random, ADJECTIVES)} ${app} ${role}`;
  const p = {
    pid: `GEN-${String(i + 1).padStart(6, '0')}`,
    name,
    identity: paragraph(random, ctx, 300, 460),
    app,
    app_id: appId(app),
  };
  if (random() < 0.92) p.aha_moment = fill(random, pick(random, AHA), ctx);
  p.comment_count = Math.floor(random() * 40);
  if (random() < 0.6) p.validation_count = Math.floor(random() * 25);
  if (random() < 0.7) {
    const day = 1 + Math.floor(random() * 900);
    p.updated_at = new Date(Date.UTC(2024, 0, day)).toISOString().slice(0, 10);
  }
  if (random() < 0.3) p.tags = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, NOUNS));
  if (random() < 0.2) {
    // Deep persona.
    p.category = pick(random, ['data', 'product', 'engineering', 'support', 'design', 'operations']);
    p.jtbd = paragraph(random, ctx, 120, 240);
    p.scenario = paragraph(random, ctx, 150, 300);
    p.profile = {
      role,
      experience: `${2 + Math.floor(random() * 15)} years`,
      team_size: String(1 + Math.floor(random() * 60)),
      technical_skill: pick(random, ['low', 'medium', 'high', 'expert']),
    };
    p.goals = listItems(random, ctx, 2 + Math.floor(random() * 3), false);
    p.frustrations = listItems(random, ctx, 2 + Math.floor(random() * 3), true);
    p.workflow = Array.from({ length: 2 + Math.floor(random() * 3) }, () => ({
      when: pick(random, ['Monday morning', 'Daily standup', 'End of sprint', 'Quarter close', 'On call']),
      activities: Array.from({ length: 2 + Math.floor(random() * 3) }, () => fill(random, `${pick(random, VERBS)} the {noun}`, ctx)),
    }));
    p.tools = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({
      name: pick(random, APPS),
      frequency: pick(random, ['daily', 'weekly', 'monthly']),
      use_cases: [fill(random, '{noun}', ctx), fill(random, '{noun2}', ctx)],
      features: [fill(random, '{noun2}', ctx)],
    }));
    p.metrics = [{ name: fill(random, 'time spent on the {noun}', ctx), target: `${1 + Math.floor(random() * 10)} hours a week` }];
  }
  return p;
}

/** `count` personas; the same seed and count always give the same list. */
export function generatePersonas(count, seed = 7) {
  const random = rng(seed);
  return Array.from({ length: count }, (_, i) => persona(i, random));
}

/** A query a user would type into the grid (≥ 20 keystrokes), whose words the generator uses. */
export const GRID_QUERY = 'notion product manager roadmap';
