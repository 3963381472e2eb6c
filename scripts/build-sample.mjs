/**
 * dist/sample/personas.json: a handful of the demo's personas, shipped in the
 * package as sample data so a recipe renders with zero setup
 * (`src="https://unpkg.com/persona-widgets/dist/sample/personas.json"`, or the
 * installed file served by the app). Not a persona library: replace it with
 * your own endpoint (see README, Make your endpoint).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

/** Two personas of Segment (the recipes' APP-074 and APP-153) and a few other apps. */
const SAMPLE = ['APP-074', 'APP-153', 'APP-053', 'APP-167', 'APP-125', 'APP-136', 'GLUE-001', 'GLUE-002'];

const personas = JSON.parse(readFileSync('demo/data/personas.json', 'utf8'));
const sample = SAMPLE.map((pid) => {
  const persona = personas.find((p) => p.pid === pid);
  if (!persona) throw new Error(`sample persona ${pid} is not in demo/data/personas.json`);
  return persona;
});
mkdirSync('dist/sample', { recursive: true });
writeFileSync('dist/sample/personas.json', `${JSON.stringify(sample, null, 2)}\n`);
console.log(`wrote dist/sample/personas.json (${sample.length} sample personas)`);
