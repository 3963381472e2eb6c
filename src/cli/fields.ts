/**
 * Contract field names and the labels people write for them. Labels are
 * compared case- and punctuation-insensitively: "Success Metrics & KPIs",
 * "success-metrics/kpis" and "SUCCESS METRICS AND KPIS" are the same label.
 */
import { PERSONA_FIELD_MODEL, PERSONA_KEYS, PROFILE_ROWS, keysOfKind, type PersonaKey } from '../data/schema.js';

/** Every top-level key of the contract, in the order the CLI writes them (the field model's reading order). */
export const CONTRACT_FIELDS: readonly PersonaKey[] = PERSONA_KEYS;
export type ContractField = PersonaKey;

export const PROFILE_FIELDS = PROFILE_ROWS;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** Fields whose value is a list of text or `{ title, detail?, quote? }` items. */
export const ITEM_LIST_FIELDS = new Set<string>(keysOfKind('list'));
/** Fields of one value written as text. */
export const TEXT_FIELDS = new Set<string>(
  PERSONA_KEYS.filter((key) => ['text', 'version', 'date', 'url'].includes(PERSONA_FIELD_MODEL[key].kind)),
);
export const COUNT_FIELDS = new Set<string>(keysOfKind('count'));

export function isContractField(key: string): key is ContractField {
  return (CONTRACT_FIELDS as readonly string[]).includes(key);
}

/** `Profile & Background:` → `profile and background`. */
export function normalizeLabel(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A label, normalised, to the field it names: a contract key or `profile.<key>`. */
const LABELS: Record<string, string> = {
  // The contract's own names, with spaces for underscores.
  ...Object.fromEntries(CONTRACT_FIELDS.map((key) => [key.replace(/_/g, ' '), key])),
  ...Object.fromEntries(PROFILE_FIELDS.map((key) => [key.replace(/_/g, ' '), `profile.${key}`])),
  id: 'pid',
  'persona id': 'pid',
  'persona name': 'name',
  title: 'name',
  summary: 'identity',
  'who they are': 'identity',
  description: 'identity',
  product: 'app',
  'app name': 'app',
  aha: 'aha_moment',
  'aha moment': 'aha_moment',
  'job to be done': 'jtbd',
  'jobs to be done': 'jtbd',
  'pain points': 'frustrations',
  'primary pain points': 'frustrations',
  frustration: 'frustrations',
  goal: 'goals',
  'success signal': 'success_signals',
  'churn trigger': 'churn_triggers',
  kpis: 'metrics',
  'success metrics': 'metrics',
  'design principles': 'principles',
  'team size': 'profile.team_size',
  'technical skills': 'profile.technical_skill',
  'years of experience': 'profile.experience',
  comments: 'comment_count',
  validations: 'validation_count',
  updated: 'updated_at',
  'last updated': 'updated_at',
  avatar: 'image',
  link: 'url',
  discussion: 'discussion_url',
};

/** The field a label names exactly (after normalising), if any. */
export function fieldForLabel(label: string): string | undefined {
  const key = normalizeLabel(label);
  return Object.prototype.hasOwnProperty.call(LABELS, key) ? LABELS[key] : undefined;
}

/**
 * The field a Markdown section heading names: an exact label first, then the
 * words a heading usually contains ("Daily Workflow Pattern" → workflow).
 */
export function fieldForHeading(heading: string): string | undefined {
  const exact = fieldForLabel(heading);
  if (exact && !exact.startsWith('profile.')) return exact;
  const words = ` ${normalizeLabel(heading)} `;
  const has = (...phrases: string[]) => phrases.some((phrase) => words.includes(` ${phrase} `));
  if (has('profile', 'background')) return 'profile';
  if (has('workflow', 'workflows', 'routine', 'day in the life', 'schedule')) return 'workflow';
  if (has('pain points', 'pain point', 'frustrations', 'challenges')) return 'frustrations';
  if (has('tool', 'tools', 'tooling', 'stack')) return 'tools';
  if (has('success signals')) return 'success_signals';
  if (has('metrics', 'kpis', 'kpi')) return 'metrics';
  if (has('principles')) return 'principles';
  if (has('churn')) return 'churn_triggers';
  if (has('goals', 'objectives')) return 'goals';
  if (has('worldview', 'beliefs')) return 'worldview';
  if (has('impact')) return 'impact';
  if (has('aha')) return 'aha_moment';
  if (has('jtbd', 'jobs to be done', 'job to be done')) return 'jtbd';
  if (has('summary', 'who they are', 'overview', 'identity')) return 'identity';
  return undefined;
}

/** Text that maps to no field, with where it is: reported, never dropped silently. */
export interface Unmapped {
  file: string;
  line?: number;
  /** The text, shortened. */
  text: string;
  reason: string;
}

export const snippet = (text: string, max = 60) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export function formatUnmapped(note: Unmapped): string {
  return `${note.file}${note.line ? `:${note.line}` : ''}: not mapped: "${note.text}" (${note.reason})`;
}

/** A persona as read from a source, before pids and merging; `line` is where it starts. */
export interface ImportedPersona {
  record: Record<string, unknown>;
  file: string;
  line?: number;
  /** A number the source gives the persona ("### 3. Name"), used for its pid. */
  number?: number;
}

export interface ImportResult {
  personas: ImportedPersona[];
  unmapped: Unmapped[];
}

/** Puts a record's keys in contract order, unknown keys last. */
export function orderFields(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of CONTRACT_FIELDS) if (record[key] !== undefined) out[key] = record[key];
  for (const key of Object.keys(record)) if (!(key in out) && record[key] !== undefined) out[key] = record[key];
  return out;
}

/** `drive revenue` → `Drive revenue`. */
export const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** `a, b, c` → `['a', 'b', 'c']`. */
export const splitCommas = (text: string) => text.split(',').map((part) => part.trim()).filter(Boolean);

/** Keys each nested contract object knows; anything else in such an object is lost on the way. */
const NESTED_KEYS: Record<string, string[]> = {
  profile: [...PROFILE_FIELDS],
  workflow: ['when', 'activities', 'steps'],
  tools: ['name', 'frequency', 'duration', 'use_cases', 'features'],
  metrics: ['name', 'target'],
  ...Object.fromEntries([...ITEM_LIST_FIELDS].map((field) => [field, ['title', 'detail', 'quote']])),
};

/** Paths such as `tools[1].owner` of keys inside a field's objects that the contract does not know. */
export function unknownNestedKeys(field: string, value: unknown): string[] {
  const known = NESTED_KEYS[field];
  if (!known) return [];
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const out: string[] = [];
  const check = (object: unknown, path: string) => {
    if (!isObject(object)) return;
    for (const key of Object.keys(object)) if (!known.includes(key)) out.push(`${path}.${key}`);
  };
  if (Array.isArray(value)) value.forEach((item, index) => check(item, `${field}[${index}]`));
  else check(value, field);
  return out;
}
