/**
 * Writes dist/persona.schema.json: the endpoint format as JSON Schema, generated
 * from the same zod schemas the elements validate with, so endpoint owners can
 * check what they host (e.g. with ajv) before the widgets ever see it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { collectionWireSchema, listItemSchema, personaWireSchema } from '../src/data/schema.js';

// Named definitions make the schema readable: #/$defs/Persona instead of __schema0.
const metadata = z.registry<{ id: string; description?: string }>();
metadata.add(personaWireSchema, { id: 'Persona', description: 'One persona. pid, name and identity are required.' });
metadata.add(listItemSchema, { id: 'ListItem', description: 'A list entry: text, or { title, detail?, quote? }.' });

const schema = {
  ...z.toJSONSchema(collectionWireSchema, { target: 'draft-2020-12', reused: 'ref', metadata }),
  $id: 'https://persona-widgets.dev/persona.schema.json',
  title: 'persona-widgets endpoint, v1',
  description:
    'GET <src> returns a bare array of personas or { "personas": [...], "next"?: url, "total"?: int }. ' +
    'Unknown fields are ignored; url and image must be absolute http(s) URLs.',
};

mkdirSync('dist', { recursive: true });
writeFileSync('dist/persona.schema.json', `${JSON.stringify(schema, null, 2)}\n`);
console.log('wrote dist/persona.schema.json');
