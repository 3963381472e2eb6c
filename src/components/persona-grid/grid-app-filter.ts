/** `<persona-grid>`'s app filter: a fieldset of checkboxes, one per app, opened from the toolbar. */
import { html, nothing } from 'lit';
import type { AppFacet } from './grid-view.js';
import type { GridActions, GridRender, Results } from './grid-types.js';

export function renderAppFilter(r: GridRender, actions: GridActions, results: Results | undefined) {
  return html`<fieldset id="apps" part="apps" class="apps" ?hidden=${!r.appsOpen} @keydown=${actions.appsKey}>
    <legend>${r.strings.grid.appsLegend}</legend>
    ${r.appsOpen ? renderApps(r, actions, results?.facets() ?? []) : nothing}
  </fieldset>`;
}

/** The open menu's rows: counted only then (a closed menu's are not seen). */
function renderApps(r: GridRender, actions: GridActions, facets: AppFacet[]) {
  const s = r.strings.grid;
  const view = r.view;
  return html`${facets.length
      ? html`<div class="apps-list">
          ${facets.map(
            (facet) =>
              html`<label>
                <input
                  type="checkbox"
                  .checked=${view.apps.includes(facet.id)}
                  @change=${(event: Event) => actions.toggleApp(facet.id, (event.target as HTMLInputElement).checked)}
                />
                <span dir="auto">${facet.label}</span>
                ${facet.count === undefined ? nothing : html`<span class="n">${r.num(facet.count)}</span>`}
              </label>`,
          )}
        </div>`
      : html`<p class="muted">${view.query ? s.noAppsMatch : s.noApps}</p>`}
    ${view.apps.length
      ? html`<button part="button" class="link" @click=${() => actions.change({ apps: [] })}>${s.allApps}</button>`
      : nothing}`;
}
