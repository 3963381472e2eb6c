/**
 * Full-text search over personas, small enough to ship in the widget.
 *
 * - Case- and accent-insensitive: text is folded (`Café` → `cafe`) before
 *   it is split into words.
 * - Prefix-tolerant: `eng` finds `engineer` (every query word, so results
 *   follow the words as they are typed).
 * - Typo-tolerant: a word of 4+ letters that begins no indexed word may be
 *   one edit off (insert, delete, substitute or swap two neighbours), 8+
 *   letters two edits: `segmnt` finds `segment`.
 * - Every query word must match somewhere (AND), so more words narrow.
 * - Ranked: personas whose name or app match every word come first, then
 *   those matching some word there, then the rest; within a tier by a
 *   weighted score (field weight × word rarity × match quality).
 *
 * Built once per collection (about 10 ms per 1,000 deep personas), then each
 * search touches only the words it matches.
 */
import type { Persona, PersonaListItem } from '../data/types.js';

/** Lower case, accents removed, compatibility forms unified: `Ｃafé` → `cafe`. */
export function fold(text: string): string {
  // Most text is ASCII: skip the (slow) Unicode normalisation for it.
  return (/^[\0-\x7f]*$/.test(text) ? text : text.normalize('NFKD').replace(/\p{M}/gu, '')).toLowerCase();
}

/**
 * Word characters: anything but spaces, ASCII and general punctuation,
 * symbols, arrows, CJK punctuation and emoji. (A negated class without the
 * `u` flag: three times faster than `[\p{L}\p{N}]+` on the same text.)
 */
const WORD = /[^\s!-/:-@[-`{-~\u00a0-\u00bf\u00d7\u00f7\u2000-\u2bff\u3000-\u303f\ud800-\udfff\ufe30-\ufe4f\uff01-\uff0f\uff1a-\uff20]+/g;

/** The folded words of a text: `Fly.io's Data-Engineer` → `fly`, `io`, `s`, `data`, `engineer`. */
export function tokenize(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

/** How much a word found in each kind of field counts (name and app must stay first). */
export const FIELD_WEIGHTS = { name: 10, app: 8, tags: 4, aha: 3, identity: 2, deep: 1 } as const;

/** Postings store `weight + TITLE` when the word is in the name or the app. */
const TITLE = 1e6;

/** The searchable text of a persona, per field. */
function fieldsOf(persona: Persona): string[] {
  const items = (list?: PersonaListItem[]) =>
    (list ?? []).map((item) => [item.title, item.detail, item.quote].join(' ')).join(' ');
  const p = persona.profile;
  const deep = [
    persona.category,
    persona.jtbd,
    persona.intention,
    persona.outcome,
    persona.scenario,
    persona.context,
    persona.composability,
    p && [p.role, p.experience, p.team_size, p.technical_skill].join(' '),
    items(persona.goals),
    items(persona.frustrations),
    items(persona.worldview),
    items(persona.impact),
    items(persona.success_signals),
    items(persona.churn_triggers),
    items(persona.principles),
    ...(persona.workflow ?? []).map((step) => `${step.when} ${step.activities.join(' ')}`),
    ...(persona.tools ?? []).map((tool) => [tool.name, ...tool.use_cases, ...tool.features].join(' ')),
    ...(persona.metrics ?? []).map((metric) => `${metric.name} ${metric.target ?? ''}`),
  ];
  // In the order of FIELD_WEIGHTS.
  return [
    persona.name,
    `${persona.app ?? ''} ${persona.app_id ?? ''}`,
    (persona.tags ?? []).join(' '),
    persona.aha_moment ?? '',
    persona.identity,
    deep.filter(Boolean).join(' '),
  ];
}

/**
 * Optimal string alignment distance, giving up (returning `max + 1`) as soon
 * as it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2]! + 1);
      }
      row.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length]!;
}

/** A persona that matched, with how well. */
export interface SearchHit {
  persona: Persona;
  /** Position in the indexed list (the endpoint's order). */
  index: number;
  /** 0: every word in name or app; 1: some; 2: none there. */
  tier: number;
  score: number;
}

/** A word of the index that a query word stands for, and how good a stand-in it is (0–1). */
type Expansion = [word: string, quality: number];

export class PersonaIndex {
  #personas: Persona[] = [];
  /** word → flat [doc, weight, doc, weight, …] */
  #postings = new Map<string, number[]>();
  /** The words, sorted (prefix lookups), and by length (typo lookups); rebuilt lazily. */
  #sorted?: string[];
  #byLength?: string[][];
  #expansions = new Map<string, Expansion[]>();

  constructor(personas: readonly Persona[] = []) {
    this.add(personas);
  }

  /** How many personas are indexed. */
  get size(): number {
    return this.#personas.length;
  }

  /** The indexed personas, in order. */
  get personas(): readonly Persona[] {
    return this.#personas;
  }

  /** Adds personas after the ones already indexed. */
  add(personas: readonly Persona[]): void {
    const fields = Object.values(FIELD_WEIGHTS);
    for (const persona of personas) {
      const doc = this.#personas.push(persona) - 1;
      // word → bit mask of the fields it occurs in (bit i: fields[i])
      const words = new Map<string, number>();
      fieldsOf(persona).forEach((text, i) => {
        const bit = 1 << i;
        for (const word of tokenize(text)) {
          const mask = words.get(word) ?? 0;
          if (!(mask & bit)) words.set(word, mask | bit);
        }
      });
      for (const [word, mask] of words) {
        let weight = 0;
        for (let i = 0; i < fields.length; i++) if (mask & (1 << i)) weight += fields[i]!;
        let list = this.#postings.get(word);
        if (!list) this.#postings.set(word, (list = []));
        // Bits 0 and 1 are name and app: a title hit.
        list.push(doc, weight + (mask & 3 ? TITLE : 0));
      }
    }
    if (personas.length) {
      this.#sorted = this.#byLength = undefined;
      this.#expansions.clear();
    }
  }

  /** Ranked matches for a query; an empty query matches nothing. */
  search(query: string): SearchHit[] {
    const words = [...new Set(tokenize(query))].slice(0, 12);
    const count = this.#personas.length;
    if (!words.length || !count) return [];
    const score = new Float64Array(count);
    const matched = new Uint8Array(count);
    const inTitle = new Uint8Array(count);
    const best = new Float64Array(count);
    const title = new Uint8Array(count);

    for (const [n, word] of words.entries()) {
      best.fill(0);
      title.fill(0);
      for (const [term, quality] of this.#expand(word)) {
        const list = this.#postings.get(term)!;
        // Rarer words say more: inverse document frequency.
        const idf = Math.log(1 + count / (list.length / 2));
        for (let i = 0; i < list.length; i += 2) {
          const doc = list[i]!;
          const raw = list[i + 1]!;
          const isTitle = raw >= TITLE;
          const value = quality * idf * (isTitle ? raw - TITLE : raw);
          if (value > best[doc]!) best[doc] = value;
          if (isTitle) title[doc] = 1;
        }
      }
      for (let doc = 0; doc < count; doc++) {
        if (best[doc]! > 0 && matched[doc] === n) {
          matched[doc] = n + 1;
          score[doc] += best[doc]!;
          inTitle[doc] += title[doc]!;
        }
      }
    }

    const hits: SearchHit[] = [];
    for (let doc = 0; doc < count; doc++) {
      if (matched[doc] !== words.length) continue;
      const tier = inTitle[doc] === words.length ? 0 : inTitle[doc]! > 0 ? 1 : 2;
      hits.push({ persona: this.#personas[doc]!, index: doc, tier, score: score[doc]! });
    }
    return hits.sort((a, b) => a.tier - b.tier || b.score - a.score || a.index - b.index);
  }

  /** The index's words a query word stands for: itself, words it begins, near misses. */
  #expand(word: string): Expansion[] {
    const cached = this.#expansions.get(word);
    if (cached) return cached;
    const sorted = (this.#sorted ??= [...this.#postings.keys()].sort());
    const out: Expansion[] = [];
    // Prefixes: a binary search to the first candidate, then a walk.
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sorted[mid]! < word) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < sorted.length && sorted[i]!.startsWith(word); i++) {
      const term = sorted[i]!;
      out.push([term, term === word ? 1 : 0.5 + (0.4 * word.length) / term.length]);
    }
    // Typos, for words long enough that one edit is unlikely to be a different word,
    // and only when no word starts with it (`data` must not also find `drata`).
    const max = out.length ? 0 : word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
    if (max) {
      if (!this.#byLength) {
        this.#byLength = [];
        for (const term of sorted) (this.#byLength[term.length] ??= []).push(term);
      }
      for (let length = word.length - max; length <= word.length + max; length++) {
        for (const term of this.#byLength[length] ?? []) {
          const distance = editDistance(word, term, max);
          if (distance <= max) out.push([term, 0.45 / distance]);
        }
      }
    }
    if (this.#expansions.size > 500) this.#expansions.clear();
    this.#expansions.set(word, out);
    return out;
  }
}
