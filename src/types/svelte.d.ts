/**
 * Svelte typings for the tags (augments `SvelteHTMLElements` of
 * `svelte/elements`, which `svelteHTML.IntrinsicElements` extends), for
 * svelte-check and the Svelte language server.
 *
 * ```ts
 * // src/app.d.ts (or any .d.ts your tsconfig includes)
 * /// <reference types="persona-widgets/svelte" />
 * ```
 *
 * Events: `onpersona-load={…}` (Svelte 5) or `on:persona-load={…}` (Svelte 4).
 * Register the tags client side (`import 'persona-widgets/define.js'`, in
 * SvelteKit inside `onMount` or a `+layout.ts` with `ssr` off for it).
 */
import type { HTMLAttributes } from 'svelte/elements';
import type { EventProps, PersonaWidgetsTags } from './elements.js';

export type * from './elements.js';

/** Attributes of one tag in Svelte templates. */
export type PersonaWidgetsSvelteAttributes<Tag extends keyof PersonaWidgetsTags> = Omit<
  HTMLAttributes<PersonaWidgetsTags[Tag]['element']>,
  keyof PersonaWidgetsTags[Tag]['attributes']
> &
  PersonaWidgetsTags[Tag]['attributes'] &
  EventProps<PersonaWidgetsTags[Tag]['events'], 'on'> &
  EventProps<PersonaWidgetsTags[Tag]['events'], 'on:'>;

declare module 'svelte/elements' {
  export interface SvelteHTMLElements {
    'persona-card': PersonaWidgetsSvelteAttributes<'persona-card'>;
    'persona-grid': PersonaWidgetsSvelteAttributes<'persona-grid'>;
    'contribute-form': PersonaWidgetsSvelteAttributes<'contribute-form'>;
    'persona-provider': PersonaWidgetsSvelteAttributes<'persona-provider'>;
  }
}
