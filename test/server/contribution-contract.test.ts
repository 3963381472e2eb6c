/** The payload contract shared by <contribute-form> and the demo endpoint. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CONTRIBUTION_KINDS,
  MAX_CONTRIBUTION_LENGTH,
  PERSONA_FIELDS,
  isHoneypotFilled,
  validateContribution,
} from '../../src/data/contribution.js';
import { personaWireSchema } from '../../src/data/schema.js';
import { body } from './helpers.js';

function errorsOf(input: unknown): Record<string, string> {
  const result = validateContribution(input);
  assert.equal(result.ok, false);
  return result.ok ? {} : result.errors;
}

describe('validateContribution', () => {
  test('exposes the kinds and the pid-less persona fields', () => {
    assert.deepEqual([...CONTRIBUTION_KINDS], ['confirm', 'correct', 'extend', 'new']);
    assert.equal(PERSONA_FIELDS.length, 31);
    assert.ok(!(PERSONA_FIELDS as readonly string[]).includes('pid'));
  });

  test('accepts each kind with its required fields', () => {
    for (const kind of ['correct', 'extend'] as const) {
      assert.equal(validateContribution(body({ kind })).ok, true, kind);
    }
    const confirm = validateContribution(body({ kind: 'confirm', text: '' }));
    assert.ok(confirm.ok);
    assert.equal('text' in confirm.contribution, false);
    const created = validateContribution(body({ kind: 'new', pid: 'APP-9', field: 'name' }));
    assert.ok(created.ok);
    // A new persona has no pid or field: a leftover preset is dropped.
    assert.equal('pid' in created.contribution, false);
    assert.equal('field' in created.contribution, false);
  });

  test('requires pid, field and text according to kind', () => {
    assert.deepEqual(Object.keys(errorsOf(body({ pid: undefined, field: undefined, text: undefined }))).sort(), [
      'field',
      'pid',
      'text',
    ]);
    assert.deepEqual(Object.keys(errorsOf(body({ kind: 'confirm', pid: '', field: undefined }))).sort(), ['field', 'pid']);
    assert.deepEqual(Object.keys(errorsOf(body({ kind: 'new', text: ' \n ' }))), ['text']);
  });

  test('trims text and bounds it to 5000 characters', () => {
    const ok = validateContribution(body({ text: `  ${'a'.repeat(MAX_CONTRIBUTION_LENGTH)}  ` }));
    assert.ok(ok.ok);
    assert.equal(ok.contribution.text?.length, MAX_CONTRIBUTION_LENGTH);
    assert.match(errorsOf(body({ text: 'a'.repeat(MAX_CONTRIBUTION_LENGTH + 1) }))['text'] ?? '', /5000/);
  });

  test('maps contributor.* errors to the bare input names and drops empty optionals', () => {
    const errors = errorsOf(body({ contributor: { role: 'r'.repeat(201), experience: 7, email: 'a@' } }));
    assert.deepEqual(Object.keys(errors).sort(), ['email', 'experience', 'role']);
    const ok = validateContribution(body({ contributor: { role: ' ', email: '' } }));
    assert.ok(ok.ok);
    assert.deepEqual(ok.contribution.contributor, {});
    assert.ok(validateContribution(body({ contributor: undefined })).ok);
  });

  test('rejects unknown kinds and fields, bad dates and non-http page URLs', () => {
    assert.deepEqual(
      Object.keys(
        errorsOf(body({ kind: 'delete', field: 'pid', submitted_at: '2026-13-01', page_url: 'javascript:alert(1)' })),
      ).sort(),
      ['field', 'kind', 'page_url', 'submitted_at'],
    );
    assert.ok(errorsOf(body({ page_url: `https://x.example/${'a'.repeat(2000)}` }))['page_url']);
    assert.ok(validateContribution(body({ submitted_at: '2026-01-02T03:04:05+02:00' })).ok);
  });

  test('a non-object body is a whole-body error; prototype keys do nothing', () => {
    for (const input of [null, [], 'text', 42]) assert.deepEqual(Object.keys(errorsOf(input)), ['_']);
    const hostile = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(body()).slice(1)}`) as unknown;
    const result = validateContribution(hostile);
    assert.ok(result.ok);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.equal(Object.getPrototypeOf(result.contribution), Object.prototype);
  });

  test('the honeypot is not part of the normalised contribution', () => {
    assert.equal(isHoneypotFilled(body({ website: 'x' })), true);
    assert.equal(isHoneypotFilled(body({ website: '  ' })), false);
    assert.equal(isHoneypotFilled(body()), false);
    const result = validateContribution(body({ website: '' }));
    assert.ok(result.ok);
    assert.equal('website' in result.contribution, false);
  });
});

describe('PERSONA_FIELDS', () => {
  test('names exactly the persona contract’s fields (all but pid), so forms and schema cannot drift', () => {
    const contract = Object.keys(personaWireSchema.shape).filter((key) => key !== 'pid');
    assert.deepEqual([...PERSONA_FIELDS].sort(), contract.sort());
  });
});
