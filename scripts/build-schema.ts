/**
 * Writes dist/persona.schema.json: the endpoint format as JSON Schema, generated
 * from the same zod schemas the elements validate with, so endpoint owners can
 * check what they host (e.g. with ajv) before the widgets ever see it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { personaJsonSchema } from '../src/cli/json-schema.js';

mkdirSync('dist', { recursive: true });
writeFileSync('dist/persona.schema.json', `${JSON.stringify(personaJsonSchema(), null, 2)}\n`);
console.log('wrote dist/persona.schema.json');
