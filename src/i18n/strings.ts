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
    /** Put before the date. */
    updated: string;
    suggestEdit: string;
    suggestEditTo: (field: string) => string;
    close: string;
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

const counted = (n: number, num: FormatNumber, one: string, many = `${one}s`) => `${num(n)} ${n === 1 ? one : many}`;
const personas = (n: number, num: FormatNumber) => counted(n, num, 'persona');
const busy = (who: string) => (wait: string | undefined) => `The ${who} is busy. Try again in ${wait ?? 'a moment'}.`;

/** The English strings, the last fallback. */
export const defaultStrings: PersonaStrings = {
  lang: 'en',
  common: {
    retry: 'Retry',
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
    updated: 'Updated',
    suggestEdit: 'Suggest an edit',
    suggestEditTo: (field) => `Suggest an edit to ${field}`,
    close: 'Close',
    copyMarkdown: 'Copy as Markdown',
    downloadJson: 'Download JSON',
    copied: 'Copied as Markdown.',
    copyFallback: 'Copying is not allowed here, so the Markdown was downloaded instead.',
    downloaded: 'JSON downloaded.',
    invite: 'Help complete this persona',
    inviteIntro: 'Nobody has described these yet. Know this persona? Add what you know:',
    inviteField: (field) => `Help complete ${field}`,
    quote: (text) => `“${text}”`,
  },
  grid: {
    label: 'Personas',
    search: 'Search personas',
    searchPlaceholder: 'Name, app, goal, tool…',
    apps: 'Apps',
    allApps: 'All apps',
    appsSelected: (n, num) => `${num(n)} selected`,
    appsLegend: 'Show personas of these apps',
    noAppsMatch: 'No app has personas that match the search.',
    noApps: 'No apps to filter by.',
    sortBy: 'Sort by',
    sorts: {
      relevance: 'Relevance',
      name: 'Name',
      comments: 'Most comments',
      validations: 'Most validations',
      updated: 'Recently updated',
    },
    loading: 'Loading personas…',
    personas,
    countOf: (count, total, num) => `${num(count)} of ${personas(total, num)}`,
    loadingMore: '(loading more…)',
    exportLabel: (n, num) => `Export ${personas(n, num)}`,
    formats: { json: 'JSON', csv: 'CSV', md: 'Markdown' },
    exported: (n, format, num) => `Exported ${personas(n, num)} as ${format}.`,
    configHelp:
      'Set the src attribute, wrap the grid in <persona-provider src="…">, or add <meta name="persona-widgets:src" content="…"> to the page.',
    invalid: 'These personas could not be shown.',
    loadFailed: 'The personas could not be loaded.',
    empty: 'There are no personas here yet.',
    noMatch: (query, apps) => `No personas${query ? ` match “${query}”` : ''}${apps ? ` in ${apps}` : ''}.`,
    noMatchHelp: 'Check the spelling, try fewer words, or clear the filters.',
    clearFilters: 'Clear filters',
    keyHint: 'Arrow keys move between personas.',
    moreFailed: 'More personas could not be loaded.',
    showing: (shown, total, num) => `Showing ${num(shown)} of ${num(total)}`,
    loadingMoreButton: 'Loading…',
    showMore: 'Show more',
    exportTitle: 'Personas',
  },
  form: {
    label: 'Contribute to the persona library',
    kindLegend: 'What would you like to do?',
    kinds: {
      confirm: { title: 'Confirm', description: 'This is accurate' },
      correct: { title: 'Correct', description: 'This is wrong; here is what is true' },
      extend: { title: 'Extend', description: 'Add to this' },
      new: { title: 'New persona', description: 'Propose a persona that is missing' },
    },
    text: {
      confirm: { label: 'Anything to add?', hint: 'How you know, or an example from your work.' },
      correct: { label: 'What is true instead?', hint: 'Write the corrected text, and how you know if you can.' },
      extend: { label: 'What should be added?', hint: 'Write what is missing from the current text.' },
      new: { label: 'Describe the missing persona', hint: 'Who they are, what they need, and what gets in their way.' },
    },
    maxLength: (max) => `Up to ${max} characters.`,
    counter: (length, max) => `${length} / ${max}`,
    optional: '(optional)',
    inputs: {
      kind: 'What you want to do',
      pid: 'Persona',
      field: 'Part of the persona',
      text: 'Your text',
      role: 'Your role',
      experience: 'Experience',
      email: 'Email',
    },
    chooseField: 'Choose a part…',
    storyFields: 'The persona',
    detailFields: 'Details',
    loadingList: 'Loading the list of personas…',
    listFailed: 'The list of personas could not be loaded: type the persona’s id, e.g. APP-074.',
    typeId: 'Type the persona’s id, e.g. APP-074.',
    typeOrChoose: 'Type a name or id and choose from the suggestions.',
    now: 'Now:',
    ofPersona: (name) => `of ${name}`,
    notFilled: 'Not filled in yet.',
    about: 'About you',
    roleHint: 'e.g. Data engineer',
    experienceHint: 'How long you have used the product, e.g. 2 years',
    emailHint: 'Only to ask you about this contribution.',
    honeypot: 'Website (leave this empty)',
    send: 'Send contribution',
    sending: 'Sending…',
    shortcut: (keys) => `or press ${keys}`,
    draftSaved: 'Draft saved in this browser (without your email).',
    draftUnavailable: 'This browser cannot keep a draft: keep the page open until you send.',
    draftRestored: (when) => `Draft restored from ${when}.`,
    todayAt: (time) => `today at ${time}`,
    discardDraft: 'Discard draft',
    draftDiscarded: 'Draft discarded.',
    announceSending: 'Sending your contribution…',
    announceSent: 'Contribution sent.',
    counterOver: (over, max) => `${over} characters over the limit of ${max}.`,
    counterFull: (max) => `Character limit of ${max} reached.`,
    counterLeft: (left) => `${left} characters left.`,
    fixOne: 'Fix this before sending:',
    fixMany: (n) => `Fix these ${n} things before sending:`,
    serverRejected: 'The server did not accept this yet. Fix:',
    invalid: {
      kind: 'Choose what you want to do: confirm, correct, extend, or propose a new persona.',
      pid: 'Choose the persona this is about.',
      field: 'Choose which part of the persona this is about.',
      textEmpty: 'Write at least one character.',
      textRejected: 'The server did not accept this text. Check it, then send it again.',
      textLong: (max) => `Keep it to ${max} characters or fewer.`,
      role: (max) => `Keep your role to ${max} characters or fewer.`,
      experience: (max) => `Keep this to ${max} characters or fewer.`,
      email: 'Enter a valid email address, or leave it empty.',
    },
    unknownPid: (pid) => `There is no persona ${pid} here. Choose one from the list.`,
    notConfigured: 'This form is not configured.',
    notConfiguredHelp:
      'Please tell the owner of this page: the form needs an action URL, or a script that handles contribute-submit.',
    noAction: 'It has no address to send contributions to (action), and the page does not send them itself.',
    notSent: 'Your contribution was not sent yet.',
    keptOpen: 'Everything you wrote is still here; keep this page open.',
    keptDraft: 'Everything you wrote is still here, and saved as a draft in this browser (without your email).',
    hostFailed: 'The contribution could not be sent.',
    timeout: (seconds, num) =>
      `The server did not answer within ${counted(seconds, num, 'second')}. It may still have arrived: sending again is safe, it will not be counted twice.`,
    offline: 'You appear to be offline. Send it again once you are back online.',
    network: 'The server could not be reached. Check your connection, then try again.',
    busy: busy('server'),
    refused: (status) =>
      `The server refused the contribution (HTTP ${status}). You may need to sign in to this site first.`,
    badAddress: (status) =>
      `The address this form sends to was not found (HTTP ${status}). Please tell the page owner.`,
    tooLarge: 'The contribution is too large for the server (HTTP 413). Shorten the text and try again.',
    serverError: (status) => `The server had a problem (HTTP ${status}). Try again in a moment.`,
    notAccepted: (status) => `The server did not accept the contribution (HTTP ${status}).`,
    serverSaid: (message) => `It said: “${message}”`,
    thanks: 'Thank you! Your contribution was sent.',
    whatSent: 'This is what was sent:',
    sent: {
      what: 'What',
      persona: 'Persona',
      part: 'Part',
      text: 'Text',
      role: 'Your role',
      experience: 'Experience',
      email: 'Email',
    },
    sendAnother: 'Send another contribution',
  },
};
