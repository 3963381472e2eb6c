/**
 * `<persona-grid>`'s profile view: a modal side sheet (a native `<dialog>`
 * opened with `showModal()`: focus moves in and stays in, Escape closes, the
 * page behind is inert) with the persona's full card.
 */
import { html } from 'lit';
import type { Persona } from '../../data/types.js';
import type { GridActions, GridRender } from './grid-types.js';

export function renderProfile(r: GridRender, actions: GridActions, persona: Persona) {
  const card = r.card;
  return html`<dialog
    part="profile"
    class="profile"
    aria-labelledby="profile-title"
    @close=${actions.profileClosed}
    @pointerdown=${actions.profilePress}
    @click=${actions.profileClick}
  >
    <div class="profile-header">
      <p id="profile-title" part="profile-title" class="profile-title">${persona.name}</p>
      <button part="button profile-close" class="profile-close" autofocus @click=${actions.closeProfile}>
        <span aria-hidden="true">×</span> ${r.strings.grid.closeProfile}
      </button>
    </div>
    <div class="profile-body">
      <persona-card
        part="profile-card"
        variant="full"
        .persona=${persona}
        .strings=${card.strings}
        .theme=${card.theme}
        .headingLevel=${card.headingLevel}
        .contributeAction=${card.contributeAction}
      ></persona-card>
    </div>
  </dialog>`;
}
