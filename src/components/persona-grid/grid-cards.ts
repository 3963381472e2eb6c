/** `<persona-grid>`'s list of cards and its footer ("Show more", paging errors). */
import { html, nothing } from 'lit';
import { describePersonaError } from '../../i18n/errors.js';
import { renderEmpty, renderPagingStopped, renderSkeletons } from './grid-status.js';
import type { GridActions, GridRender, Ready, Results } from './grid-types.js';

/** Elements of a card that act on their own; a click on them does not select the card. */
const INTERACTIVE = new Set(['A', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'SUMMARY', 'LABEL']);

/** Whether a click on a card's cell landed on one of the card's own controls. */
export function onCardControl(event: MouseEvent): boolean {
  for (const node of event.composedPath()) {
    if (node === event.currentTarget) break;
    if (INTERACTIVE.has((node as Element).tagName)) return true;
  }
  return false;
}

export function renderCards(r: GridRender, actions: GridActions, feed: Ready, results: Results) {
  const { common, grid: s } = r.strings;
  const num = r.num;
  const { personas } = results;
  if (!personas.length) {
    // Not "no match" before every persona has been looked at.
    return feed.loadingMore || results.partial || (feed.next && !r.serverMode && !feed.moreError)
      ? renderSkeletons(r)
      : renderEmpty(r, actions, feed, results.facets());
  }
  const visible = personas.slice(0, r.shown);
  const active = r.tabbable(visible.length);
  const more = personas.length > r.shown || Boolean(feed.next && (r.serverMode || !r.filtered));
  const card = r.card;
  return html`<p id="hint" class="visually-hidden">${s.keyHint}</p>
    <ul
      part="grid"
      class="grid ${feed.stale ? 'stale' : ''}"
      role="list"
      aria-label=${s.label}
      @persona-load=${actions.stop}
      @persona-error=${actions.stop}
    >
      ${visible.map((persona, i) => {
        const cardElement = html`<persona-card
          part="card"
          .persona=${persona}
          .strings=${card.strings}
          .variant=${card.variant}
          .theme=${card.theme}
          .headingLevel=${card.headingLevel}
          .contributeAction=${card.contributeAction}
          .tabbable=${false}
        ></persona-card>`;
        const href = r.hrefFor(persona);
        // With href-template the card is a real link (middle-click, new tab); else it opens the profile.
        return href
          ? html`<li class="cell">
              <a
                part="item"
                class="item"
                href=${href}
                tabindex=${i === active ? 0 : -1}
                aria-label=${persona.name}
                aria-describedby="hint"
                @click=${(event: MouseEvent) => actions.linkClick(event, persona, i)}
                @keydown=${(event: KeyboardEvent) => actions.itemKey(event, persona, i)}
                @focus=${() => actions.itemFocus(i)}
                >${cardElement}</a
              >
            </li>`
          : html`<li
              part="item"
              class="item"
              tabindex=${i === active ? 0 : -1}
              aria-label=${persona.name}
              aria-describedby="hint"
              @click=${(event: MouseEvent) => actions.itemClick(event, persona, i)}
              @keydown=${(event: KeyboardEvent) => actions.itemKey(event, persona, i)}
              @focus=${() => actions.itemFocus(i)}
            >
              ${cardElement}
            </li>`;
      })}
    </ul>
    <div part="footer" class="footer">
      ${renderPagingStopped(r, feed)}
      ${feed.moreError
        ? html`<p role="alert" class="muted">
            ${s.moreFailed} ${describePersonaError(feed.moreError, common, num)}
            <button part="button retry-button" @click=${actions.retry}>${common.retry}</button>
          </p>`
        : nothing}
      ${more || visible.length < results.count
        ? html`<p class="muted">${s.showing(visible.length, results.count, num)}</p>`
        : nothing}
      ${more
        ? html`<button part="button more-button" ?disabled=${Boolean(feed.loadingMore)} @click=${actions.showMore}>
            ${feed.loadingMore ? s.loadingMoreButton : s.showMore}
          </button>`
        : nothing}
    </div>`;
}
