/**
 * What `<persona-grid>`'s template functions are given: what there is to show
 * (the feed and the view's results), the words and settings they render with,
 * and the grid's actions they call back.
 */
import type { PagingStop } from '../../data/client.js';
import type { PersonaError } from '../../data/errors.js';
import type { Persona, SkippedRecord } from '../../data/types.js';
import type { FormatNumber, PersonaStrings, PersonaStringsOverride } from '../../i18n/strings.js';
import type { AppFacet, GridQuery, SortOrder } from './grid-view.js';

export type Ready = {
  status: 'ready';
  personas: readonly Persona[];
  skipped: readonly SkippedRecord[];
  total?: number;
  next?: string;
  loadingMore?: boolean;
  moreError?: PersonaError;
  /** The last page is still being validated: more of its personas follow (see `PersonaCollection.validating`). */
  validating?: true;
  /** Paging ended before the endpoint's last page (see `PersonaCollection.stopped`). */
  stopped?: PagingStop;
  /** Server mode: an answer for an earlier view, shown while the new one loads. */
  stale?: boolean;
};
export type Feed = Ready | { status: 'loading' } | { status: 'error'; error: PersonaError };

export interface Results {
  /** Every persona of the view, in order (server mode: those loaded so far). */
  personas: readonly Persona[];
  /** The apps to filter by, with their counts among the matches (counted when first asked). */
  facets(): AppFacet[];
  /** How many personas the view has (server mode: the endpoint's `total` for it). */
  count: number;
  /** How many personas the endpoint has, when known. */
  total?: number;
  /** Not final yet: the search has not looked at every persona, or more are being validated. */
  partial?: boolean;
}

export type ExportFormat = 'json' | 'csv' | 'md';

/** The grid's state as its templates read it. */
export interface GridRender {
  strings: PersonaStrings;
  num: FormatNumber;
  locale?: string;
  view: GridQuery;
  /** A query or an app filter is set. */
  filtered: boolean;
  serverMode: boolean;
  noControls: boolean;
  pageSize: number;
  /** The search input's value. */
  query: string;
  appsOpen: boolean;
  /** The last export's message. */
  status: string;
  /** Personas were given (the `personas` property), not fetched. */
  given: boolean;
  /** How many cards are in the DOM at most. */
  shown: number;
  /** The card that takes Tab among `count` rendered ones. */
  tabbable(count: number): number;
  /** The sort orders the personas can be sorted by (the sort control's options). */
  sorts: readonly SortOrder[];
  /** `href-template`: the link to a persona's own page, undefined when cards open the profile. */
  hrefFor(persona: Persona): string | undefined;
  /** What every card is given. */
  card: {
    strings?: PersonaStringsOverride;
    variant: 'compact' | 'full';
    /** The grid's scheme (`auto` resolved). */
    theme: 'light' | 'dark';
    headingLevel: number;
    contributeAction?: string;
  };
}

/** What the templates call back; one object, so listeners keep their identity between renders. */
export interface GridActions {
  input(event: Event): void;
  searchKey(event: KeyboardEvent): void;
  toggleApps(): void;
  /** Keydown in the app filter (Escape closes it). */
  appsKey(event: KeyboardEvent): void;
  change(view: Partial<GridQuery>): void;
  toggleApp(id: string, on: boolean): void;
  export(personas: readonly Persona[], format: ExportFormat): void;
  /** The pointer or focus reached the export buttons: fetch the export's code. */
  prepareExport(): void;
  retry(): void;
  clear(): void;
  showMore(): void;
  itemClick(event: MouseEvent, persona: Persona, index: number): void;
  itemKey(event: KeyboardEvent, persona: Persona, index: number): void;
  itemFocus(index: number): void;
  /** `href-template`: a click on a card's link (Enter on it clicks too). */
  linkClick(event: MouseEvent, persona: Persona, index: number): void;
  /** The profile's close button. */
  closeProfile(): void;
  /** The profile dialog closed (Escape, or the close button). */
  profileClosed(): void;
  /** A press in the profile dialog (where a click began). */
  profilePress(event: PointerEvent): void;
  /** A click in the profile dialog: pressed and released on its backdrop, it closes. */
  profileClick(event: MouseEvent): void;
  /** Keeps the cards' own load and error events inside the grid. */
  stop(event: Event): void;
}
