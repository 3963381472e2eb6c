import { html, nothing, type TemplateResult } from 'lit';

/**
 * A heading at `level` (clamped to 1–6).
 * `data`: the text is the persona's, so its direction is its own (`dir="auto"`).
 * `id`: makes it a target of the contents list (focusable by script, not by Tab).
 */
export function heading(level: number, text: string | TemplateResult, part: string, className: string, data = false, id?: string) {
  const clamped = Math.min(6, Math.max(1, Math.round(level) || 3));
  return html`<div
    role="heading"
    aria-level=${clamped}
    part=${part}
    class=${className}
    dir=${data ? 'auto' : nothing}
    id=${id ?? nothing}
    tabindex=${id ? -1 : nothing}
  >${text}</div>`;
}
