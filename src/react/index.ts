/**
 * persona-widgets/react: React components for the four elements, made with
 * `@lit/react`. Properties are set as DOM properties (objects such as
 * `persona` or `strings` included) and each element event has a typed
 * callback prop, e.g. `onPersonaLoad={(event) => event.detail.persona}`.
 *
 * Importing this module registers the elements (it imports their
 * `*.define.js` modules). It needs `react` (18 or 19) and `@lit/react`,
 * which are optional peer dependencies of persona-widgets. In server-rendered
 * apps import it on the client only: registration needs `customElements`.
 *
 * ```tsx
 * import { PersonaCard } from 'persona-widgets/react';
 *
 * <PersonaCard src="/api/personas" personaId="APP-074" theme="dark"
 *   onPersonaLoad={(e) => console.log(e.detail.persona.name)} />
 * ```
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { PersonaCard as PersonaCardElement } from '../components/persona-card/persona-card.define.js';
import { PersonaGrid as PersonaGridElement } from '../components/persona-grid/persona-grid.define.js';
import { ContributeForm as ContributeFormElement } from '../components/contribute-form/contribute-form.define.js';
import { PersonaProvider as PersonaProviderElement } from '../components/persona-provider/persona-provider.define.js';
import type { PersonaErrorDetail, PersonaLoadDetail } from '../components/persona-card/persona-card.js';
import type {
  PersonaGridChangeDetail,
  PersonaGridLoadDetail,
  PersonaSelectDetail,
} from '../components/persona-grid/persona-grid.js';
import type {
  ContributeErrorDetail,
  ContributeSubmitDetail,
  ContributeSuccessDetail,
} from '../components/contribute-form/contribute-form.js';

export type {
  PersonaCardElement,
  PersonaGridElement,
  ContributeFormElement,
  PersonaProviderElement,
  PersonaLoadDetail,
  PersonaErrorDetail,
  PersonaSelectDetail,
  PersonaGridChangeDetail,
  PersonaGridLoadDetail,
  ContributeSubmitDetail,
  ContributeSuccessDetail,
  ContributeErrorDetail,
};

/** Props of a wrapper: the element's public properties `K`, its event callbacks `E`, and React's HTML props. */
export type WrapperProps<I extends HTMLElement, K extends keyof I, E> = Partial<Pick<I, K>> &
  E &
  Omit<React.HTMLAttributes<I>, K | keyof E> &
  React.RefAttributes<I>;

type Wrapper<P> = React.ForwardRefExoticComponent<P>;

const event = <D>(name: string) => name as EventName<CustomEvent<D>>;

/** Event callbacks of `<PersonaCard>`. */
export interface PersonaCardEvents {
  /** `persona-load`: the persona is shown. */
  onPersonaLoad?: (event: CustomEvent<PersonaLoadDetail>) => void;
  /** `persona-error`: the persona could not be shown (`event.detail.error.kind`). */
  onPersonaError?: (event: CustomEvent<PersonaErrorDetail>) => void;
}
export type PersonaCardProps = WrapperProps<
  PersonaCardElement,
  'src' | 'personaId' | 'variant' | 'theme' | 'headingLevel' | 'contributeAction' | 'loading' | 'persona' | 'strings',
  PersonaCardEvents
>;

/** Event callbacks of `<PersonaGrid>`. */
export interface PersonaGridEvents {
  /** `persona-select`: a card was activated (click or Enter). */
  onPersonaSelect?: (event: CustomEvent<PersonaSelectDetail>) => void;
  /** `persona-grid-change`: the user changed the view. */
  onPersonaGridChange?: (event: CustomEvent<PersonaGridChangeDetail>) => void;
  /** `persona-load` of the grid: personas arrived. */
  onPersonaLoad?: (event: CustomEvent<PersonaGridLoadDetail>) => void;
  /** `persona-error`: the personas could not be loaded. */
  onPersonaError?: (event: CustomEvent<PersonaErrorDetail>) => void;
}
export type PersonaGridProps = WrapperProps<
  PersonaGridElement,
  | 'src'
  | 'app'
  | 'query'
  | 'sort'
  | 'pageSize'
  | 'variant'
  | 'contributeAction'
  | 'headingLevel'
  | 'theme'
  | 'noControls'
  | 'syncUrl'
  | 'searchParam'
  | 'personas'
  | 'strings',
  PersonaGridEvents
>;

/** Event callbacks of `<ContributeForm>`. */
export interface ContributeFormEvents {
  /** `contribute-submit` (cancelable): call `event.preventDefault()` to send it yourself. */
  onContributeSubmit?: (event: CustomEvent<ContributeSubmitDetail>) => void;
  /** `contribute-success`: the contribution was accepted. */
  onContributeSuccess?: (event: CustomEvent<ContributeSuccessDetail>) => void;
  /** `contribute-error`: it was not accepted (`event.detail.error.kind`). */
  onContributeError?: (event: CustomEvent<ContributeErrorDetail>) => void;
}
export type ContributeFormProps = WrapperProps<
  ContributeFormElement,
  'action' | 'src' | 'personaId' | 'field' | 'kind' | 'theme' | 'timeout' | 'strings',
  ContributeFormEvents
>;

export type PersonaProviderProps = WrapperProps<PersonaProviderElement, 'src' | 'contributeAction' | 'strings', {}>;

/** `<persona-card>`: one persona, compact or in full. */
export const PersonaCard: Wrapper<PersonaCardProps> = createComponent({
  react: React,
  tagName: 'persona-card',
  elementClass: PersonaCardElement,
  displayName: 'PersonaCard',
  events: {
    onPersonaLoad: event<PersonaLoadDetail>('persona-load'),
    onPersonaError: event<PersonaErrorDetail>('persona-error'),
  },
});

/** `<persona-grid>`: search, filter, sort and page through a persona library. */
export const PersonaGrid: Wrapper<PersonaGridProps> = createComponent({
  react: React,
  tagName: 'persona-grid',
  elementClass: PersonaGridElement,
  displayName: 'PersonaGrid',
  events: {
    onPersonaSelect: event<PersonaSelectDetail>('persona-select'),
    onPersonaGridChange: event<PersonaGridChangeDetail>('persona-grid-change'),
    onPersonaLoad: event<PersonaGridLoadDetail>('persona-load'),
    onPersonaError: event<PersonaErrorDetail>('persona-error'),
  },
});

/** `<contribute-form>`: confirm, correct, extend or propose a persona. */
export const ContributeForm: Wrapper<ContributeFormProps> = createComponent({
  react: React,
  tagName: 'contribute-form',
  elementClass: ContributeFormElement,
  displayName: 'ContributeForm',
  events: {
    onContributeSubmit: event<ContributeSubmitDetail>('contribute-submit'),
    onContributeSuccess: event<ContributeSuccessDetail>('contribute-success'),
    onContributeError: event<ContributeErrorDetail>('contribute-error'),
  },
});

/** `<persona-provider>`: sets the endpoint (and strings) once for every element inside. */
export const PersonaProvider: Wrapper<PersonaProviderProps> = createComponent({
  react: React,
  tagName: 'persona-provider',
  elementClass: PersonaProviderElement,
  displayName: 'PersonaProvider',
  events: {},
});
