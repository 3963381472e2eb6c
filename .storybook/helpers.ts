/// <reference types="vite/client" />
/** Small helpers the stories share: fixture URLs and queries into shadow roots. */
import { waitFor } from 'storybook/test';

declare global {
  interface Window {
    /** Set by the hostile fixture (stories/fixtures/hostile.json) if any of its markup ever runs. */
    __personaPwned?: unknown;
  }
}

/** A fixture from stories/fixtures/, served by Storybook (`staticDirs`) relative to its base. */
export const fixture = (name: string): string => `${import.meta.env.BASE_URL}fixtures/${name}`;

/** The same, as an absolute URL (persona images must be absolute http(s) URLs). */
export const absoluteFixture = (name: string): string => new URL(fixture(name), document.baseURI).href;

/** The first `tag` element of the story. */
export function host<K extends keyof HTMLElementTagNameMap>(canvas: HTMLElement, tag: K): HTMLElementTagNameMap[K] {
  const element = canvas.querySelector(tag);
  if (!element) throw new Error(`No <${tag}> in the story`);
  return element;
}

/** `selector` inside the shadow root of `element` (or null). */
export function inShadow<E extends Element = HTMLElement>(element: Element, selector: string): E | null {
  return element.shadowRoot?.querySelector<E>(selector) ?? null;
}

/** Every match of `selector` inside the shadow root of `element`. */
export function allInShadow<E extends Element = HTMLElement>(element: Element, selector: string): E[] {
  return [...(element.shadowRoot?.querySelectorAll<E>(selector) ?? [])];
}

/** Waits until `selector` exists in the shadow root of `element` and returns it. */
export async function findInShadow<E extends Element = HTMLElement>(
  element: Element,
  selector: string,
  timeout = 5000,
): Promise<E> {
  return waitFor(
    () => {
      const found = inShadow<E>(element, selector);
      if (!found) throw new Error(`Nothing matches ${selector} in <${element.localName}> yet`);
      return found;
    },
    { timeout },
  );
}

/** The text of `element`'s shadow root, whitespace collapsed. */
export function shadowText(element: Element): string {
  return (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The element that has focus, looking inside shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Sets a form control's value the way typing does (an `input` event that crosses the shadow boundary). */
export function typeInto(control: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  control.focus();
  control.value = value;
  control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: value, inputType: 'insertText' }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}
