/**
 * The persona contract, v1: every field once, in reading order, with
 *
 * - `wire`: the zod schema of what an endpoint may send (turned into
 *   `dist/persona.schema.json`; checked field by field in `parse.ts`, so a bad
 *   optional field is dropped instead of costing the whole persona),
 * - `clean`: the zod schema of what the elements see after parsing (the
 *   `Persona` type is inferred from it),
 * - `kind`: how the field is shown, exported and described,
 * - `group`: where it belongs (the card's summary, a section of the full
 *   profile in reading order, or a detail such as counts and links).
 *
 * The card's sections, the Markdown/text/CSV exports, the form's field picker
 * and contribution validation are all derived from {@link PERSONA_FIELD_MODEL}.
 * The label of a field is `strings.fields[key]` (src/i18n).
 */
import * as z from 'zod/mini';

/** Longest string kept from the endpoint; longer text is cut (keeps the tab responsive). */
export const MAX_TEXT_LENGTH = 20_000;
/** Most items kept from any list field. */
export const MAX_LIST_ITEMS = 200;

/**
 * A schema built the first time it is asked for, then kept. The contract is about a hundred
 * zod schemas; parsing builds only the wire schemas of the fields a record has (the clean ones
 * only describe the `Persona` type and `personaSchema`). Building them all up front cost ~10 ms
 * of a card page's main thread before the card could render (Chromium).
 */
const once = <T>(build: () => T): (() => T) => {
  let built: T | undefined;
  return () => (built ??= build());
};

const text = once(() => z.string());
const textOrNumber = once(() => z.union([text(), z.number()]));
const count = once(() => z.int().check(z.minimum(0)));
const httpUrl = once(() => z.string().check(z.regex(/^https?:\/\//i)));
// A new list schema per use, as before: a shared instance would become a `$defs` entry of the JSON Schema.
const texts = () => z.array(text());

// What endpoints may send: list items as plain text or objects, numbers where people write them.

/** A list entry as sent: plain text, or a titled item with optional detail and a quote from a real user. */
export const listItemWire = once(() =>
  z.union([z.string(), z.looseObject({ title: text(), detail: z.optional(text()), quote: z.optional(text()) })]),
);
/** A profile's rows (PROFILE_ROWS), each optional; `team_size` as `teamSize` (the wire also takes a number). */
const profileRows = <T extends z.ZodMiniType>(teamSize: T) => ({
  role: z.optional(text()),
  experience: z.optional(text()),
  team_size: z.optional(teamSize),
  technical_skill: z.optional(text()),
});
const profileWire = () => z.looseObject(profileRows(textOrNumber()));
/** A time slot: what is done then (`activities`) and, optionally, the steps of doing it, in order. */
const workflowStepWire = () =>
  z.looseObject({ when: text(), activities: z.optional(texts()), steps: z.optional(texts()) });
const toolWire = () =>
  z.looseObject({
    name: text(),
    frequency: z.optional(text()),
    duration: z.optional(text()),
    use_cases: z.optional(texts()),
    features: z.optional(texts()),
  });
const metricWire = () => z.looseObject({ name: text(), target: z.optional(textOrNumber()) });

// What the elements see: trimmed text, list items always objects, URLs absolute http(s).

const listItemClean = once(() =>
  z.object({
    title: text(),
    detail: z.optional(text()),
    /** Words of a real user, shown as a quotation. */
    quote: z.optional(text()),
  }),
);
const profileClean = () => z.object(profileRows(text()));
/** `steps` only when the slot has some (older data has `activities` alone). */
const workflowStepClean = () => z.object({ when: text(), activities: texts(), steps: z.optional(texts()) });
const toolClean = () =>
  z.object({
    name: text(),
    frequency: z.optional(text()),
    duration: z.optional(text()),
    use_cases: texts(),
    features: texts(),
  });
const metricClean = () => z.object({ name: text(), target: z.optional(text()) });

/** The rows of a persona's profile, in reading order (labels: `strings.profile[row]`). */
export const PROFILE_ROWS = ['role', 'experience', 'team_size', 'technical_skill'] as const;

/** How a field is shown, exported and described. */
export type FieldKind =
  | 'text' // one paragraph
  | 'list' // titled items with detail and a quote
  | 'tags' // short labels
  | 'profile' // labelled rows (PROFILE_ROWS)
  | 'workflow' // time slots with activities and their steps
  | 'tools' // named tools with frequency, duration, use cases, features
  | 'metrics' // named metrics with a target
  | 'count'
  | 'url'
  | 'date'
  | 'version';

/** Where a field belongs: the card's summary, a section of the full profile, or a detail. */
export type FieldGroup = 'summary' | 'section' | 'detail';

interface FieldSpec {
  kind: FieldKind;
  group: FieldGroup;
  required?: true;
  /** Built the first time it is read. */
  readonly wire: z.ZodMiniType;
  readonly clean: z.ZodMiniType;
}

const field = <K extends FieldKind, G extends FieldGroup, W extends z.ZodMiniType, C extends z.ZodMiniType>(
  kind: K,
  group: G,
  wire: () => W,
  clean: () => C,
) => {
  const wireOnce = once(wire);
  const cleanOnce = once(clean);
  return {
    kind,
    group,
    get wire(): W {
      return wireOnce();
    },
    get clean(): C {
      return cleanOnce();
    },
  };
};
const textField = <G extends FieldGroup>(group: G) => field('text', group, text, text);
const listField = () =>
  field('list', 'section', () => z.array(listItemWire()), () => z.array(listItemClean()));
/** Marks a field required (in place: spreading the spec would build its schemas). */
const required = <F extends FieldSpec>(spec: F) => Object.assign(spec, { required: true as const });
/** A field every record must have, as non-empty text. */
const requiredText = <G extends FieldGroup>(group: G) =>
  required(field('text', group, () => z.string().check(z.minLength(1)), text));

/**
 * Every field of the contract, in reading order. `pid`, `name` and `identity`
 * are required: a record without one of them is skipped. Sections appear in
 * the full card and in exports in this order.
 */
export const PERSONA_FIELD_MODEL = {
  pid: requiredText('detail'),
  name: requiredText('summary'),
  identity: requiredText('summary'),
  aha_moment: textField('summary'),
  profile: field('profile', 'section', profileWire, profileClean),
  jtbd: textField('section'),
  intention: textField('section'),
  outcome: textField('section'),
  scenario: textField('section'),
  context: textField('section'),
  goals: listField(),
  frustrations: listField(),
  worldview: listField(),
  impact: listField(),
  success_signals: listField(),
  churn_triggers: listField(),
  workflow: field('workflow', 'section', () => z.array(workflowStepWire()), () => z.array(workflowStepClean())),
  tools: field('tools', 'section', () => z.array(toolWire()), () => z.array(toolClean())),
  metrics: field('metrics', 'section', () => z.array(metricWire()), () => z.array(metricClean())),
  principles: listField(),
  composability: textField('section'),
  app: textField('detail'),
  app_id: textField('detail'),
  category: textField('detail'),
  tags: field('tags', 'detail', texts, texts),
  version: field('version', 'detail', textOrNumber, textOrNumber),
  updated_at: field(
    'date',
    'detail',
    () => z.union([z.iso.date(), z.iso.datetime({ offset: true, local: true })]),
    text,
  ),
  url: field('url', 'detail', httpUrl, httpUrl),
  image: field('url', 'detail', httpUrl, httpUrl),
  /** Where people discuss the persona (the comment count links there). */
  discussion_url: field('url', 'detail', httpUrl, httpUrl),
  comment_count: field('count', 'detail', count, count),
  validation_count: field('count', 'detail', count, count),
} as const satisfies Record<string, FieldSpec>;

type Model = typeof PERSONA_FIELD_MODEL;
/** Any field of the contract. */
export type PersonaKey = keyof Model;
/** The fields a record must have. */
export type RequiredKey = { [K in PersonaKey]: Model[K] extends { required: true } ? K : never }[PersonaKey];
type KeysOfKind<Kind extends FieldKind> = { [K in PersonaKey]: Model[K]['kind'] extends Kind ? K : never }[PersonaKey];
/** Fields of one paragraph of text. */
export type TextKey = Exclude<KeysOfKind<'text'>, RequiredKey | 'app' | 'app_id' | 'category'>;
/** Fields of titled items (goals, frustrations, …). */
export type ListKey = KeysOfKind<'list'>;

/** Every field of the contract, in reading order. */
export const PERSONA_KEYS = Object.keys(PERSONA_FIELD_MODEL) as PersonaKey[];
/** The fields a contribution can be about: every field but the persona's id. */
export const CONTRIBUTABLE_KEYS = PERSONA_KEYS.filter((key): key is Exclude<PersonaKey, 'pid'> => key !== 'pid');
/** A field shown as a section of the full profile. */
export type SectionKey = { [K in PersonaKey]: Model[K]['group'] extends 'section' ? K : never }[PersonaKey];
/** The fields of the full profile's sections, in reading order. */
export const SECTION_KEYS = PERSONA_KEYS.filter((key): key is SectionKey => PERSONA_FIELD_MODEL[key].group === 'section');
/** Keys of the fields of a kind, in reading order. */
export const keysOfKind = <Kind extends FieldKind>(kind: Kind) =>
  PERSONA_KEYS.filter((key): key is KeysOfKind<Kind> => PERSONA_FIELD_MODEL[key].kind === kind);

type Shape<Which extends 'wire' | 'clean'> = { [K in PersonaKey]: Model[K][Which] };
const shape = /* @__NO_SIDE_EFFECTS__ */ <Which extends 'wire' | 'clean'>(which: Which) =>
  Object.fromEntries(PERSONA_KEYS.map((key) => [key, PERSONA_FIELD_MODEL[key][which]])) as Shape<Which>;
type Optional<S> = { [K in keyof S]: K extends RequiredKey ? S[K] : z.ZodMiniOptional<S[K] & z.ZodMiniType> };
const withOptional = /* @__NO_SIDE_EFFECTS__ */ <S extends Record<PersonaKey, z.ZodMiniType>>(fields: S) =>
  Object.fromEntries(
    PERSONA_KEYS.map((key) => [key, 'required' in PERSONA_FIELD_MODEL[key] ? fields[key] : z.optional(fields[key])]),
  ) as Optional<S>;

// Marked pure so a host's bundler drops whichever of these it does not use (each builds every field's schema).

/** One persona as an endpoint serves it. Unknown fields are allowed and ignored. */
export const personaWireSchema = /* @__PURE__ */ z.looseObject(withOptional(shape('wire')));

/** One persona as the elements see it, after `parsePersona`. */
export const personaSchema = /* @__PURE__ */ z.object(withOptional(shape('clean')));

/** A response: a bare array of personas, or a page of them. */
export const collectionWireSchema = /* @__PURE__ */ z.union([
  z.array(personaWireSchema),
  z.looseObject({
    personas: z.array(personaWireSchema),
    next: z.optional(z.string()),
    total: z.optional(count()),
  }),
]);

/** For a list field, the wire schema of one item (items are checked one by one, so one bad item costs only itself). */
export function itemSchemaOf(key: PersonaKey): z.ZodMiniType | undefined {
  const def = PERSONA_FIELD_MODEL[key].wire._zod.def as { type: string; element?: z.ZodMiniType };
  return def.type === 'array' ? def.element : undefined;
}
