/**
 * Every word the elements show or announce, in one table. Plain strings, and
 * functions for text with numbers or names in it. Hosts replace any part of it
 * (see `PersonaStringsOverride`): per element (`strings` property), per subtree
 * (`<persona-provider>.strings`) or for the page (`setDefaultStrings()`).
 *
 * Numbers arrive raw (for plurals) with `num`, which formats them in the
 * element's language (`lang` of the closest ancestor).
 */
import type { ContributionKind, PersonaField } from '../data/contribution.js';
import type { SortOrder } from '../data/query.js';

/** Formats a number in the element's language: `num(1234)` is "1,234" in English, "1.234" in German. */
export type FormatNumber = (n: number) => string;

/** Every word the elements show, by group (`common`, `card`, `grid`, `form`, …); `defaultStrings` is the English table. */
export interface PersonaStrings {
  /**
   * Language the strings are written in (BCP 47), put on the form's text so screen
   * readers pronounce it right; also the locale for dates and numbers when no
   * ancestor has `lang`. An override that leaves it out is taken to be in the
   * page's language.
   */
  lang: string;
  /** Shared by every element: errors and Retry. */
  common: {
    retry: string;
    /**
     * The code of an action loaded on demand (a card's menu, copy or download; the grid's export)
     * could not be fetched: the page went offline, or the site was updated. A module that failed
     * to load stays failed until the page reloads.
     */
    codeFailed: string;
    noEndpoint: string;
    timeout: string;
    network: string;
    /** HTTP 429; `wait` is e.g. "30 seconds" (from `wait`), or undefined when the server did not say. */
    busy: (wait: string | undefined) => string;
    notFound404: string;
    refused: (status: number) => string;
    failed: (status: number | undefined) => string;
    data: string;
    /**
     * Paging ended early (the endpoint's `next` repeated itself, left its origin, or the
     * client's page or persona limit was reached); `count` personas were loaded.
     */
    pagingStopped: (count: number, num: FormatNumber) => string;
    /** How long to wait, for people: "30 seconds", "5 minutes", "2 hours". */
    wait: (seconds: number, num: FormatNumber) => string;
  };
  /** Headings of the persona's fields (card sections, form choices, Markdown export). */
  fields: Record<PersonaField, string>;
  /** Labels of the profile's rows. */
  profile: { role: string; experience: string; team_size: string; technical_skill: string };
  card: {
    loading: string;
    noPersonaId: string;
    notFound: (pid: string) => string;
    notFoundHelp: string;
    configHelp: string;
    /** Title when a persona set from JavaScript is invalid; `invalidDetail` says why (the reason is technical, in English). */
    invalid: string;
    invalidDetail: (reason: string) => string;
    loadFailed: string;
    more: string;
    less: string;
    avatar: (name: string) => string;
    comments: (n: number, num: FormatNumber) => string;
    validations: (n: number, num: FormatNumber) => string;
    /** The link to the persona's discussion when it has no comments yet. */
    discuss: string;
    /** Put before the date. */
    updated: string;
    suggestEdit: string;
    suggestEditTo: (field: string) => string;
    close: string;
    /** Names the card's actions menu button (it shows "⋯"). */
    actions: (name: string) => string;
    copyMarkdown: string;
    downloadJson: string;
    copied: string;
    copyFallback: string;
    downloaded: string;
    invite: string;
    inviteIntro: string;
    inviteField: (field: string) => string;
    /** A quotation from the data, with the language's quotation marks. */
    quote: (text: string) => string;
    /** Title of the full profile's list of its sections. */
    contents: string;
    /** Names the contents list for assistive technology: a page may hold several profiles. */
    contentsOf: (name: string) => string;
    /** Opens a list shortened to its first entries. */
    showAll: (n: number, num: FormatNumber) => string;
    showFewer: string;
    /** Names the steps of a workflow time slot. */
    steps: string;
    /** Labels of a tool's rows. */
    toolFacts: { frequency: string; duration: string; use_cases: string; features: string };
  };
  grid: {
    /** Names the toolbar and the list for screen readers. */
    label: string;
    search: string;
    searchPlaceholder: string;
    apps: string;
    allApps: string;
    appsSelected: (n: number, num: FormatNumber) => string;
    appsLegend: string;
    noAppsMatch: string;
    noApps: string;
    sortBy: string;
    sorts: Record<SortOrder, string>;
    loading: string;
    personas: (n: number, num: FormatNumber) => string;
    countOf: (count: number, total: number, num: FormatNumber) => string;
    /** Put after the count while a search waits for more pages. */
    loadingMore: string;
    exportLabel: (n: number, num: FormatNumber) => string;
    formats: { json: string; csv: string; md: string };
    exported: (n: number, format: string, num: FormatNumber) => string;
    configHelp: string;
    invalid: string;
    loadFailed: string;
    empty: string;
    /** `apps` is the selected apps as a list ("Segment or Glue"), '' when none. */
    noMatch: (query: string, apps: string) => string;
    noMatchHelp: string;
    clearFilters: string;
    keyHint: string;
    moreFailed: string;
    showing: (shown: number, total: number, num: FormatNumber) => string;
    loadingMoreButton: string;
    showMore: string;
    /** The close button of a persona's profile (the side sheet a card opens). */
    closeProfile: string;
    /** Title of a Markdown export. */
    exportTitle: string;
  };
  form: {
    label: string;
    kindLegend: string;
    kinds: Record<ContributionKind, { title: string; description: string }>;
    /** The text box's label and hint, by kind. */
    text: Record<ContributionKind, { label: string; hint: string }>;
    maxLength: (max: number, num: FormatNumber) => string;
    /** The visible "123 / 5000" under the text box. */
    counter: (length: number, max: number, num: FormatNumber) => string;
    optional: string;
    /** Labels of the inputs (also naming them in the error summary). */
    inputs: { kind: string; pid: string; field: string; text: string; role: string; experience: string; email: string };
    chooseField: string;
    storyFields: string;
    detailFields: string;
    loadingList: string;
    listFailed: string;
    typeId: string;
    typeOrChoose: string;
    /** "Now: Aha moment" … */
    now: string;
    /** … "of The Segment Data Engineer". */
    ofPersona: (name: string) => string;
    notFilled: string;
    about: string;
    roleHint: string;
    experienceHint: string;
    emailHint: string;
    honeypot: string;
    send: string;
    sending: string;
    shortcut: (keys: string) => string;
    draftSaved: string;
    draftUnavailable: string;
    draftRestored: (when: string) => string;
    todayAt: (time: string) => string;
    discardDraft: string;
    draftDiscarded: string;
    announceSending: string;
    announceSent: string;
    counterOver: (over: number, max: number, num: FormatNumber) => string;
    counterFull: (max: number, num: FormatNumber) => string;
    counterLeft: (left: number, num: FormatNumber) => string;
    fixOne: string;
    fixMany: (n: number, num: FormatNumber) => string;
    serverRejected: string;
    /** The form's own checks, by input. */
    invalid: {
      kind: string;
      pid: string;
      field: string;
      textEmpty: string;
      textLong: (max: number, num: FormatNumber) => string;
      /** The server refused a text the form's own checks accept (its reasons are never shown). */
      textRejected: string;
      /** "Correct" sent with the current items unchanged. */
      textUnchanged: string;
      role: (max: number, num: FormatNumber) => string;
      experience: (max: number, num: FormatNumber) => string;
      email: string;
    };
    unknownPid: (pid: string) => string;
    notConfigured: string;
    notConfiguredHelp: string;
    noAction: string;
    notSent: string;
    keptOpen: string;
    keptDraft: string;
    hostFailed: string;
    timeout: (seconds: number, num: FormatNumber) => string;
    offline: string;
    network: string;
    busy: (wait: string | undefined) => string;
    refused: (status: number) => string;
    badAddress: (status: number) => string;
    tooLarge: string;
    serverError: (status: number) => string;
    notAccepted: (status: number) => string;
    /**
     * @deprecated Unused: the form never shows text from the server's answer (it could carry a
     * link or an instruction on the form's trusted origin), only its own strings.
     */
    serverSaid: (message: string) => string;
    thanks: string;
    whatSent: string;
    sent: { what: string; persona: string; part: string; text: string; role: string; experience: string; email: string };
    sendAnother: string;
  };
}

/** `T` with every property optional, recursively (functions stay whole). */
export type DeepPartial<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** Any part of {@link PersonaStrings}: every group, and every key in it, is optional. */
export type PersonaStringsOverride = DeepPartial<PersonaStrings>;

/** The groups every element uses; each element brings its own group besides (grid-strings.ts, form-strings.ts). */
export type CoreStrings = Omit<PersonaStrings, 'grid' | 'form'>;

/** "1 persona", "2 personas". */
export const counted = (n: number, num: FormatNumber, one: string, many = `${one}s`) => `${num(n)} ${n === 1 ? one : many}`;
export const personas = (n: number, num: FormatNumber) => counted(n, num, 'persona');
export const busy = (who: string) => (wait: string | undefined) => `The ${who} is busy. Try again in ${wait ?? 'a moment'}.`;

/** The English strings of the core groups. */
export const coreStrings: CoreStrings = {
  lang: 'en',
  common: {
    retry: 'Retry',
    codeFailed: 'This action could not be loaded. Reload the page to try again.',
    noEndpoint: 'No persona endpoint is configured.',
    timeout: 'The persona endpoint took too long to answer.',
    network: 'The persona endpoint could not be reached. Check your connection.',
    busy: busy('persona endpoint'),
    notFound404: 'The persona endpoint was not found (HTTP 404).',
    refused: (status) => `The persona endpoint refused access (HTTP ${status}).`,
    failed: (status) => `The persona endpoint failed (HTTP ${status ?? 'error'}).`,
    data: 'This endpoint did not return persona data.',
    pagingStopped: (count, num) =>
      `Showing the first ${num(count)} ${count === 1 ? 'persona' : 'personas'}; the endpoint’s paging stopped.`,
    wait: (seconds, num) =>
      seconds < 90
        ? counted(Math.max(1, Math.ceil(seconds)), num, 'second')
        : seconds < 90 * 60
          ? counted(Math.ceil(seconds / 60), num, 'minute')
          : counted(Math.ceil(seconds / 3600), num, 'hour'),
  },
  fields: {
    name: 'Name',
    identity: 'Identity (who they are)',
    app: 'App',
    app_id: 'App id',
    category: 'Category',
    tags: 'Tags',
    version: 'Version',
    updated_at: 'Last updated',
    url: 'Persona page (URL)',
    image: 'Avatar image (URL)',
    discussion_url: 'Discussion (URL)',
    comment_count: 'Comment count',
    validation_count: 'Validation count',
    aha_moment: 'Aha moment',
    jtbd: 'Job to be done',
    intention: 'Intention',
    outcome: 'Outcome',
    scenario: 'Scenario',
    context: 'Context',
    composability: 'Composability',
    goals: 'Goals',
    frustrations: 'Frustrations',
    worldview: 'Worldview',
    impact: 'Impact',
    success_signals: 'Success signals',
    churn_triggers: 'Churn triggers',
    principles: 'Principles',
    profile: 'Profile',
    workflow: 'Daily workflow',
    tools: 'Tools',
    metrics: 'Success metrics',
  },
  profile: { role: 'Role', experience: 'Experience', team_size: 'Team size', technical_skill: 'Technical skill' },
  card: {
    loading: 'Loading persona…',
    noPersonaId: 'Set persona-id to choose a persona.',
    notFound: (pid) => `No persona ${pid} at this endpoint.`,
    notFoundHelp: 'Check the persona-id, or ask the endpoint owner whether it moved.',
    configHelp:
      'Set the src attribute, wrap the card in <persona-provider src="…">, or add <meta name="persona-widgets:src" content="…"> to the page.',
    invalid: 'This persona could not be shown.',
    invalidDetail: (reason) => `This persona is not valid: ${reason}.`,
    loadFailed: 'This persona could not be loaded.',
    more: 'More',
    less: 'Less',
    avatar: (name) => `Avatar of ${name}`,
    comments: (n, num) => counted(n, num, 'comment'),
    validations: (n, num) => counted(n, num, 'validation'),
    discuss: 'Discuss',
    updated: 'Updated',
    suggestEdit: 'Suggest an edit',
    suggestEditTo: (field) => `Suggest an edit to ${field}`,
    close: 'Close',
    actions: (name) => `Actions for ${name}`,
    copyMarkdown: 'Copy as Markdown',
    downloadJson: 'Download JSON',
    copied: 'Copied as Markdown.',
    copyFallback: 'Copying is not allowed here, so the Markdown was downloaded instead.',
    downloaded: 'JSON downloaded.',
    invite: 'Help complete this persona',
    inviteIntro: 'Nobody has described these yet. Know this persona? Add what you know:',
    inviteField: (field) => `Help complete ${field}`,
    quote: (text) => `“${text}”`,
    contents: 'Contents',
    contentsOf: (name) => `Contents: ${name}`,
    showAll: (n, num) => `Show all ${num(n)}`,
    showFewer: 'Show fewer',
    steps: 'Steps',
    toolFacts: { frequency: 'Frequency', duration: 'Session length', use_cases: 'Use cases', features: 'Key features' },
  },
};
