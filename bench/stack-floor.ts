/**
 * <floor-card src persona-id>: the floor of this library's stack for one card, what any card built
 * on Lit and the persona contract's zod validation pays. The naive card (bench/pages/naive.js)
 * with Lit rendering it and the shown persona validated by the contract's own parser, in one file
 * loaded by one script tag: no autoloader, no shared client, no theme, no localisation, no
 * clamping, no menu. Served by the bench server as /bench/stack-floor.js.
 *
 * Built a second time with `VALIDATE` false (/bench/lit-floor.js): the same card with the persona
 * taken as it arrives, so zod and the parser are left out and the bench can tell Lit's share of
 * the floor from the contract's.
 */
import { LitElement, css, html } from 'lit';
import { parsePersona } from '../src/data/parse.js';
import type { Persona } from '../src/data/types.js';

/** Replaced by the bench server's build (esbuild `define`). */
declare const VALIDATE: boolean;

class FloorCard extends LitElement {
  static override properties = { persona: { state: true } };
  // The naive card's CSS, unchanged.
  static override styles = css`
    :host{display:block}.card{font:15px/1.5 system-ui;border:1px solid #d1d9e0;border-radius:12px;padding:16px;margin:0}
    .app{color:#59636e;margin:0}h3{margin:4px 0}.identity{margin:8px 0}
    blockquote{margin:8px 0;padding:8px 12px;border-left:3px solid #0969da;background:#f6f8fa}.meta{color:#59636e;margin:0}`;
  declare persona: Persona | undefined;

  override async connectedCallback() {
    super.connectedCallback();
    const data: unknown = await (await fetch(this.getAttribute('src')!)).json();
    const records: unknown[] = Array.isArray(data) ? data : (data as { personas: unknown[] }).personas;
    const pid = this.getAttribute('persona-id');
    const raw = records.find((record) => (record as { pid?: unknown }).pid === pid);
    const parsed = VALIDATE ? parsePersona(raw) : raw ? (raw as Persona) : { skipped: 'not found' };
    // A persona missing or invalid is a failed run (the bench reports persona-error), never a timed empty card.
    if ('skipped' in parsed) {
      const error = new Error(`stack floor: ${pid}: ${parsed.skipped}`);
      this.dispatchEvent(new CustomEvent('persona-error', { bubbles: true, composed: true, detail: { error } }));
      return;
    }
    this.persona = parsed;
    await this.updateComplete;
    this.dispatchEvent(new CustomEvent('persona-load', { bubbles: true, composed: true, detail: { persona: parsed } }));
  }

  override render() {
    const p = this.persona;
    if (!p) return html``;
    return html`<article class="card">
      <p class="app">${p.app} · ${p.pid}</p>
      <h3>${p.name}</h3>
      <p class="identity">${p.identity}</p>
      ${p.aha_moment ? html`<blockquote>${p.aha_moment}</blockquote>` : ''}
      <p class="meta">${p.comment_count ?? 0} comments</p>
    </article>`;
  }
}

customElements.define('floor-card', FloorCard);
