import { css, html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

type MenuHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** One entry of the actions menu. */
export interface MenuItem {
  label: string;
  /** Runs after the menu has closed and focus is back on its button. */
  run: (button: HTMLElement) => void;
}

/**
 * The behaviour of the card's actions menu (the WAI-ARIA menu button pattern), loaded when
 * the pointer or focus first reaches its button: the card renders the button
 * (`#actions-button`, `popovertarget`) and an empty `popover="auto"` element
 * (`#actions-menu`); this fills it and handles its keys. The popover sits in the top
 * layer, so opening it never changes the card's size and no ancestor's `overflow` clips
 * it; clicking outside closes it (light dismiss).
 *
 * Keys: Enter, Space or ArrowDown on the button open it on the first item, ArrowUp on the
 * last; in the menu ArrowUp/ArrowDown move (wrapping), Home/End jump, Escape closes and
 * returns focus to the button, Tab closes and moves on.
 */
export class ActionsMenu implements ReactiveController {
  readonly #host: MenuHost;
  #open = false;
  /** Which item takes focus when the menu opens. */
  #focusOnOpen: 'first' | 'last' = 'first';
  /** Set when the menu closes while focus is in it: focus goes back to the button. */
  #returnFocus = false;
  /** The chosen item's action, run once the menu has closed (so a dialog it opens finds focus settled). */
  #afterClose?: () => void;

  constructor(host: MenuHost) {
    this.#host = host;
    host.addController(this);
    // Listened to on the shadow root while capturing (toggle events do not bubble), so the
    // card's template needs no handlers for a menu that may not have been loaded yet.
    const root = host.renderRoot;
    const on = (type: string, handler: (event: never) => void, id: string) =>
      root.addEventListener(
        type,
        (event) => (event.target as Element).id === id && handler(event as never),
        true,
      );
    on('keydown', this.#onButtonKey, 'actions-button');
    on('beforetoggle', this.#onBeforeToggle, 'actions-menu');
    on('toggle', this.#onToggle, 'actions-menu');
    root.addEventListener('keydown', (event) => this.#inMenu(event) && this.#onMenuKey(event as KeyboardEvent), true);
    root.addEventListener('focusout', (event) => this.#inMenu(event) && this.#onFocusOut(event as FocusEvent), true);
  }

  /** Whether the menu is open (the button's `aria-expanded`). */
  get open(): boolean {
    return this.#open;
  }

  hostDisconnected(): void {
    this.#listen(false);
  }

  #inMenu(event: Event) {
    const menu = this.#menu;
    return Boolean(menu && event.target instanceof Node && menu.contains(event.target));
  }

  get #button() {
    return this.#host.renderRoot.querySelector<HTMLElement>('#actions-button');
  }

  get #menu() {
    return this.#host.renderRoot.querySelector<HTMLElement>('#actions-menu');
  }

  #focused(): Element | null {
    return (this.#host.renderRoot as ShadowRoot).activeElement ?? null;
  }

  get #items() {
    return [...(this.#menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  }

  /** The menu's items (rendered into the card's `#actions-menu`). */
  render(items: MenuItem[]): TemplateResult {
    return html`${items.map(
      (item) =>
        html`<button part="menu-item" role="menuitem" tabindex="-1" @click=${() => this.#choose(item)}>${item.label}</button>`,
    )}`;
  }

  #onButtonKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    this.#focusOnOpen = event.key === 'ArrowDown' ? 'first' : 'last';
    if (this.#open) this.#focusItem(this.#focusOnOpen === 'first' ? 0 : -1);
    else this.#menu?.showPopover();
  };

  #onMenuKey = (event: KeyboardEvent) => {
    const items = this.#items;
    const at = items.indexOf(this.#focused() as HTMLElement);
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: -1 };
    if (event.key in moves) {
      event.preventDefault();
      this.#focusItem(moves[event.key]!);
    } else if (event.key === 'Escape') {
      // Handled here rather than by the popover's own Escape, so focus goes back in every engine.
      event.preventDefault();
      event.stopPropagation();
      this.close(true);
    }
  };

  /** Tab (or a click elsewhere) moves focus out: the menu closes. */
  #onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (this.#open && !(next && this.#menu?.contains(next)) && next !== this.#button) this.close(false);
  };

  #onBeforeToggle = (event: Event) => {
    const opening = (event as ToggleEvent).newState === 'open';
    if (opening) this.#place();
    else this.#returnFocus ||= this.#menu?.contains(this.#focused()) ?? false;
  };

  #onToggle = async (event: Event) => {
    const open = (event as ToggleEvent).newState === 'open';
    if (open === this.#open) return;
    this.#open = open;
    this.#listen(open);
    this.#host.requestUpdate();
    if (open) {
      await this.#host.updateComplete;
      this.#focusItem(this.#focusOnOpen === 'first' ? 0 : -1);
      this.#focusOnOpen = 'first';
    } else {
      if (this.#returnFocus) this.#button?.focus();
      this.#returnFocus = false;
      const run = this.#afterClose;
      this.#afterClose = undefined;
      run?.();
    }
  };

  /** Closes the menu; `refocus` puts focus back on its button. */
  close(refocus: boolean): void {
    this.#returnFocus ||= refocus;
    const menu = this.#menu;
    if (menu?.matches(':popover-open')) menu.hidePopover();
    else if (refocus) this.#button?.focus();
  }

  #choose(item: MenuItem) {
    const button = this.#button;
    if (!button) return;
    if (this.#open) this.#afterClose = () => item.run(button);
    this.close(true);
    if (!this.#afterClose) item.run(button);
  }

  #focusItem(index: number) {
    const items = this.#items;
    if (items.length) items.at(index % items.length)!.focus();
  }

  /**
   * Below the button, its inline end aligned with the button's (above it when the button is
   * low in the viewport). Fixed to the viewport, so it follows scrolling by being placed again.
   */
  #place = () => {
    const button = this.#button;
    const menu = this.#menu;
    if (!button || !menu) return;
    const box = button.getBoundingClientRect();
    const width = document.documentElement.clientWidth;
    const height = document.documentElement.clientHeight;
    const rtl = getComputedStyle(button).direction === 'rtl';
    const below = box.bottom < height * 0.6;
    Object.assign(menu.style, {
      top: below ? `${box.bottom + 4}px` : 'auto',
      bottom: below ? 'auto' : `${height - box.top + 4}px`,
      left: rtl ? `${Math.max(0, box.left)}px` : 'auto',
      right: rtl ? 'auto' : `${Math.max(0, width - box.right)}px`,
    });
  };

  #listen(on: boolean) {
    const method = on ? 'addEventListener' : 'removeEventListener';
    window[method]('scroll', this.#place, { capture: true, passive: true } as AddEventListenerOptions);
    window[method]('resize', this.#place, { passive: true } as AddEventListenerOptions);
  }
}

/** The menu's own styles, adopted by the card with this module. */
export const menuStyles = css`
  /* A popover in the top layer: placed by script under the button, never part of the card's size. */
  .menu {
    position: fixed;
    inset: auto;
    margin: 0;
    padding: 4px;
    min-width: 12rem;
    border: 1px solid var(--_border);
    border-radius: 8px;
    background: var(--_bg);
    color: var(--_fg);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.18);
  }
  .menu:popover-open {
    display: flex;
    flex-direction: column;
  }
  [role='menuitem'] {
    text-align: start;
    background: none;
    border: none;
    border-radius: 4px;
    padding: 6px 10px;
    font-size: 0.875rem;
  }
  [role='menuitem']:hover,
  [role='menuitem']:focus {
    background: var(--_subtle);
  }
`;
