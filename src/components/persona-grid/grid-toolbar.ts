/** `<persona-grid>`'s toolbar: search, app filter, sort, the count line and the export buttons. */
import { html, nothing } from 'lit';
import { renderAppFilter } from './grid-app-filter.js';
import { parseSort } from './grid-view.js';
import type { Feed, GridActions, GridRender, Results } from './grid-types.js';

/** "12 of 83 personas" (or "Loading personas…"; nothing after an error). */
function countLine(r: GridRender, feed: Feed, results?: Results): string {
  const s = r.strings.grid;
  if (!results) return feed.status === 'error' ? '' : s.loading;
  // Counts that will still grow say so.
  const growing = results.partial || (feed.status === 'ready' && feed.next && !r.serverMode && r.filtered);
  const more = growing ? ` ${s.loadingMore}` : '';
  return results.total === undefined
    ? `${s.personas(results.count, r.num)}${more}`
    : results.count === results.total && !r.filtered
      ? `${s.personas(results.total, r.num)}${more}`
      : `${s.countOf(results.count, results.total, r.num)}${more}`;
}

export function renderToolbar(r: GridRender, actions: GridActions, feed: Feed, results?: Results) {
  const s = r.strings.grid;
  const num = r.num;
  const view = r.view;
  const selected = view.apps.length;
  return html`<div part="toolbar" class="toolbar" role="search" aria-label=${s.label}>
      <div class="field search">
        <label for="q">${s.search}</label>
        <input
          id="q"
          part="search"
          type="search"
          .value=${r.query}
          placeholder=${s.searchPlaceholder}
          autocomplete="off"
          spellcheck="false"
          @input=${actions.input}
          @keydown=${actions.searchKey}
        />
      </div>
      <div class="field">
        <span class="label" id="apps-label">${s.apps}</span>
        <button
          part="button apps-button"
          class="select-like"
          aria-expanded=${r.appsOpen ? 'true' : 'false'}
          aria-controls="apps"
          aria-labelledby="apps-label apps-value"
          @click=${actions.toggleApps}
        >
          <span id="apps-value">${selected ? s.appsSelected(selected, num) : s.allApps}</span>
        </button>
      </div>
      <div class="field">
        <label for="sort">${s.sortBy}</label>
        <select
          id="sort"
          part="sort"
          @change=${(event: Event) => actions.change({ sort: parseSort((event.target as HTMLSelectElement).value) })}
        >
          ${r.sorts.map(
            (sort) => html`<option value=${sort} ?selected=${sort === view.sort}>${s.sorts[sort]}</option>`,
          )}
        </select>
      </div>
    </div>
    ${renderAppFilter(r, actions, results)}
    <div class="summary">
      <p part="count" class="count" role="status">${countLine(r, feed, results)}</p>
      ${results?.personas.length
        ? html`<div
            part="export"
            class="export"
            role="group"
            aria-labelledby="export-label"
            @pointerenter=${actions.prepareExport}
            @focusin=${actions.prepareExport}
          >
            <span id="export-label">${s.exportLabel(results.personas.length, num)}</span>
            <span class="buttons">
              ${(['json', 'csv', 'md'] as const).map(
                (format) =>
                  html`<button part="button" @click=${() => actions.export(results.personas, format)}>
                    ${s.formats[format]}
                  </button>`,
              )}
            </span>
          </div>`
        : nothing}
    </div>
    <p class="status" role="status">${r.status}</p>`;
}
