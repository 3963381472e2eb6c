import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { PersonaClient } from '../../src/data/client.js';
import { PersonaError } from '../../src/data/errors.js';
import { parseCollection } from '../../src/data/parse.js';
import { personaWireSchema } from '../../src/data/schema.js';
import type { Persona } from '../../src/data/types.js';
import { endpoint, uniqueKey } from '../support/helpers.js';

/** Every invariant the elements rely on, for one parsed persona. */
function assertClean(persona: Persona) {
  expect(personaWireSchema.safeParse(persona).success, JSON.stringify(persona)).to.equal(true);
  for (const key of ['pid', 'name', 'identity'] as const) expect(persona[key].trim()).not.to.equal('');
  for (const key of ['url', 'image'] as const) {
    if (persona[key] !== undefined) expect(persona[key]).to.match(/^https?:\/\//);
  }
  expect(Object.getPrototypeOf(persona)).to.equal(Object.prototype);
}

function parseOrDataError(body: unknown) {
  try {
    return parseCollection(body, 'https://example.test/p.json');
  } catch (error) {
    expect(error).to.be.instanceOf(PersonaError);
    expect((error as PersonaError).kind).to.equal('data');
    return undefined;
  }
}

const anyText = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '<svg onload=alert(1)>',
    '${alert(1)}',
    '{{constructor.constructor("alert(1)")()}}',
    'javascript:alert(1)',
    ' data:text/html,x',
    '//evil.test',
    '\u202Eevil\u202C',
    'zero\u200Bwidth',
    '—',
    'What are they trying to do? —',
    'https://ok.test/a',
  ),
);
const anyValue = fc.oneof(anyText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.jsonValue());
const personaLike = fc.record(
  {
    pid: anyValue,
    name: anyValue,
    identity: anyValue,
    app: anyValue,
    app_id: anyValue,
    url: anyValue,
    image: anyValue,
    comment_count: anyValue,
    validation_count: anyValue,
    updated_at: anyValue,
    tags: fc.oneof(fc.array(anyValue), anyValue),
    goals: fc.oneof(fc.array(fc.oneof(anyText, fc.record({ title: anyValue, quote: anyValue }))), anyValue),
    profile: fc.oneof(fc.record({ role: anyValue, team_size: anyValue }), anyValue),
    workflow: fc.oneof(fc.array(fc.record({ when: anyValue, activities: fc.array(anyValue) })), anyValue),
    tools: fc.oneof(fc.array(fc.record({ name: anyValue, use_cases: anyValue })), anyValue),
    metrics: fc.oneof(fc.array(fc.record({ name: anyValue, target: anyValue })), anyValue),
    constructor: fc.jsonValue(),
  },
  { requiredKeys: [] },
).map((record) => {
  // An own "__proto__" key, as JSON.parse makes it (an object literal would set the prototype instead).
  const json = JSON.stringify(record);
  return JSON.parse(`{"__proto__":{"polluted":true}${json === '{}' ? '' : ','}${json.slice(1)}`) as unknown;
});

describe('parser properties (fast-check)', () => {
  it('for arbitrary JSON never throws anything but a data error, and returns only clean personas', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        const page = parseOrDataError(body);
        page?.personas.forEach(assertClean);
      }),
      { numRuns: 500 },
    );
  });

  it('for persona-like records of hostile values keeps only clean personas and explains every skip', () => {
    fc.assert(
      fc.property(fc.array(personaLike, { maxLength: 8 }), fc.boolean(), (records, envelope) => {
        const page = parseOrDataError(envelope ? { personas: records, next: fc.sample(anyText, 1)[0] } : records)!;
        page.personas.forEach(assertClean);
        expect(page.personas.length + page.skipped.length).to.equal(records.length);
        for (const skip of page.skipped) expect(skip.reason).to.be.a('string').and.not.equal('');
        expect(new Set(page.personas.map((p) => p.pid)).size).to.equal(page.personas.length);
        if (page.next !== undefined) expect(page.next).to.match(/^https?:\/\//);
      }),
      { numRuns: 300 },
    );
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('survives 100,000-item lists, deep nesting and 1 MB strings quickly', () => {
    const deep = JSON.parse(`${'['.repeat(5000)}${']'.repeat(5000)}`) as unknown;
    const started = performance.now();
    const page = parseCollection([
      {
        pid: 'BIG',
        name: 'n'.repeat(1024 * 1024),
        identity: 'i',
        goals: Array.from({ length: 100_000 }, (_, i) => `goal ${i}`),
        tags: deep,
        profile: { role: deep },
      },
    ]);
    expect(performance.now() - started).to.be.below(2000);
    const persona = page.personas[0]!;
    expect(persona.goals).to.have.length(200);
    expect(persona.name.length).to.equal(20_001);
    expect(persona.tags).to.equal(undefined);
    expect(persona.profile).to.equal(undefined);
  });
});

describe('endpoint faults', () => {
  const client = () => new PersonaClient({ timeout: 300, retries: 1, retryDelay: 5 });
  let rejections: unknown[];
  const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason);
  beforeEach(() => {
    rejections = [];
    window.addEventListener('unhandledrejection', onRejection);
  });
  afterEach(async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    window.removeEventListener('unhandledrejection', onRejection);
    expect(rejections, 'unhandled promise rejections').to.deep.equal([]);
  });

  async function failure(url: string): Promise<PersonaError> {
    try {
      await client().source(url).load();
    } catch (error) {
      return error as PersonaError;
    }
    throw new Error('expected a failure');
  }

  it('a redirect to another origin without CORS is a network error', async () => {
    const otherOrigin = `http://127.0.0.1:${location.port}${endpoint({ key: uniqueKey() })}`;
    expect(location.hostname).to.equal('localhost');
    const error = await failure(endpoint({ key: uniqueKey(), redirect: otherOrigin }));
    expect(error.kind).to.equal('network');
  });

  it('a cross-origin endpoint without CORS headers is a network error', async () => {
    const error = await failure(`http://127.0.0.1:${location.port}${endpoint({ key: uniqueKey() })}`);
    expect(error.kind).to.equal('network');
  });

  it('a redirect within the origin is followed', async () => {
    const target = endpoint({ key: uniqueKey(), count: 2 });
    const collection = await client().source(endpoint({ key: uniqueKey(), redirect: target })).load();
    expect(collection.personas).to.have.length(2);
  });

  for (const status of [500, 502, 503]) {
    it(`${status} then success recovers`, async () => {
      const collection = await client().source(endpoint({ key: uniqueKey(), status, fail: 1 })).load();
      expect(collection.personas).to.have.length(3);
    });
  }

  it('a connection that never answers ends as a timeout', async () => {
    const error = await failure(endpoint({ key: uniqueKey(), delay: 5000 }));
    expect(error.kind).to.equal('timeout');
  });

  it('truncated JSON and an HTML page with status 200 are data errors', async () => {
    expect((await failure(endpoint({ key: uniqueKey(), body: 'not-json' }))).kind).to.equal('data');
    expect((await failure(endpoint({ key: uniqueKey(), body: 'html' }))).kind).to.equal('data');
  });
});
