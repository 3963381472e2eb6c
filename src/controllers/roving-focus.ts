/**
 * Roving focus over a grid of items (as material-web's list controller does
 * for lists): one item takes Tab (tabindex 0, the rest -1), arrow keys move
 * between items (left/right follow the host's writing direction, up/down move
 * by a row), Home and End go to the first and last; after the host adds items,
 * focus can go to the first new one.
 *
 * The host renders `tabindex=${i === roving.tabbable(count) ? 0 : -1}`, calls
 * {@link RovingFocusController.activate} on an item's focus and click,
 * {@link RovingFocusController.handleKey} on its keydown, and
 * {@link RovingFocusController.focusNew} before it adds items.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface RovingFocusOptions {
  /** The items, in order, as rendered now. */
  items(): HTMLElement[];
  /** Items per row (ArrowUp and ArrowDown move by this many). */
  columns(): number;
  /** Whether more items may still arrive after {@link RovingFocusController.focusNew} (else the wait for them ends). */
  coming(): boolean;
}

export class RovingFocusController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: RovingFocusOptions;
  /** Index of the item that takes Tab. */
  #active = 0;
  /** Count of items before the host added more: focus goes to the first new one. */
  #focusFrom?: number;

  constructor(host: ReactiveControllerHost & HTMLElement, options: RovingFocusOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The index of the item that takes Tab among `count` rendered ones. */
  tabbable(count: number): number {
    return Math.min(this.#active, count - 1);
  }

  /** Back to the first item (for the next render: the items are about to change). */
  reset(): void {
    this.#active = 0;
  }

  /** Moves the roving tabindex (without a re-render) and, unless told not to, focus. */
  activate(index: number, focus = true): void {
    this.#active = index;
    const items = this.#options.items();
    items.forEach((item, i) => (item.tabIndex = i === index ? 0 : -1));
    if (focus) items[index]?.focus();
  }

  /** Arrow keys, Home and End on the item at `index`; true when the key was one of them. */
  handleKey(event: KeyboardEvent, index: number): boolean {
    const items = this.#options.items();
    const columns = this.#options.columns();
    const forward = getComputedStyle(this.#host).direction === 'rtl' ? -1 : 1;
    const moves: Record<string, number> = {
      ArrowRight: index + forward,
      ArrowLeft: index - forward,
      ArrowDown: index + columns,
      ArrowUp: index - columns,
      Home: 0,
      End: items.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return false;
    event.preventDefault();
    this.activate(Math.max(0, Math.min(items.length - 1, target)));
    return true;
  }

  /** Before the host adds items: focus goes to the first new one once rendered. Returns how many there are now. */
  focusNew(): number {
    return (this.#focusFrom = this.#options.items().length);
  }

  /** After each update: focuses the first new item once it is there. */
  hostUpdated(): void {
    if (this.#focusFrom === undefined) return;
    if (this.#options.items().length > this.#focusFrom) {
      this.activate(this.#focusFrom);
      this.#focusFrom = undefined;
    } else if (!this.#options.coming()) {
      this.#focusFrom = undefined;
    }
  }
}
