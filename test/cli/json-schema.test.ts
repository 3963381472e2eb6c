/**
 * The endpoint format as JSON Schema (dist/persona.schema.json) is the contract endpoint owners
 * check against: it changes only when the contract does. After an intended change, update the
 * fixture: `node --import tsx scripts/build-schema.ts && cp dist/persona.schema.json test/cli/fixtures/`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { personaJsonSchema } from '../../src/cli/json-schema.js';
import { PERSONA_FIELD_MODEL, PERSONA_KEYS, itemSchemaOf, listItemWire } from '../../src/data/schema.js';

test('the JSON Schema is the contract as published', () => {
  const published = JSON.parse(readFileSync(new URL('fixtures/persona.schema.json', import.meta.url), 'utf8')) as unknown;
  assert.deepEqual(JSON.parse(JSON.stringify(personaJsonSchema())), published);
});

test("each field's schemas are built once: every read is the same schema", () => {
  for (const key of PERSONA_KEYS) {
    const field = PERSONA_FIELD_MODEL[key];
    assert.equal(field.wire, field.wire, `${key}.wire`);
    assert.equal(field.clean, field.clean, `${key}.clean`);
  }
  // Every list field's items are the one ListItem of the JSON Schema.
  for (const key of ['goals', 'frustrations', 'principles'] as const) assert.equal(itemSchemaOf(key), listItemWire());
});
