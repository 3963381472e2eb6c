import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, fixture, readJson, repoRoot, tempDir } from './helpers.js';

type Json = Record<string, any>;

test('Markdown in the Glue structure, headings reordered and oddly written: every field', async () => {
  const dir = tempDir();
  const out = join(dir, 'personas.json');
  const run = await cli(['import', fixture('harbor.md'), '--app', 'Harbor', '--prefix', 'HB', '--out', out]);
  assert.equal(run.code, 0, run.stderr);
  const [ops, liaison, ...rest] = readJson(out) as Json[];
  assert.equal(rest.length, 0);
  assert.equal(ops!.pid, 'HB-001');
  assert.equal(ops!.name, 'Dispatch Coordinator (Ops)');
  assert.equal(ops!.identity, 'Keeps the trucks moving between the yard and the port. Goals: fewer idle trucks, calmer mornings.');
  assert.equal(ops!.app, 'Harbor');
  assert.equal(ops!.app_id, 'harbor');
  assert.deepEqual(ops!.tags, ['core']);
  assert.deepEqual(ops!.profile, {
    role: 'Keeps the trucks moving between the yard and the port',
    experience: '5-15 years in logistics',
    team_size: '4 dispatchers per shift',
    technical_skill: 'Low - prefers big buttons',
  });
  assert.deepEqual(ops!.goals, ['Fewer idle trucks', 'Calmer mornings']);
  // The slot's timed lines become slots of their own, each with the steps indented under it.
  assert.deepEqual(ops!.workflow, [
    { when: 'Early (5-7 AM): Yard Check' },
    { when: '5:00 AM', activities: ['Walk the yard'], steps: ['Count empty trailers'] },
  ]);
  assert.deepEqual(ops!.frustrations, [
    { title: 'Phone Tag', quote: 'I call three people to find one truck' },
    { title: 'Stale Data', detail: 'The board lags by five minutes' },
  ]);
  assert.deepEqual(ops!.tools, [
    {
      name: 'Route Board (Main Screen)',
      frequency: 'All day',
      duration: '2-4 hours',
      use_cases: ['Assigning drivers', 'Re-routing around closures'],
      features: ['live map', 'driver chat'],
    },
  ]);
  assert.deepEqual(ops!.metrics, [
    { name: 'On-time departures', target: '95% of trucks leave within 10 minutes' },
    { name: 'Idle time', target: 'Under 20 minutes per truck' },
  ]);
  assert.deepEqual(ops!.principles, [{ title: 'Glanceable', detail: 'One look tells the state of the yard' }]);

  assert.deepEqual(liaison, {
    pid: 'HB-002',
    name: 'Port Liaison',
    identity: 'Talks to the port authority for the company. Use case: Booking berth slots.',
    app: 'Harbor',
    app_id: 'harbor',
    tags: ['core'],
    profile: { role: 'Talks to the port authority for the company' },
    workflow: [{ when: 'Weekly Berth Call (1 hour)', steps: ['Confirm slots', 'Escalate conflicts'] }],
  });

  // Nothing dropped silently: each unmapped piece is named with file and line.
  for (const expected of [
    /harbor\.md:3: not mapped: "Short intro/,
    /harbor\.md:40: not mapped: "Favourite Snacks"/,
    /harbor\.md:41: not mapped: "Pretzels"/,
    /harbor\.md:61: not mapped: "For Nobody In Particular"/,
    /harbor\.md:62: not mapped: "Mystery: Nobody owns this"/,
  ]) {
    assert.match(run.stderr, expected);
  }
  assert.match(run.stdout, /imported 2 persona\(s\) from 1 file \(2 new, 0 updated\): HB-001, HB-002/);
});

test('the same input gives the same pids and bytes on every run; --prefix defaults from --app', async () => {
  const dir = tempDir();
  const files = [fixture('harbor.md'), fixture('list.yml'), fixture('people.csv')];
  for (const name of ['a.json', 'b.json']) {
    const run = await cli(['import', ...files, '--app', 'Harbor', '--out', join(dir, name)]);
    assert.equal(run.code, 0, run.stderr);
  }
  const a = readFileSync(join(dir, 'a.json'), 'utf8');
  assert.equal(a, readFileSync(join(dir, 'b.json'), 'utf8'));
  assert.deepEqual(
    (JSON.parse(a) as Json[]).map((p) => p.pid),
    ['HARBOR-001', 'HARBOR-002', 'HARBOR-003', 'LIB-011', 'HARBOR-004', 'CSV-900'],
  );
});

test('--strict: unmapped text is an error and nothing is written', async () => {
  const dir = tempDir();
  const out = join(dir, 'personas.json');
  const run = await cli(['import', fixture('harbor.md'), '--strict', '--out', out]);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /error: .*harbor\.md:40: not mapped: "Favourite Snacks"/);
  assert.match(run.stderr, /--strict: 6 piece\(s\) of source text map to no field/);
  assert.equal(existsSync(out), false);
  assert.deepEqual(readdirSync(dir), []);
});

test('YAML (one persona, a list) and CSV with multi-line cells: every field', async () => {
  const dir = tempDir();
  const out = join(dir, 'personas.json');
  const run = await cli(['import', fixture('one.yaml'), fixture('list.yml'), fixture('people.csv'), '--prefix', 'LIB', '--out', out]);
  assert.equal(run.code, 0, run.stderr);
  const personas = readJson(out) as Json[];
  assert.deepEqual(personas.map((p) => p.pid), ['LIB-010', 'LIB-001', 'LIB-011', 'LIB-002', 'CSV-900']);
  const [auditor, controller, clerk, tech, lead] = personas;
  assert.deepEqual(auditor, {
    pid: 'LIB-010',
    name: 'The Night Auditor',
    identity: 'Checks every ledger before the sun comes up.',
    app: 'Nightly',
    category: 'Finance',
    tags: ['audit', 'night-shift'],
    version: 2,
    aha_moment: 'The export finished in one minute.',
    jtbd: 'When a batch fails, I want to rerun it, so I can sleep.',
    intention: 'Close the books without surprises',
    outcome: 'A clean ledger by 6 AM',
    scenario: 'It is 3 AM and a batch failed.',
    context: 'Works alone.',
    composability: 'Pairs with the Morning Controller',
    goals: ['Reconcile all accounts', { title: 'Catch fraud early', detail: 'Flags anything odd', quote: 'I trust nothing after midnight' }],
    frustrations: ['Slow exports'],
    worldview: ['Numbers do not lie, people do'],
    impact: ['Saves the CFO a week per quarter'],
    success_signals: ['Zero late closes'],
    churn_triggers: ['A second failed export in a week'],
  });
  assert.match(run.stderr, /one\.yaml:31: not mapped: "favourite_color: "teal"" \(unknown key "favourite_color"\)/);
  assert.deepEqual(controller, { pid: 'LIB-001', name: 'The Morning Controller', identity: "Reviews the night's work.", goals: ['Approve the ledger'] });
  assert.deepEqual(clerk, { pid: 'LIB-011', name: 'The Weekend Clerk', identity: 'Covers Saturdays.', comment_count: 3 });
  assert.deepEqual(tech, {
    pid: 'LIB-002',
    name: 'The Field Tech',
    identity: 'Fixes things on site.',
    comment_count: 2,
    tags: ['field', 'mobile'],
    profile: { role: 'Technician', team_size: 'Solo' },
    goals: ['Finish by noon', 'Never come back twice'],
    metrics: [{ name: 'First-time fix', target: '90%' }, { name: 'Drive time' }],
  });
  assert.deepEqual(lead, {
    pid: 'CSV-900',
    name: 'The Warehouse Lead',
    identity: 'Runs the night shift,\nwith a radio.',
    tags: ['night'],
    profile: { role: 'Lead', team_size: '12' },
  });
});

test('--out an existing file: merged by pid, imported fields replace, counts and other fields stay', async () => {
  const dir = tempDir();
  const out = join(dir, 'personas.json');
  const existing = {
    personas: [
      { pid: 'X-1', name: 'Someone else', identity: 'Untouched.', comment_count: 1 },
      { pid: 'HB-001', name: 'Old name', identity: 'Old identity.', comment_count: 7, validation_count: 2, url: 'https://example.com/hb1', goals: ['Old goal'] },
    ],
    total: 2,
  };
  writeFileSync(out, JSON.stringify(existing));
  const run = await cli(['import', fixture('harbor.md'), '--app', 'Harbor', '--prefix', 'HB', '--out', out]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /\(1 new, 1 updated\)/);
  const body = readJson(out) as Json;
  assert.equal(body.total, 3);
  const [other, merged, added] = body.personas as Json[];
  assert.deepEqual(other, existing.personas[0]);
  assert.equal(merged!.pid, 'HB-001');
  assert.equal(merged!.name, 'Dispatch Coordinator (Ops)');
  assert.deepEqual(merged!.goals, ['Fewer idle trucks', 'Calmer mornings']);
  assert.equal(merged!.comment_count, 7);
  assert.equal(merged!.validation_count, 2);
  assert.equal(merged!.url, 'https://example.com/hb1');
  assert.equal(added!.pid, 'HB-002');
});

// The project's seed documents sit beside the repository (../shared/seeds), as scripts/build-demo-data.mjs expects.
const seeds = join(repoRoot, '..', 'shared', 'seeds');
const seed = existsSync(seeds) ? readdirSync(seeds).find((f) => f.startsWith('002_')) : undefined;
test('the Glue seed document gives the demo data GLUE personas, field for field', { skip: !seed && `no seed document in ${seeds}` }, async () => {
  const dir = tempDir();
  const out = join(dir, 'glue.json');
  const run = await cli(['import', join(seeds, seed!), '--format', 'md', '--app', 'Glue', '--prefix', 'GLUE', '--out', out]);
  assert.equal(run.code, 0, run.stderr);
  const demo = (readJson(join(repoRoot, 'demo/data/personas.json')) as Json[]).filter((p) => p.app_id === 'glue');
  const imported = readJson(out) as Json[];
  assert.deepEqual(imported.map((p) => p.pid), ['GLUE-001', 'GLUE-002', 'GLUE-003', 'GLUE-004', 'GLUE-005']);
  imported.forEach((persona, i) => {
    const { comment_count: _count, ...expected } = demo[i]!;
    for (const key of new Set([...Object.keys(persona), ...Object.keys(expected)])) {
      assert.deepEqual(persona[key], expected[key], `${persona.pid} ${key}`);
    }
  });
  assert.match(run.stderr, /:293: not mapped: "Cross-Persona Workflow Intersections"/);
  assert.match(run.stderr, /:340: not mapped: "These personas inform all UX decisions/);
});

test('bad input: a clear message naming the file (and line), a non-zero exit, the old output untouched', async () => {
  const dir = tempDir();
  const out = join(dir, 'personas.json');
  const before = '[{"pid":"KEEP","name":"Keep","identity":"Me."}]\n';
  const huge = join(dir, 'huge.md');
  writeFileSync(huge, '');
  truncateSync(huge, 50 * 1024 * 1024);
  const cases: [string[], number, RegExp][] = [
    [[join(dir, 'missing.md')], 2, /missing\.md: cannot read the file \(ENOENT\)/],
    [[fixture('bad.yaml')], 1, /bad\.yaml:\d+: invalid YAML/],
    [[fixture('bad-column.csv')], 1, /bad-column\.csv:1: unknown column "shoe_size" \(column 3\)/],
    [[fixture('empty.md')], 1, /empty\.md: the document is empty/],
    [[fixture('nopersona.md')], 1, /nopersona\.md: no personas found/],
    [[huge], 2, /huge\.md: the file is 50\.0 MB; the CLI reads files up to 20\.0 MB/],
    [[fixture('dup-a.yaml'), fixture('dup-b.yaml')], 1, /dup-b\.yaml:1: duplicate pid "DUP-1", already used at .*dup-a\.yaml:1/],
    [[fixture('hostile.json')], 1, /hostile\.json: unknown file type "\.json"/],
  ];
  for (const [files, code, message] of cases) {
    writeFileSync(out, before);
    const run = await cli(['import', ...files, '--out', out]);
    assert.equal(run.code, code, `${files.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, message);
    assert.equal(readFileSync(out, 'utf8'), before, `${files.join(' ')} changed the output`);
    assert.deepEqual(readdirSync(dir).sort(), ['huge.md', 'personas.json'], 'no temporary file left behind');
  }
});

test('an imported persona the widgets would skip is an error, with file and line', async () => {
  const dir = tempDir();
  const file = join(dir, 'noidentity.yaml');
  writeFileSync(file, 'name: Nobody\nurl: javascript:alert(1)\n');
  const run = await cli(['import', file, '--out', join(dir, 'out.json')]);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /noidentity\.yaml:1: P-001 identity: record skipped: missing/);
  assert.equal(existsSync(join(dir, 'out.json')), false);
});
