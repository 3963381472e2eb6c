/**
 * Type-level checks of the framework typings in src/types (persona-widgets/jsx,
 * /vue, /svelte) and of the React wrappers' props. Checked by `tsc --noEmit`
 * only: nothing here runs (every `@ts-expect-error` must still be an error).
 */
import type { JSX } from 'react';
import type { GlobalComponents } from 'vue';
import type { SvelteHTMLElements } from 'svelte/elements';
import type { ContributeFormProps, PersonaCardProps, PersonaGridProps } from '../src/react/index.js';
import type {} from '../src/types/jsx.js';
import type {} from '../src/types/vue.js';
import type {} from '../src/types/svelte.js';

type Check<T> = T;

// React 19 JSX, plain tags: kebab-case attributes, object properties, on<event-name> listeners.
export type ReactCard = Check<JSX.IntrinsicElements['persona-card']>;
export const reactCard: ReactCard = {
  'persona-id': 'APP-074',
  theme: 'dark',
  'heading-level': 2,
  strings: { card: { more: 'Mehr' } },
  className: 'x',
  'onpersona-load': (event) => event.detail.persona.name,
  'onpersona-error': (event) => event.detail.error.kind,
};
export const reactGrid: JSX.IntrinsicElements['persona-grid'] = {
  'no-controls': true,
  'sync-url': true,
  sort: 'name',
  'onpersona-grid-load': (event) => event.detail.personas.length,
  'onpersona-grid-change': (event) => event.detail.apps,
  'onpersona-select': (event) => event.detail.persona.pid,
};
export const reactForm: JSX.IntrinsicElements['contribute-form'] = {
  kind: 'extend',
  'oncontribute-submit': (event) => event.detail.idempotencyKey,
  'oncontribute-success': (event) => event.detail.response,
  'oncontribute-error': (event) => event.detail.error.kind,
};
// @ts-expect-error not a theme
export const badTheme: JSX.IntrinsicElements['persona-card'] = { theme: 'blue' };
// @ts-expect-error a card fires no persona-select
export const badEvent: JSX.IntrinsicElements['persona-card'] = { 'onpersona-select': () => {} };
// @ts-expect-error heading-level is a number
export const badLevel: JSX.IntrinsicElements['persona-card'] = { 'heading-level': 'two' };

// React wrappers: camelCase properties and onCamelCase callbacks.
export const wrapperCard: PersonaCardProps = {
  personaId: 'APP-074',
  headingLevel: 2,
  onPersonaLoad: (event) => event.detail.skipped,
  onPersonaError: (event) => event.detail.error.kind,
};
export const wrapperGrid: PersonaGridProps = {
  noControls: true,
  onPersonaGridLoad: (event) => event.detail.total,
  onPersonaSelect: (event) => event.detail.persona,
  onPersonaGridChange: (event) => event.detail.query,
};
export const wrapperForm: ContributeFormProps = {
  onContributeSubmit: (event) => event.preventDefault(),
  onContributeSuccess: (event) => event.detail.contribution,
  onContributeError: (event) => event.detail.error,
};
// @ts-expect-error the card's persona-load has no `personas`
export const wrongDetail: PersonaCardProps = { onPersonaLoad: (event) => event.detail.personas };
// @ts-expect-error not a prop of the card
export const unknownProp: PersonaCardProps = { pageSize: 3 };

// Vue: GlobalComponents with camelCase props and on<Event> listeners (what @persona-load checks against).
type VueProps<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];
export const vueCard: VueProps<'persona-card'> = {
  personaId: 'APP-074',
  headingLevel: 2,
  onPersonaLoad: (event) => event.detail.persona.name,
};
export const vueGrid: VueProps<'persona-grid'> = {
  noControls: true,
  onPersonaGridChange: (event) => event.detail.count,
};
export const vueForm: VueProps<'contribute-form'> = {
  onContributeSubmit: (event) => event.detail.contribution,
};
// @ts-expect-error heading-level is a number (bind it: :heading-level="2")
export const vueBad: VueProps<'persona-card'> = { headingLevel: '2' };

// Svelte: SvelteHTMLElements (and so svelteHTML.IntrinsicElements), Svelte 5 and Svelte 4 event syntax.
export const svelteCard: SvelteHTMLElements['persona-card'] = {
  'persona-id': 'APP-074',
  class: 'x',
  'onpersona-load': (event) => event.detail.persona.name,
  'on:persona-error': (event) => event.detail.error.kind,
};
export const svelteProvider: SvelteHTMLElements['persona-provider'] = { src: '/api/personas', 'contribute-action': '/c' };
// @ts-expect-error not a variant
export const svelteBad: SvelteHTMLElements['persona-card'] = { variant: 'huge' };

// Every event name has one detail type: the grid's arrivals are persona-grid-load, a card's persona-load.
declare const someGrid: HTMLElementTagNameMap['persona-grid'];
someGrid.addEventListener('persona-grid-load', (event) => event.detail.personas.length);
someGrid.addEventListener('persona-load', (event) => event.detail.persona.pid);
