/**
 * Vue 3 typings for the tags (`GlobalComponents` in `vue`), for vue-tsc and
 * Volar: props are checked and `@persona-load` and the other events get typed
 * `$event`s.
 *
 * ```ts
 * // env.d.ts (or any .d.ts your tsconfig includes)
 * /// <reference types="persona-widgets/vue" />
 * ```
 *
 * Vue must also be told that the tags are custom elements
 * (`compilerOptions.isCustomElement: (tag) => tag.startsWith('persona-') || tag === 'contribute-form'`),
 * and the tags registered client side (`import 'persona-widgets/define.js'`).
 * Bind non-string values: `:heading-level="2"`, `:no-controls="true"`, `:persona="obj"`.
 */
import type { DefineComponent } from 'vue';
import type { CamelCase, PersonaWidgetsTags } from './elements.js';

export type * from './elements.js';

/** Props of one tag in Vue templates: camelCase props (Vue accepts kebab-case too) and `on<Event>` listeners. */
export type PersonaWidgetsVueProps<Tag extends keyof PersonaWidgetsTags> = {
  [K in keyof PersonaWidgetsTags[Tag]['attributes'] & string as CamelCase<K>]?: PersonaWidgetsTags[Tag]['attributes'][K];
} & {
  [K in keyof PersonaWidgetsTags[Tag]['events'] & string as `on${Capitalize<CamelCase<K>>}`]?: (
    event: PersonaWidgetsTags[Tag]['events'][K],
  ) => void;
};

declare module 'vue' {
  interface GlobalComponents {
    'persona-card': DefineComponent<PersonaWidgetsVueProps<'persona-card'>>;
    'persona-grid': DefineComponent<PersonaWidgetsVueProps<'persona-grid'>>;
    'contribute-form': DefineComponent<PersonaWidgetsVueProps<'contribute-form'>>;
    'persona-provider': DefineComponent<PersonaWidgetsVueProps<'persona-provider'>>;
  }
}
