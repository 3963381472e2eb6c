/**
 * The endpoint contract, v1: what a persona endpoint serves.
 *
 * These zod schemas describe the wire format (they are also turned into
 * `dist/persona.schema.json` for endpoint owners). Parsing in `parse.ts`
 * checks each field against them one by one, so a bad optional field is
 * dropped instead of costing the whole persona.
 */
import * as z from 'zod/mini';

/** Longest string kept from the endpoint; longer text is cut (keeps the tab responsive). */
export const MAX_TEXT_LENGTH = 20_000;
/** Most items kept from any list field. */
export const MAX_LIST_ITEMS = 200;

const text = z.string();

/** A list entry: plain text, or a titled item with optional detail and a quote from a real user. */
export const listItemSchema = z.union([
  z.string(),
  z.looseObject({
    title: z.string(),
    detail: z.optional(z.string()),
    quote: z.optional(z.string()),
  }),
]);

export const profileSchema = z.looseObject({
  role: z.optional(text),
  experience: z.optional(text),
  team_size: z.optional(z.union([text, z.number()])),
  technical_skill: z.optional(text),
});

export const workflowStepSchema = z.looseObject({
  when: text,
  activities: z.optional(z.array(text)),
});

export const toolSchema = z.looseObject({
  name: text,
  frequency: z.optional(text),
  duration: z.optional(text),
  use_cases: z.optional(z.array(text)),
  features: z.optional(z.array(text)),
});

export const metricSchema = z.looseObject({
  name: text,
  target: z.optional(z.union([text, z.number()])),
});

const count = z.int().check(z.minimum(0));
const httpUrl = z.string().check(z.regex(/^https?:\/\//i));

/** Fields every persona must have; a record missing one is skipped. */
export const requiredFields = {
  pid: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  identity: z.string().check(z.minLength(1)),
};

/** Narrative text fields, in reading order. */
export const NARRATIVE_FIELDS = [
  'aha_moment',
  'jtbd',
  'intention',
  'outcome',
  'scenario',
  'context',
  'composability',
] as const;

/** List fields whose items are a string or `{ title, detail?, quote? }`. */
export const LIST_FIELDS = [
  'goals',
  'frustrations',
  'worldview',
  'impact',
  'success_signals',
  'churn_triggers',
  'principles',
] as const;

/** Item schemas of the list fields: items are checked one by one, so one bad item costs only itself. */
export const listItemSchemas = {
  tags: text,
  goals: listItemSchema,
  frustrations: listItemSchema,
  worldview: listItemSchema,
  impact: listItemSchema,
  success_signals: listItemSchema,
  churn_triggers: listItemSchema,
  principles: listItemSchema,
  workflow: workflowStepSchema,
  tools: toolSchema,
  metrics: metricSchema,
};

/** Optional single-value fields; each is validated on its own. */
export const scalarFields = {
  app: text,
  app_id: text,
  category: text,
  version: z.union([text, z.number()]),
  updated_at: z.union([z.iso.date(), z.iso.datetime({ offset: true, local: true })]),
  url: httpUrl,
  image: httpUrl,
  comment_count: count,
  validation_count: count,
  aha_moment: text,
  jtbd: text,
  intention: text,
  outcome: text,
  scenario: text,
  context: text,
  composability: text,
  profile: profileSchema,
};

const optionalFields = {
  ...scalarFields,
  ...(Object.fromEntries(
    Object.entries(listItemSchemas).map(([key, item]) => [key, z.array(item)]),
  ) as { [K in keyof typeof listItemSchemas]: z.ZodMiniArray<(typeof listItemSchemas)[K]> }),
};

/** One persona as an endpoint serves it. Unknown fields are allowed and ignored. */
export const personaWireSchema = z.looseObject({
  ...requiredFields,
  ...Object.fromEntries(
    Object.entries(optionalFields).map(([key, schema]) => [key, z.optional(schema)]),
  ),
});

/** A response: a bare array of personas, or a page of them. */
export const collectionWireSchema = z.union([
  z.array(personaWireSchema),
  z.looseObject({
    personas: z.array(personaWireSchema),
    next: z.optional(z.string()),
    total: z.optional(count),
  }),
]);

