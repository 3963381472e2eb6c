import { VERSION } from '../version.js';

/**
 * Registers a tag unless it is already taken. Wikis and tag managers load
 * scripts twice; that must never throw. A different build holding the tag is
 * worth a warning, since its behaviour wins.
 */
export function defineElement(tag: string, element: CustomElementConstructor & { version?: string }): void {
  const existing = customElements.get(tag) as (CustomElementConstructor & { version?: string }) | undefined;
  if (!existing) {
    customElements.define(tag, element);
  } else if (existing !== element && existing.version !== VERSION) {
    console.warn(
      `persona-widgets: <${tag}> is already defined by another build (version ${existing.version ?? 'unknown'}); keeping it.`,
    );
  }
}
