/** `<persona-grid>`'s loading, error, empty and paging-stopped templates. */
import { html, nothing } from 'lit';
import type { PersonaError } from '../../data/errors.js';
import { describePersonaError } from '../../i18n/errors.js';
import type { AppFacet } from './grid-view.js';
import type { GridActions, GridRender, Ready } from './grid-types.js';

/** Placeholder cards while personas load. */
export function renderSkeletons(r: GridRender) {
  // With the toolbar, its count line says "Loading personas…".
  return html`${r.noControls ? html`<p role="status" class="visually-hidden">${r.strings.grid.loading}</p>` : nothing}
    <div class="grid" aria-hidden="true">
      ${Array.from(
        { length: Math.min(r.pageSize, 6) },
        () => html`<div part="skeleton" class="skeleton">
          <div class="bone short"></div>
          <div class="bone heading"></div>
          <div class="bone"></div>
          <div class="bone"></div>
        </div>`,
      )}
    </div>`;
}

/** No endpoint, invalid given personas, or a failed load (with Retry). */
export function renderProblem(r: GridRender, actions: GridActions, error: PersonaError) {
  const { common, grid: s } = r.strings;
  const config = error.kind === 'config';
  return html`<div part="problem" class="box" role="alert">
    <p class="title">${config ? common.noEndpoint : r.given ? s.invalid : s.loadFailed}</p>
    <p class="muted">
      ${config ? s.configHelp : r.given ? error.message : describePersonaError(error, common, r.num)}
    </p>
    ${config || r.given
      ? nothing
      : html`<button part="button retry-button" @click=${actions.retry}>${common.retry}</button>`}
  </div>`;
}

/** "Showing the first N personas; the endpoint's paging stopped", when it did. */
export function renderPagingStopped(r: GridRender, feed: Ready) {
  if (!feed.stopped) return nothing;
  return html`<p part="paging-stopped" class="muted" role="status">
    ${r.strings.common.pagingStopped(feed.personas.length, r.num)}
  </p>`;
}

/** No personas at all, or none that match (with "Clear filters"). */
export function renderEmpty(r: GridRender, actions: GridActions, feed: Ready, facets: AppFacet[]) {
  const s = r.strings.grid;
  const view = r.view;
  if (!feed.personas.length && !feed.next && !r.filtered) {
    return html`<div part="empty" class="box"><p class="title">${s.empty}</p>${renderPagingStopped(r, feed)}</div>`;
  }
  const labels = new Map(facets.map((facet) => [facet.id, facet.label]));
  const apps = view.apps.map((id) => labels.get(id) ?? id);
  const list = new Intl.ListFormat(r.locale, { type: 'disjunction' }).format(apps);
  return html`<div part="empty" class="box">
    <p class="title">${s.noMatch(view.query, list)}</p>
    ${renderPagingStopped(r, feed)}
    ${r.noControls
      ? nothing
      : html`<p class="muted">${s.noMatchHelp}</p>
          <button part="button clear-button" @click=${actions.clear}>${s.clearFilters}</button>`}
  </div>`;
}
