/**
 * The four tags as a template writes them, shared by the framework typings in
 * this folder (`persona-widgets/jsx`, `persona-widgets/vue`,
 * `persona-widgets/svelte`). Type-only: nothing here exists at run time.
 *
 * Attribute names are kebab-case, as in HTML. `persona`, `personas` and
 * `strings` take objects: React 19, Vue 3 and Svelte 5 set them as DOM
 * properties once the element is registered (register before rendering).
 */
import type {
  ContributeErrorDetail,
  ContributeForm,
  ContributeSubmitDetail,
  ContributeSuccessDetail,
  SortOrder,
  PersonaCard,
  PersonaErrorDetail,
  PersonaGrid,
  PersonaGridChangeDetail,
  PersonaGridLoadDetail,
  PersonaLoadDetail,
  PersonaProvider,
  PersonaSelectDetail,
  PersonaStringsOverride,
} from '../index.js';
// The tags' HTMLElementTagNameMap and HTMLElementEventMap entries (document.querySelector('persona-card'), …).
import type {} from '../define.js';

export type Theme = 'light' | 'dark' | 'auto';

/** `<persona-card>`'s attributes, plus its object properties. */
export interface PersonaCardAttributes {
  src?: string;
  'persona-id'?: string;
  variant?: PersonaCard['variant'];
  theme?: Theme;
  'heading-level'?: number;
  'contribute-action'?: string;
  loading?: PersonaCard['loading'];
  /** A persona object to show without fetching (validated like endpoint data). */
  persona?: unknown;
  /** Any part of the `PersonaStrings` table. */
  strings?: PersonaStringsOverride;
}

/** `<persona-grid>`'s attributes, plus its object properties. */
export interface PersonaGridAttributes {
  src?: string;
  app?: string;
  query?: string;
  sort?: SortOrder;
  'page-size'?: number;
  variant?: PersonaGrid['variant'];
  'contribute-action'?: string;
  'heading-level'?: number;
  theme?: Theme;
  'no-controls'?: boolean;
  /** Present (`true` or `''`) or the URL parameter's name. */
  'sync-url'?: string | boolean;
  'search-param'?: string;
  /** Personas to show without fetching (an array, validated like endpoint data). */
  personas?: unknown;
  strings?: PersonaStringsOverride;
}

/** `<contribute-form>`'s attributes, plus its object properties. */
export interface ContributeFormAttributes {
  action?: string;
  src?: string;
  'persona-id'?: string;
  field?: ContributeForm['field'];
  kind?: ContributeForm['kind'];
  theme?: Theme;
  timeout?: number;
  strings?: PersonaStringsOverride;
}

/** `<persona-provider>`'s attributes, plus its object properties. */
export interface PersonaProviderAttributes {
  src?: string;
  'contribute-action'?: string;
  strings?: PersonaStringsOverride;
}

export interface PersonaCardEvents {
  'persona-load': CustomEvent<PersonaLoadDetail>;
  'persona-error': CustomEvent<PersonaErrorDetail>;
}
export interface PersonaGridEvents {
  'persona-select': CustomEvent<PersonaSelectDetail>;
  'persona-grid-change': CustomEvent<PersonaGridChangeDetail>;
  'persona-load': CustomEvent<PersonaGridLoadDetail>;
  'persona-error': CustomEvent<PersonaErrorDetail>;
}
export interface ContributeFormEvents {
  'contribute-submit': CustomEvent<ContributeSubmitDetail>;
  'contribute-success': CustomEvent<ContributeSuccessDetail>;
  'contribute-error': CustomEvent<ContributeErrorDetail>;
}
/** The provider fires nothing of its own; its children's events bubble through it. */
export interface PersonaProviderEvents {}

/** Each tag: its element class, attributes and events. */
export interface PersonaWidgetsTags {
  'persona-card': { element: PersonaCard; attributes: PersonaCardAttributes; events: PersonaCardEvents };
  'persona-grid': { element: PersonaGrid; attributes: PersonaGridAttributes; events: PersonaGridEvents };
  'contribute-form': { element: ContributeForm; attributes: ContributeFormAttributes; events: ContributeFormEvents };
  'persona-provider': { element: PersonaProvider; attributes: PersonaProviderAttributes; events: PersonaProviderEvents };
}

/** `persona-id` → `personaId`. */
export type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** Listener props named `${Prefix}${event name}`, e.g. `onpersona-load` (React 19, Svelte 5) or `on:persona-load` (Svelte 4). */
export type EventProps<Events, Prefix extends string> = {
  [K in keyof Events & string as `${Prefix}${K}`]?: (event: Events[K]) => void;
};
