/**
 * The persona as the elements see it: inferred from the contract's clean
 * schema (schema.ts), so the types and the validation cannot drift apart.
 * Empty strings and unfilled template prompts are absent, list items are
 * always objects, URLs are absolute http(s).
 */
import type * as z from 'zod/mini';
import type { personaSchema } from './schema.js';

/** A validated, cleaned persona. */
export type Persona = z.output<typeof personaSchema>;
/** An entry of a list field such as `goals` or `frustrations`: a title, detail and a real user's quote. */
export type PersonaListItem = NonNullable<Persona['goals']>[number];
/** Role, experience, team size and technical skill. */
export type PersonaProfile = NonNullable<Persona['profile']>;
/** A time slot of the daily workflow and what happens in it. */
export type PersonaWorkflowStep = NonNullable<Persona['workflow']>[number];
/** A tool the persona uses: how often, how long, for what, which features. */
export type PersonaTool = NonNullable<Persona['tools']>[number];
/** A success metric and its target. */
export type PersonaMetric = NonNullable<Persona['metrics']>[number];

/** A record the parser left out, and why. */
export interface SkippedRecord {
  /** Position in the response's persona list. */
  index: number;
  /** The record's pid, when it had a readable one. */
  pid?: string;
  reason: string;
}

/** One parsed response. */
export interface PersonaPage {
  personas: Persona[];
  skipped: SkippedRecord[];
  /** Absolute URL of the next page, when the endpoint pages. */
  next?: string;
  /** Total persona count the endpoint reports. */
  total?: number;
}
