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
 *
 * Bounded for hostile data (a collection is community-contributed, a query
 * may come from a shared link): a query is at most {@link MAX_QUERY_WORDS}
 * words of at most {@link MAX_WORD_LENGTH} letters; a query word stands for
 * at most {@link MAX_EXPANSIONS} indexed words; typo matching looks at words
 * of at most {@link MAX_TYPO_LENGTH} letters, at most {@link MAX_TYPO_CANDIDATES}
 * candidates each, within {@link TYPO_BUDGET_MS} per search; each field of
 * a persona contributes at most {@link MAX_INDEXED_CHARS} characters of text. So a
 * search stays within milliseconds on anything the client accepts (10 MB),
 * and {@link PersonaIndex.add} takes a deadline, for building in short slices.
 */
import type { Persona } from '../data/types.js';

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

/** One word character (the class of {@link WORD}). */
const WORD_CHAR = new RegExp(`^${WORD.source.slice(0, -1)}$`);

/** The folded words of a text: `Fly.io's Data-Engineer` → `fly`, `io`, `s`, `data`, `engineer`. */
export function tokenize(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

/** How much a word found in each kind of field counts (name and app must stay first). */
export const FIELD_WEIGHTS = { name: 10, app: 8, tags: 4, aha: 3, identity: 2, deep: 1 } as const;

/**
 * A posting, one 32-bit number: `doc × 64 + TITLE + weight`, with TITLE when the word is in the
 * name or the app and the weight (at most 28, the sum of {@link FIELD_WEIGHTS}) below it.
 */
const TITLE = 32;
/** The bits below TITLE: the weight. */
const WEIGHT_MASK = TITLE - 1;
const DOC_SHIFT = 6;

/**
 * One word's postings, in typed arrays grown by doubling: at 50,000 personas the index holds
 * millions of them, and as plain arrays every young-generation garbage collection copied them
 * (pauses of 15–50 ms in the middle of an idle slice).
 */
interface Postings {
  data: Uint32Array;
  length: number;
}

function addPosting(list: Postings, posting: number): void {
  if (list.length === list.data.length) {
    const grown = new Uint32Array(list.length * 2);
    grown.set(list.data);
    list.data = grown;
  }
  list.data[list.length++] = posting;
}

/** Query words looked at (more narrow nothing a person would type). */
export const MAX_QUERY_WORDS = 12;
/** Query characters looked at, before splitting into words. */
export const MAX_QUERY_LENGTH = 512;
/** A longer query word is cut to its beginning (which still finds the word by prefix). */
export const MAX_WORD_LENGTH = 32;
/** Indexed words one query word may stand for (the best prefixes, the closest typos). */
export const MAX_EXPANSIONS = 1000;
/** Typo tolerance is for words up to this long (longer ones are not typed letter by letter). */
export const MAX_TYPO_LENGTH = 24;
/** Indexed words compared with one query word for typos. */
export const MAX_TYPO_CANDIDATES = 20_000;
/** Time for typo matching in one search, all words together. */
export const TYPO_BUDGET_MS = 8;
/** Text of each field of a persona that is indexed (name, app, tags, aha moment, identity, the rest). */
export const MAX_INDEXED_CHARS = 20_000;
/** New words after which an {@link PersonaIndex.add} with a deadline stops. */
const MAX_FRESH = 4000;
/** Words up to which sorted runs are merged into one. */
const MAX_RUN = 20_000;

/**
 * A match's rank as one number, so that matches sort natively and smallest is best: its tier,
 * then its score (highest first, to a thousandth), then its position in the index. Exact while
 * 3 · 2^26 · 2^24 < 2^53: up to 16.7 million indexed personas, scores up to 67,000 (a score is at
 * most 12 words × idf ≤ 17 × field weight 28 ≈ 5,700).
 */
const RANK_DOCS = 2 ** 24;
const RANK_SCORES = 2 ** 26;
const rankKey = (tier: number, score: number, doc: number) =>
  (tier * RANK_SCORES + (RANK_SCORES - 1 - Math.min(RANK_SCORES - 1, Math.round(score * 1000)))) * RANK_DOCS + doc;
/** A match's tier: 0 when every query word is in its name or app, 1 when some are, 2 when none. */
const tierFor = (wordsInTitle: number, words: number) => (wordsInTitle === words ? 0 : wordsInTitle > 0 ? 1 : 2);
const tierOfKey = (key: number) => Math.floor(key / (RANK_SCORES * RANK_DOCS));
const docOfKey = (key: number) => key - Math.floor(key / RANK_DOCS) * RANK_DOCS;

/** Two sorted lists as one. */
function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const out = new Array<string>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]! < b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/** Texts joined with spaces, up to `room` characters (a huge list costs no more than that). */
function joinUpTo(texts: Iterable<string | undefined>, room = MAX_INDEXED_CHARS): string {
  let out = '';
  for (const text of texts) {
    if (out.length >= room) break;
    if (text) out += out ? ` ${text.slice(0, room)}` : text.slice(0, room);
  }
  return out;
}

/** The deep fields' texts, in reading order. */
function* deepTexts(persona: Persona): Generator<string | undefined> {
  const p = persona.profile;
  yield* [persona.category, persona.jtbd, persona.intention, persona.outcome, persona.scenario, persona.context];
  yield* [persona.composability, p?.role, p?.experience, p?.team_size, p?.technical_skill];
  for (const key of ['goals', 'frustrations', 'worldview', 'impact', 'success_signals', 'churn_triggers', 'principles'] as const) {
    for (const item of persona[key] ?? []) yield* [item.title, item.detail, item.quote];
  }
  for (const step of persona.workflow ?? []) yield* [step.when, ...step.activities, ...(step.steps ?? [])];
  for (const tool of persona.tools ?? []) yield* [tool.name, ...tool.use_cases, ...tool.features];
  for (const metric of persona.metrics ?? []) yield* [metric.name, metric.target];
}

/** The searchable text of a persona, per field (each at most {@link MAX_INDEXED_CHARS}). */
function fieldsOf(persona: Persona): string[] {
  // In the order of FIELD_WEIGHTS.
  return [
    persona.name.slice(0, MAX_INDEXED_CHARS),
    joinUpTo([persona.app, persona.app_id]),
    joinUpTo(persona.tags ?? []),
    joinUpTo([persona.aha_moment]),
    persona.identity.slice(0, MAX_INDEXED_CHARS),
    joinUpTo(deepTexts(persona)),
  ];
}

/** The words of a query, as many and as long as are looked at. */
function queryWords(query: string): string[] {
  const words = tokenize(query.slice(0, MAX_QUERY_LENGTH)).map((word) => word.slice(0, MAX_WORD_LENGTH));
  return [...new Set(words)].slice(0, MAX_QUERY_WORDS);
}

/** Whether `word` begins a word of the folded `text`. */
function hasWordStart(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (at === 0 || !WORD_CHAR.test(text[at - 1]!)) return true;
  }
  return false;
}

/** Rows of {@link editDistance}, reused (grown when a longer word comes). */
let rowsOf = { before: new Int32Array(0), previous: new Int32Array(0), row: new Int32Array(0) };

/**
 * Optimal string alignment distance, giving up (returning `max + 1`) as soon
 * as it must exceed `max`. Only the band of `2 × max + 1` cells around the
 * diagonal is computed: O(length × max).
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  const over = max + 1;
  if (rowsOf.row.length < n + 2) {
    rowsOf = { before: new Int32Array(n + 2), previous: new Int32Array(n + 2), row: new Int32Array(n + 2) };
  }
  let { before, previous, row } = rowsOf;
  // Row 0, and "too far" just past its band.
  for (let j = 0; j <= Math.min(n, max); j++) previous[j] = j;
  previous[Math.min(n, max) + 1] = over;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(n, i + max);
    // The cells left and right of the band read as "too far".
    row[from - 1] = from === 1 && i <= max ? i : over;
    row[to + 1] = over;
    let best = row[from - 1]!;
    const ai = a.charCodeAt(i - 1);
    const ap = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = from; j <= to; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1));
      if (j > 1 && ai === b.charCodeAt(j - 2) && ap === bj && before[j - 2]! + 1 < value) value = before[j - 2]! + 1;
      row[j] = value;
      if (value < best) best = value;
    }
    if (best > max) return over;
    const spare = before;
    before = previous;
    previous = row;
    row = spare;
  }
  return Math.min(previous[n]!, over);
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
  /** word → its postings (see {@link TITLE}), in doc order */
  #postings = new Map<string, Postings>();
  /**
   * The words in sorted runs (prefix lookups: a binary search in each), and by
   * length (typo lookups). Each {@link add} sorts its new words into a run and
   * merges it with the last runs while they are of similar size, up to
   * {@link MAX_RUN} words: no step re-sorts or re-merges everything.
   */
  #runs: string[][] = [];
  #byLength: string[][] = [];
  /** Words added since the runs were brought up to date. */
  #fresh: string[] = [];
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

  /**
   * Adds personas after the ones already indexed; with a `deadline`
   * (`performance.now()` time), only as many as fit before it (at least one),
   * for building in slices. Returns how many were added.
   */
  add(personas: readonly Persona[], deadline = Infinity): number {
    const fields = Object.values(FIELD_WEIGHTS);
    let added = 0;
    for (const persona of personas) {
      // A slice also ends at MAX_FRESH new words: sorting them is part of the slice.
      if (added && deadline !== Infinity && (performance.now() > deadline || this.#fresh.length > MAX_FRESH)) break;
      added++;
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
        if (!list) {
          this.#postings.set(word, (list = { data: new Uint32Array(2), length: 0 }));
          this.#fresh.push(word);
        }
        // Bits 0 and 1 are name and app: a title hit.
        addPosting(list, doc * 2 ** DOC_SHIFT + (mask & 3 ? TITLE : 0) + weight);
      }
    }
    if (added) this.#expansions.clear();
    this.#merge();
    return added;
  }

  /** Sorts the new words into a run (merged with the last ones while of similar size) and the length lists. */
  #merge(): void {
    let run = this.#fresh.sort();
    if (!run.length) return;
    this.#fresh = [];
    for (const word of run) (this.#byLength[word.length] ??= []).push(word);
    for (let last = this.#runs.at(-1); last; last = this.#runs.at(-1)) {
      if (last.length > 2 * run.length || last.length + run.length > MAX_RUN) break;
      this.#runs.pop();
      run = mergeSorted(last, run);
    }
    this.#runs.push(run);
  }

  /**
   * The personas among `personas` that match, best first, of which the index may hold only the
   * first ones so far (it is being built in slices): those are searched in the index, the rest
   * scanned one by one until `deadline`. A scanned persona matches when each query word begins
   * one of its words (no typos); scanned matches rank after the indexed ones of their tier.
   * (No hit objects: a one-letter query matches nearly every persona.)
   */
  searchLoaded(query: string, personas: readonly Persona[], deadline: number): Persona[] {
    const ranked = this.#scored(query).keys;
    const words = queryWords(query);
    const scanned: Persona[][] = [[], [], []];
    for (let doc = this.size; doc < personas.length && words.length; doc++) {
      if ((doc & 15) === 0 && performance.now() > deadline) break;
      const persona = personas[doc]!;
      const [name, app, ...rest] = fieldsOf(persona).map(fold);
      const title = `${name} ${app}`;
      const body = rest.join(' ');
      let inTitle = 0;
      const all = words.every((word) => {
        const here = hasWordStart(title, word);
        if (here) inTitle++;
        return here || hasWordStart(body, word);
      });
      if (all) scanned[tierFor(inTitle, words.length)]!.push(persona);
    }
    // Each tier: its indexed matches in rank order, then its scanned ones in the endpoint's order.
    const out: Persona[] = [];
    let i = 0;
    for (let tier = 0; tier < 3; tier++) {
      for (; i < ranked.length && tierOfKey(ranked[i]!) === tier; i++) out.push(this.#personas[docOfKey(ranked[i]!)]!);
      for (const persona of scanned[tier]!) out.push(persona);
    }
    return out;
  }

  /** Ranked matches for a query; an empty query matches nothing. */
  search(query: string): SearchHit[] {
    const { keys, score } = this.#scored(query);
    return Array.from(keys, (key) => {
      const doc = docOfKey(key);
      return { persona: this.#personas[doc]!, index: doc, tier: tierOfKey(key), score: score[doc]! };
    });
  }

  /** The matches of a query, ranked: their keys best first, and each persona's score. */
  #scored(query: string): { keys: Float64Array; score: Float64Array } {
    const words = queryWords(query);
    const count = this.#personas.length;
    if (!words.length || !count) return { keys: new Float64Array(0), score: new Float64Array(0) };
    const score = new Float64Array(count);
    const matched = new Uint8Array(count);
    const inTitle = new Uint8Array(count);
    const best = new Float64Array(count);
    const title = new Uint8Array(count);

    const deadline = performance.now() + TYPO_BUDGET_MS;
    for (const [n, word] of words.entries()) {
      best.fill(0);
      title.fill(0);
      for (const [term, quality] of this.#expand(word, deadline)) {
        const { data, length } = this.#postings.get(term)!;
        // Rarer words say more: inverse document frequency.
        const idf = Math.log(1 + count / length);
        for (let i = 0; i < length; i++) {
          const posting = data[i]!;
          const doc = posting >>> DOC_SHIFT;
          const value = quality * idf * (posting & WEIGHT_MASK);
          if (value > best[doc]!) best[doc] = value;
          if (posting & TITLE) title[doc] = 1;
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

    // Ranked by one number per match, sorted natively: a one-letter query matches nearly every
    // persona, and a comparator over tens of thousands of objects cost more than the search itself.
    const keys = new Float64Array(count);
    let found = 0;
    for (let doc = 0; doc < count; doc++) {
      if (matched[doc] !== words.length) continue;
      keys[found++] = rankKey(tierFor(inTitle[doc]!, words.length), score[doc]!, doc);
    }
    return { keys: keys.subarray(0, found).sort(), score };
  }

  /**
   * The index's words a query word stands for: itself, words it begins, near
   * misses; at most {@link MAX_EXPANSIONS}, typo matching until `deadline`.
   */
  #expand(word: string, deadline: number): Expansion[] {
    const cached = this.#expansions.get(word);
    if (cached) return cached;
    const out: Expansion[] = [];
    // Prefixes: in each run, a binary search to the first candidate, then a walk.
    for (const run of this.#runs) {
      let low = 0;
      let high = run.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (run[mid]! < word) low = mid + 1;
        else high = mid;
      }
      for (let i = low; i < run.length && out.length < MAX_EXPANSIONS && run[i]!.startsWith(word); i++) {
        const term = run[i]!;
        out.push([term, term === word ? 1 : 0.5 + (0.4 * word.length) / term.length]);
      }
    }
    // Typos, for words long enough that one edit is unlikely to be a different word,
    // and only when no word starts with it (`data` must not also find `drata`).
    const max = out.length || word.length > MAX_TYPO_LENGTH ? 0 : word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
    let timedOut = false;
    if (max) {
      const found: Expansion[][] = [[], [], []];
      let examined = 0;
      // Same length first: most typos are a wrong or swapped letter.
      const lengths = [0, -1, 1, -2, 2].filter((delta) => Math.abs(delta) <= max).map((delta) => word.length + delta);
      search: for (const length of lengths) {
        for (const term of this.#byLength[length] ?? []) {
          if (++examined > MAX_TYPO_CANDIDATES) break search;
          if ((examined & 127) === 0 && performance.now() > deadline) {
            timedOut = true;
            break search;
          }
          const distance = editDistance(word, term, max);
          if (distance <= max) found[distance]!.push([term, 0.45 / distance]);
        }
      }
      out.push(...[...found[1]!, ...found[2]!].slice(0, MAX_EXPANSIONS));
    }
    // Typo matching cut short by time is not kept: the next search may have more.
    if (!timedOut) {
      if (this.#expansions.size > 500) this.#expansions.clear();
      this.#expansions.set(word, out);
    }
    return out;
  }
}
