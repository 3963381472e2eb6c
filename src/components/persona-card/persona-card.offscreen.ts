import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Cards the observer last saw outside the viewport. */
const outside = new WeakSet<Element>();

/**
 * One observer for every card on the page. A card is "off-screen" only once it
 * has been reported so: until then (a card just added), and where there is no
 * IntersectionObserver (a DOM emulation in a host's unit tests), it counts as in view.
 */
let observer: IntersectionObserver | undefined;
const observe = (card: Element) =>
  typeof IntersectionObserver === 'function' &&
  (observer ??= new IntersectionObserver(
    (entries) => {
      for (const { target, isIntersecting } of entries) {
        if (isIntersecting) outside.delete(target);
        else outside.add(target);
      }
    },
  )).observe(card);

/**
 * Whether the card is out of view, so that a render of another persona can wait
 * for a task of its own: when a grid shows other personas, the cards in view
 * render and paint first, and no one task renders every card.
 */
export class OffscreenController implements ReactiveController {
  readonly #host: ReactiveControllerHost & Element;

  constructor(host: ReactiveControllerHost & Element) {
    this.#host = host;
    host.addController(this);
  }

  get offscreen(): boolean {
    return outside.has(this.#host);
  }

  hostConnected(): void {
    observe(this.#host);
  }

  hostDisconnected(): void {
    observer?.unobserve(this.#host);
    outside.delete(this.#host);
  }
}
