import { html, nothing, type TemplateResult } from 'lit';
import type { PersonaField } from '../../data/contribution.js';
import { PERSONA_FIELD_MODEL, PROFILE_ROWS, SECTION_KEYS, type ListKey, type SectionKey, type TextKey } from '../../data/schema.js';
import type { Persona, PersonaListItem } from '../../data/types.js';
import type { PersonaStrings } from '../../i18n/strings.js';

/** What the suggest-an-edit dialog is opened for: correcting a field, or adding a missing one. */
export type EditKind = 'correct' | 'extend';

/** What the section templates need from the card. */
export interface SectionsContext {
  strings: PersonaStrings;
  /** Heading level of the section headings. */
  level: number;
  /** Whether "Suggest an edit" buttons and the invitations are shown. */
  contributing: boolean;
  /** A narrative text, clamped with "More" when long (`key` names it, e.g. the field). */
  clampable: (key: string, text: string, className: string, part: string) => TemplateResult;
  /** Opens the suggest-an-edit dialog for `field`. */
  edit: (event: Event, field: PersonaField, kind: EditKind) => void;
}

/**
 * A heading at `level` (clamped to 1–6).
 * `data`: the text is the persona's, so its direction is its own (`dir="auto"`).
 */
export function heading(level: number, text: string | TemplateResult, part: string, className: string, data = false) {
  const clamped = Math.min(6, Math.max(1, Math.round(level) || 3));
  return html`<div role="heading" aria-level=${clamped} part=${part} class=${className} dir=${data ? 'auto' : nothing}>${text}</div>`;
}

/**
 * The `full` variant's sections, one per field of the model (schema.ts) the persona has,
 * then, when contributing, "Help complete this persona" for the fields it lacks.
 */
export function renderSections(persona: Persona, ctx: SectionsContext) {
  const { strings, level, contributing, edit } = ctx;
  const { fields, card } = strings;
  const missing: PersonaField[] = [];
  const section = (key: PersonaField, body: TemplateResult | typeof nothing) => {
    if (body === nothing) {
      missing.push(key);
      return nothing;
    }
    // Not a landmark (no accessible name): the heading labels it, and many cards repeat these names.
    return html`<section part="section" data-field=${key}>
      <div class="section-header">
        ${heading(level, fields[key], 'section-heading', 'section-heading')}
        ${contributing
          ? html`<button
              part="button suggest-button"
              class="link"
              aria-label=${card.suggestEditTo(fields[key])}
              @click=${(event: Event) => edit(event, key, 'correct')}
            >
              ${card.suggestEdit}
            </button>`
          : nothing}
      </div>
      ${body}
    </section>`;
  };
  const invitations = () =>
    contributing && missing.length
      ? html`<section part="section invitations" data-field="invitations">
          ${heading(level, card.invite, 'section-heading', 'section-heading')}
          <p class="muted">${card.inviteIntro}</p>
          <ul class="invitations">
            ${missing.map(
              (key) =>
                html`<li>
                  <button
                    part="button invitation-button"
                    class="link"
                    aria-label=${card.inviteField(fields[key])}
                    @click=${(event: Event) => edit(event, key, 'extend')}
                  >
                    ${fields[key]}
                  </button>
                </li>`,
            )}
          </ul>
        </section>`
      : nothing;
  const body = (key: SectionKey) => renderSectionBody(persona, key, ctx);
  return html`${SECTION_KEYS.map((key) => section(key, body(key)))} ${invitations()}`;
}

/** A section's content, by the field's kind (schema.ts); `nothing` when the persona lacks the field. */
export function renderSectionBody(
  persona: Persona,
  key: SectionKey,
  ctx: Pick<SectionsContext, 'strings' | 'clampable'>,
): TemplateResult | typeof nothing {
  const labels = ctx.strings.profile;
  switch (PERSONA_FIELD_MODEL[key].kind) {
    case 'text': {
      const value = persona[key as TextKey];
      return value ? ctx.clampable(key, value, '', 'text') : nothing;
    }
    case 'list': {
      const list = persona[key as ListKey];
      return list ? html`<ul>${list.map((item) => renderItem(item, ctx.strings))}</ul>` : nothing;
    }
    case 'profile': {
      const profile = persona.profile;
      return profile
        ? html`<dl>
            ${PROFILE_ROWS.filter((row) => profile[row]).map(
              (row) => html`<dt>${labels[row]}</dt><dd dir="auto">${profile[row]}</dd>`,
            )}
          </dl>`
        : nothing;
    }
    case 'workflow':
      return persona.workflow
        ? html`<ol>
            ${persona.workflow.map(
              (step) =>
                html`<li>
                  <strong dir="auto">${step.when}</strong>
                  ${step.activities.length
                    ? html`<ul>
                        ${step.activities.map((activity) => html`<li dir="auto">${activity}</li>`)}
                      </ul>`
                    : nothing}
                </li>`,
            )}
          </ol>`
        : nothing;
    case 'tools':
      return persona.tools
        ? html`<ul>
            ${persona.tools.map((tool) => {
              const facts = [tool.frequency, tool.duration].filter(Boolean);
              return html`<li>
                <strong dir="auto">${tool.name}</strong>
                ${facts.length ? html`<span> (${facts.join(', ')})</span>` : nothing}
                ${tool.use_cases.length || tool.features.length
                  ? html`<ul>
                      ${[...tool.use_cases, ...tool.features].map((entry) => html`<li dir="auto">${entry}</li>`)}
                    </ul>`
                  : nothing}
              </li>`;
            })}
          </ul>`
        : nothing;
    case 'metrics':
      return persona.metrics
        ? html`<ul>
            ${persona.metrics.map(
              (metric) =>
                html`<li dir="auto">${metric.name}${metric.target ? html`: <strong>${metric.target}</strong>` : nothing}</li>`,
            )}
          </ul>`
        : nothing;
    default:
      return nothing;
  }
}

/** One entry of a list field: title, detail, and the quotation that backs it. */
export function renderItem(item: PersonaListItem, strings: PersonaStrings) {
  return html`<li dir="auto">
    <strong>${item.title}</strong>${item.detail ? html`: ${item.detail}` : nothing}
    ${item.quote ? html`<blockquote class="item-quote">${strings.card.quote(item.quote)}</blockquote>` : nothing}
  </li>`;
}
