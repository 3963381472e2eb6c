/**
 * The persona as the elements see it: validated, cleaned and normalised
 * (see `parse.ts`). Empty strings and unfilled template prompts are absent,
 * list items are always objects, URLs are absolute http(s).
 */

/** An entry of a list field such as `goals` or `frustrations`. */
export interface PersonaListItem {
  title: string;
  detail?: string;
  /** Words of a real user, shown as a quotation. */
  quote?: string;
}

/** Who the persona is at work, in a few words each. */
export interface PersonaProfile {
  role?: string;
  experience?: string;
  team_size?: string;
  technical_skill?: string;
}

/** One step of the persona's day: when, and what they do then. */
export interface PersonaWorkflowStep {
  when: string;
  activities: string[];
}

/** A tool the persona uses, how often, and for what. */
export interface PersonaTool {
  name: string;
  frequency?: string;
  duration?: string;
  use_cases: string[];
  features: string[];
}

/** A number the persona is measured by, with its target. */
export interface PersonaMetric {
  name: string;
  target?: string;
}

/** One persona, validated and cleaned by {@link parsePersona} (the elements show nothing else). */
export interface Persona {
  /** Unique id, e.g. `APP-074`. */
  pid: string;
  /** e.g. `The Segment Data Engineer`. */
  name: string;
  /** Who they are: the summary paragraph. */
  identity: string;
  /** Product display name, e.g. `Notion AI`. */
  app?: string;
  /** Product tag, e.g. `notion-ai`; derived from `app` when the endpoint omits it. */
  app_id?: string;
  category?: string;
  tags?: string[];
  version?: string | number;
  /** ISO date as served. */
  updated_at?: string;
  /** The persona's page: absolute http(s) only. */
  url?: string;
  /** Avatar: absolute http(s) only. */
  image?: string;
  comment_count?: number;
  validation_count?: number;
  aha_moment?: string;
  jtbd?: string;
  intention?: string;
  outcome?: string;
  scenario?: string;
  context?: string;
  composability?: string;
  goals?: PersonaListItem[];
  frustrations?: PersonaListItem[];
  worldview?: PersonaListItem[];
  impact?: PersonaListItem[];
  success_signals?: PersonaListItem[];
  churn_triggers?: PersonaListItem[];
  principles?: PersonaListItem[];
  profile?: PersonaProfile;
  workflow?: PersonaWorkflowStep[];
  tools?: PersonaTool[];
  metrics?: PersonaMetric[];
}

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
