/**
 * The endpoint format as JSON Schema, generated from the same zod schemas the
 * elements validate with (dist/persona.schema.json, and the CLI's `build`), so
 * endpoint owners can check what they host (e.g. with ajv).
 */
import * as z from 'zod/mini';
import { collectionWireSchema, listItemWire, personaWireSchema } from '../data/schema.js';

export function personaJsonSchema(): Record<string, unknown> {
  const metadata = z.registry<{ id: string; description?: string }>();
  metadata.add(personaWireSchema, { id: 'Persona', description: 'One persona. pid, name and identity are required.' });
  metadata.add(listItemWire(), { id: 'ListItem', description: 'A list entry: text, or { title, detail?, quote? }.' });
  return {
    ...z.toJSONSchema(collectionWireSchema, { target: 'draft-2020-12', reused: 'ref', metadata }),
    $id: 'https://persona-widgets.dev/persona.schema.json',
    title: 'persona-widgets endpoint, v1',
    description:
      'GET <src> returns a bare array of personas or { "personas": [...], "next"?: url, "total"?: int }. ' +
      'Unknown fields are ignored; url and image must be absolute http(s) URLs.',
  };
}
