import { expect } from '@open-wc/testing';
import { PersonaError } from '../../src/data/errors.js';
import { PageParser, appIdFromName, appNameFromId, cleanText, parseCollection, parsePersona, readPage } from '../../src/data/parse.js';
import { MAX_TEXT_LENGTH } from '../../src/data/schema.js';
import type { Persona } from '../../src/data/types.js';

const base = { pid: 'APP-074', name: 'The Segment Data Engineer', identity: 'A data engineer.' };

function parse(raw: unknown): Persona {
  const result = parsePersona(raw);
  if ('skipped' in result) throw new Error(`skipped: ${result.skipped}`);
  return result;
}

describe('parseCollection: response shapes', () => {
  it('accepts a bare array', () => {
    const page = parseCollection([base]);
    expect(page.personas.map((p) => p.pid)).to.deep.equal(['APP-074']);
    expect(page.skipped).to.deep.equal([]);
    expect(page.next).to.equal(undefined);
  });

  it('accepts the envelope with next (resolved against the response URL) and total', () => {
    const page = parseCollection({ personas: [base], next: '?page=2', total: 40 }, 'https://example.test/p.json');
    expect(page.next).to.equal('https://example.test/p.json?page=2');
    expect(page.total).to.equal(40);
  });

  it('drops a next that is not http(s) and a total that is not a count', () => {
    const page = parseCollection({ personas: [], next: 'javascript:alert(1)', total: -3 }, 'https://example.test/');
    expect(page.next).to.equal(undefined);
    expect(page.total).to.equal(undefined);
  });

  for (const [label, body] of [
    ['an object without personas', { data: [] }],
    ['a string', 'personas'],
    ['null', null],
    ['a number', 42],
    ['personas that is not an array', { personas: { 0: base } }],
  ] as const) {
    it(`rejects ${label} as a data error`, () => {
      let error: unknown;
      try {
        parseCollection(body);
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(PersonaError);
      expect((error as PersonaError).kind).to.equal('data');
      expect((error as PersonaError).message).to.match(/did not return persona data/);
    });
  }
});

describe('parseCollection: one bad record never takes down the rest', () => {
  it('skips invalid records with reasons and keeps the valid ones', () => {
    const page = parseCollection([
      base,
      { pid: 'X-1', name: 'No identity' },
      'not an object',
      { pid: 42, name: 'Numeric pid', identity: 'x' },
      { ...base, pid: 'APP-075', name: '   ' },
      { ...base, pid: 'APP-076' },
      { ...base },
    ]);
    expect(page.personas.map((p) => p.pid)).to.deep.equal(['APP-074', 'APP-076']);
    expect(page.skipped).to.deep.equal([
      { index: 1, pid: 'X-1', reason: 'missing or invalid "identity"' },
      { index: 2, reason: 'not an object' },
      { index: 3, pid: '42', reason: 'missing or invalid "pid"' },
      { index: 4, pid: 'APP-075', reason: 'missing or invalid "name"' },
      { index: 6, pid: 'APP-074', reason: 'duplicate "pid"' },
    ]);
  });

  it('drops a bad optional field but keeps the persona', () => {
    const persona = parse({ ...base, comment_count: -1, validation_count: 2.5, tags: 'not-a-list', goals: 7 });
    expect(persona).to.deep.equal(base);
  });
});

describe('PageParser: a page validated in slices', () => {
  const record = (pid: string, name: string) => ({ pid, name, identity: `Identity of ${name}.` });
  const records = [
    record('A-1', 'First'),
    { pid: 'X-1', identity: 'no name: skipped' },
    ...Array.from({ length: 500 }, (_, i) => record(`F-${i}`, `Filler ${i}`)),
    record('X-1', 'The valid X'),
    record('X-1', 'A duplicate X'),
  ];

  it('yields exactly what validating all at once yields, whatever the slices', () => {
    const whole = parseCollection(records);
    const parser = new PageParser(readPage(records));
    let slices = 0;
    while (!parser.done) {
      parser.parseUntil(0); // one record per slice
      slices++;
    }
    expect(slices).to.equal(records.length);
    expect(parser.result()).to.deep.equal(whole);
  });

  it('validates at least as many records as asked, past the deadline', () => {
    const parser = new PageParser(readPage(records));
    parser.parseUntil(0, 24);
    expect(parser.personas.length + parser.skipped.length).to.equal(24);
    parser.parseUntil(0); // then one record per slice again
    expect(parser.personas.length + parser.skipped.length).to.equal(25);
  });

  it('looks ahead to the persona validating in order will keep: the first valid record with the pid', () => {
    const parser = new PageParser(readPage(records));
    parser.parseUntil(0);
    const early = parser.lookAhead('X-1');
    expect(early?.name).to.equal('The valid X');
    expect(parser.lookAhead('A-1')).to.equal(undefined); // validated already: the caller has it
    expect(parser.lookAhead('X-1', 10)).to.equal(undefined); // not within the next 10 records
    parser.parseUntil(Infinity);
    expect(parser.personas.find((persona) => persona.pid === 'X-1')).to.equal(early);
    expect(parser.skipped.map((skip) => skip.reason)).to.deep.equal(['missing or invalid "name"', 'duplicate "pid"']);
  });
});

describe('parsePersona: cleaning', () => {
  it('keeps every contract field, normalised', () => {
    const persona = parse({
      ...base,
      app: 'Notion AI',
      category: 'Productivity',
      tags: ['ai', '  ', 'docs'],
      version: 3,
      updated_at: '2026-05-01',
      url: 'https://example.test/personas/APP-074',
      image: 'http://example.test/a.png',
      comment_count: 4,
      validation_count: 0,
      aha_moment: 'It clicked.',
      jtbd: 'Keep the schema clean.',
      goals: ['Ship', { title: 'Trust', detail: 'in data', quote: 'I sleep better' }, { detail: 'no title' }],
      profile: { role: 'Engineer', team_size: 8, extra: 'ignored' },
      workflow: [{ when: 'Morning', activities: ['Check alerts', ''] }, { activities: ['no when'] }],
      tools: [{ name: 'Whitespace', frequency: 'daily', use_cases: ['Reviews'] }],
      metrics: [{ name: 'Revenue', target: '$50K' }, { name: 'NPS', target: 40 }],
      unknown_field: 'ignored',
    });
    expect(persona).to.deep.equal({
      ...base,
      app: 'Notion AI',
      app_id: 'notion-ai',
      category: 'Productivity',
      tags: ['ai', 'docs'],
      version: 3,
      updated_at: '2026-05-01',
      url: 'https://example.test/personas/APP-074',
      image: 'http://example.test/a.png',
      comment_count: 4,
      validation_count: 0,
      aha_moment: 'It clicked.',
      jtbd: 'Keep the schema clean.',
      goals: [{ title: 'Ship' }, { title: 'Trust', detail: 'in data', quote: 'I sleep better' }],
      profile: { role: 'Engineer', team_size: '8' },
      workflow: [{ when: 'Morning', activities: ['Check alerts'] }],
      tools: [{ name: 'Whitespace', frequency: 'daily', use_cases: ['Reviews'], features: [] }],
      metrics: [
        { name: 'Revenue', target: '$50K' },
        { name: 'NPS', target: '40' },
      ],
    });
  });

  it('keeps a time slot\'s steps beside its activities, and old slots with activities alone', () => {
    const persona = parse({
      ...base,
      workflow: [
        { when: 'Morning (8-10 AM): Account Health Check' },
        { when: '9:00 AM', activities: ['Dashboard review'], steps: ['Check alerts', ' ', 'Triage'] },
        { when: 'Afternoon', activities: ['Calls'] },
        { when: 'Evening', steps: [] },
        // A slot that breaks the contract costs only itself.
        { when: 'Night', steps: 'not a list' },
      ],
    });
    expect(persona.workflow).to.deep.equal([
      { when: 'Morning (8-10 AM): Account Health Check', activities: [] },
      { when: '9:00 AM', activities: ['Dashboard review'], steps: ['Check alerts', 'Triage'] },
      { when: 'Afternoon', activities: ['Calls'] },
      { when: 'Evening', activities: [] },
    ]);
  });

  it('treats unfilled template prompts and dashes as empty', () => {
    for (const placeholder of ['—', '-', ' – ', 'What are they trying to do? —', 'Why? -', '']) {
      expect(cleanText(placeholder), JSON.stringify(placeholder)).to.equal(undefined);
    }
    expect(cleanText('Well-known — and loved')).to.equal('Well-known — and loved');
    for (const text of ['Why? Because — really', 'Two? Questions? —', 'A dash at the end —x', 'Ends in ?', '5 - 3']) {
      expect(cleanText(text), JSON.stringify(text)).to.equal(text);
    }
    const persona = parse({ ...base, jtbd: 'What are they trying to do? —', aha_moment: '—' });
    expect(persona).to.deep.equal(base);
  });

  // WebKit ran the old placeholder regex (`u` flag) in time quadratic in the
  // text's length for strings from JSON.parse of a non-Latin-1 body: a 1 MB
  // identity pinned the page for minutes. Parsing must cost about the cap.
  for (const [label, repeat] of [['100 kB', 7_000], ['1 MB', 70_000]] as const) {
    it(`parses ${label} of non-Latin-1 text in linear time, capped first`, () => {
      const long = `Ünïcödé ${'data engineer '.repeat(repeat)}?`;
      const body = JSON.stringify([{ ...base, identity: long, aha_moment: `“${long}”`, goals: [long] }]);
      const started = performance.now();
      const page = parseCollection(JSON.parse(body));
      const elapsed = performance.now() - started;
      expect(page.personas).to.have.length(1);
      expect(page.personas[0]!.identity.length).to.equal(MAX_TEXT_LENGTH + 1); // the cap and "…"
      console.log(`parse of three ${label} texts: ${elapsed.toFixed(1)} ms`);
      expect(elapsed, `parse took ${elapsed.toFixed(0)} ms`).to.be.below(250);
    });
  }

  it('keeps the endpoint app_id (normalised) over one derived from app', () => {
    expect(parse({ ...base, app: 'Fly.io' }).app_id).to.equal('flyio');
    expect(parse({ ...base, app: 'Notion AI', app_id: 'notion-ai' }).app_id).to.equal('notion-ai');
    expect(parse({ ...base, app_id: 'Figma Dev Mode' }).app_id).to.equal('figma-dev-mode');
    expect(appIdFromName('Café Crème')).to.equal('cafe-creme');
    expect(appNameFromId('notion-ai')).to.equal('Notion Ai');
  });

  it('caps huge strings', () => {
    const persona = parse({ ...base, identity: 'y'.repeat(MAX_TEXT_LENGTH * 3) });
    expect(persona.identity.length).to.equal(MAX_TEXT_LENGTH + 1);
  });

  it('drops invalid dates', () => {
    expect(parse({ ...base, updated_at: 'yesterday' }).updated_at).to.equal(undefined);
    expect(parse({ ...base, updated_at: '2026-13-45' }).updated_at).to.equal(undefined);
    expect(parse({ ...base, updated_at: '2026-11-25T10:00:00Z' }).updated_at).to.equal('2026-11-25T10:00:00Z');
  });
});

describe('parsePersona: hostile input', () => {
  it('allows only absolute http(s) URLs', () => {
    const hostile = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '//evil.test/x.png',
      '/relative/path',
      'https://exa mple.test/',
      'http://\nexample.test',
      'ftp://example.test/file',
    ];
    for (const url of hostile) {
      const persona = parse({ ...base, url, image: url });
      expect(persona.url, url).to.equal(undefined);
      expect(persona.image, url).to.equal(undefined);
    }
    expect(parse({ ...base, url: ' https://example.test/a ' }).url).to.equal('https://example.test/a');
  });

  it('keeps markup as plain text (rendering escapes it)', () => {
    const persona = parse({ ...base, name: '<img src=x onerror=alert(1)>' });
    expect(persona.name).to.equal('<img src=x onerror=alert(1)>');
  });

  it('ignores prototype keys and never changes Object.prototype', () => {
    const payload = JSON.parse(
      `[{"pid":"P-1","name":"n","identity":"i","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},
        "profile":{"__proto__":{"polluted":true},"role":"r"},
        "goals":[{"title":"t","__proto__":{"polluted":true}}]}]`,
    ) as unknown;
    const page = parseCollection(payload);
    const persona = page.personas[0]!;
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(Object.getPrototypeOf(persona)).to.equal(Object.prototype);
    expect(Object.keys(persona)).to.have.members(['pid', 'name', 'identity', 'goals', 'profile']);
    expect((persona as unknown as Record<string, unknown>).polluted).to.equal(undefined);
    expect(Object.keys(persona.profile!)).to.deep.equal(['role']);
  });

  it('does not read inherited names as fields', () => {
    const record = Object.create({ pid: 'INHERITED', name: 'n', identity: 'i' }) as object;
    expect(parsePersona(record)).to.deep.equal({ skipped: 'missing or invalid "pid"' });
  });
});
