/**
 * JSX typings for the tags in React 19 (`react` augmentation of
 * `JSX.IntrinsicElements`), for using `<persona-card>` and the others without
 * the wrappers of `persona-widgets/react`:
 *
 * ```ts
 * /// <reference types="persona-widgets/jsx" />   // or: import type {} from 'persona-widgets/jsx';
 * import 'persona-widgets/define.js';               // registers the tags (client side)
 *
 * <persona-card persona-id="APP-074" theme="dark" onpersona-load={(e) => e.detail.persona} />
 * ```
 *
 * React 19 sets a prop as a DOM property when the element has one (`persona`,
 * `strings`, `theme`), else as an attribute (`persona-id`, `heading-level`);
 * `on<event-name>` props add event listeners. React 18 does neither: use the
 * wrappers there.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { EventProps, PersonaWidgetsTags } from './elements.js';

export type * from './elements.js';

/** Props of one tag in React 19 JSX. */
export type PersonaWidgetsJSXProps<Tag extends keyof PersonaWidgetsTags> = Omit<
  DetailedHTMLProps<HTMLAttributes<PersonaWidgetsTags[Tag]['element']>, PersonaWidgetsTags[Tag]['element']>,
  keyof PersonaWidgetsTags[Tag]['attributes']
> &
  PersonaWidgetsTags[Tag]['attributes'] &
  EventProps<PersonaWidgetsTags[Tag]['events'], 'on'>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'persona-card': PersonaWidgetsJSXProps<'persona-card'>;
      'persona-grid': PersonaWidgetsJSXProps<'persona-grid'>;
      'contribute-form': PersonaWidgetsJSXProps<'contribute-form'>;
      'persona-provider': PersonaWidgetsJSXProps<'persona-provider'>;
    }
  }
}
