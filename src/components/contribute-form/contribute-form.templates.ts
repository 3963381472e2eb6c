/**
 * What `<contribute-form>` renders, as small functions of a {@link FormView}: the
 * element gathers its state into one and these turn it into templates.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import {
  CONTRIBUTION_KINDS,
  MAX_CONTRIBUTION_LENGTH,
  PERSONA_FIELDS,
  type Contribution,
  type ContributionErrors,
  type PersonaField,
} from '../../data/contribution.js';
import { fieldToText } from '../../data/export.js';
import { appLabel } from '../../data/parse.js';
import { PERSONA_FIELD_MODEL } from '../../data/schema.js';
import type { Persona } from '../../data/types.js';
import type { DataState } from '../../controllers/persona-data.js';
import type { FormatNumber, PersonaStrings } from '../../i18n/strings.js';
import type { DraftValues } from './contribute-draft.js';
import type { DraftState } from './draft-controller.js';
import { SHORTCUT, formatSavedAt } from './format.js';
import { INPUT_ORDER, type InputName } from './inputs.js';

/** The fields people describe (the card's summary and sections, in reading order); the rest are listed as details. */
const STORY_FIELDS = PERSONA_FIELDS.filter((field) => PERSONA_FIELD_MODEL[field].group !== 'detail');
const DETAIL_FIELDS = PERSONA_FIELDS.filter((field) => PERSONA_FIELD_MODEL[field].group === 'detail');

/** Everything the templates show, and the element's handlers (stable functions). */
export interface FormView {
  strings: PersonaStrings;
  num: FormatNumber;
  locale: string | undefined;
  values: DraftValues;
  /** Messages by input name (only inputs on screen). */
  errors: ContributionErrors;
  /** Messages not tied to an input on screen. */
  general: readonly string[];
  summaryTitle: string;
  summaryRound: number;
  phase: 'editing' | 'sending' | 'failed' | 'sent';
  failure?: { kind: string; message: string };
  failureRound: number;
  sent?: { contribution: Contribution; persona?: Persona };
  notice?: { kind: 'restored'; savedAt: string } | { kind: 'discarded' };
  draftState: DraftState;
  counterMessage: string;
  data: DataState;
  personas: readonly Persona[];
  persona: (pid: string) => Persona | undefined;
  on: FormHandlers;
  /** The persona is given and cannot be changed (`fixed-persona`). */
  fixed: boolean;
}

export interface FormHandlers {
  submit: (event: SubmitEvent) => void;
  keydown: (event: KeyboardEvent) => void;
  edit: (event: Event) => void;
  discard: () => void;
  retry: () => void;
  another: () => void;
  focus: (name: InputName) => void;
}

/** The whole element: notice, then the form or the thank-you, and the live announcement. */
export function formTemplate(v: FormView) {
  const s = v.strings.form;
  const announcement = v.phase === 'sending' ? s.announceSending : v.phase === 'sent' ? s.announceSent : '';
  // The form's words are in the strings' language (English unless the host says otherwise).
  return html`<div part="base" class="base" lang=${v.strings.lang || nothing}>
    ${notice(v)} ${v.phase === 'sent' && v.sent ? success(v, v.sent) : form(v)}
    <p class="visually-hidden" role="status">${announcement}</p>
  </div>`;
}

function notice(v: FormView) {
  const s = v.strings.form;
  const n = v.notice;
  const content =
    n?.kind === 'restored'
      ? html`<span>${s.draftRestored(formatSavedAt(n.savedAt, s, v.locale))}</span>
          <button type="button" part="button discard-button" @click=${v.on.discard}>${s.discardDraft}</button>`
      : n?.kind === 'discarded'
        ? html`<span>${s.draftDiscarded}</span>`
        : nothing;
  return html`<div part="notice" class="notice" role="status">${content}</div>`;
}

function describedBy(v: FormView, name: string, hint: boolean): string {
  return [hint ? `hint-${name}` : '', v.errors[name] ? `error-${name}` : ''].filter(Boolean).join(' ') || '';
}

const invalid = (v: FormView, name: InputName) => (v.errors[name] ? 'true' : 'false');

function error(v: FormView, name: InputName) {
  const message = v.errors[name];
  return html`<p part="error" class="error" id=${`error-${name}`} ?hidden=${!message}>${message ?? ''}</p>`;
}

function form(v: FormView) {
  const s = v.strings.form;
  const busy = v.phase === 'sending';
  return html`<form
    part="form"
    novalidate
    aria-label=${s.label}
    aria-busy=${busy ? 'true' : 'false'}
    @submit=${v.on.submit}
    @keydown=${v.on.keydown}
    @input=${v.on.edit}
    @change=${v.on.edit}
  >
    ${summary(v)} ${kinds(v)}
    ${v.values.kind === 'new' ? nothing : html`<div class="pair">${personaPicker(v)} ${fieldSelect(v)}</div>`}
    ${text(v)} ${about(v)} ${honeypot(v)}
    <div class="actions">
      <button type="submit" part="button submit-button" class="primary" ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'}>
        ${busy ? s.sending : s.send}
      </button>
      <span class="shortcut">${s.shortcut(SHORTCUT)}</span>
      ${v.draftState === 'saved'
        ? html`<span part="draft-state" class="draft-state">${s.draftSaved}</span>`
        : v.draftState === 'unavailable'
          ? html`<span part="draft-state" class="draft-state">${s.draftUnavailable}</span>`
          : nothing}
    </div>
    ${failure(v)}
  </form>`;
}

function summary(v: FormView) {
  const names = INPUT_ORDER.filter((name) => v.errors[name]);
  if (!names.length && !v.general.length) return nothing;
  return keyed(
    v.summaryRound,
    html`<div part="summary" class="summary" id="summary" role="alert" tabindex="-1">
      <p class="summary-title">${v.summaryTitle}</p>
      <ul>
        ${names.map(
          (name) =>
            html`<li>
              <button type="button" class="link" @click=${() => v.on.focus(name)}>
                ${v.strings.form.inputs[name]}: ${v.errors[name]}
              </button>
            </li>`,
        )}
        ${v.general.map((message) => html`<li>${message}</li>`)}
      </ul>
    </div>`,
  );
}

function kinds(v: FormView) {
  const s = v.strings.form;
  return html`<fieldset
    part="field"
    class="field"
    role="radiogroup"
    aria-invalid=${invalid(v, 'kind')}
    aria-describedby=${describedBy(v, 'kind', false) || nothing}
  >
    <legend part="label">${s.kindLegend}</legend>
    <div class="kinds">
      ${CONTRIBUTION_KINDS.filter((kind) => !v.fixed || kind !== 'new').map(
        (kind) => html`<label class="kind">
          <input part="input" type="radio" name="kind" .value=${kind} .checked=${live(v.values.kind === kind)} />
          <span>
            <span class="kind-title">${s.kinds[kind].title}</span>
            <span class="kind-desc">${s.kinds[kind].description}</span>
          </span>
        </label>`,
      )}
    </div>
    ${error(v, 'kind')}
  </fieldset>`;
}

/** What sets one text input apart from the others. */
interface TextInput {
  name: 'pid' | 'role' | 'experience' | 'email';
  label: string;
  /** Help text between label and input (the `hint-<name>` the input is described by). */
  hint?: string;
  /** Marked "optional" in its label. */
  optional?: boolean;
  type?: string;
  autocomplete?: string;
  required?: boolean;
  list?: string;
  spellcheck?: 'false';
  /** After the input, before its error (the persona list and its hint). */
  after?: unknown;
}

/** One labelled text input with its hint and error: every `<input type=text|email>` of the form. */
function textInput(v: FormView, field: TextInput) {
  const { name } = field;
  return html`<div part="field" class="field">
    <label part="label" class="label" for=${`input-${name}`}>
      ${field.label} ${field.optional ? html`<span class="optional">${v.strings.form.optional}</span>` : nothing}
    </label>
    ${field.hint === undefined ? nothing : html`<span part="hint" class="hint" id=${`hint-${name}`}>${field.hint}</span>`}
    <input
      part="input"
      class="control"
      id=${`input-${name}`}
      name=${name}
      type=${field.type ?? 'text'}
      list=${field.list ?? nothing}
      autocomplete=${field.autocomplete ?? 'off'}
      spellcheck=${field.spellcheck ?? nothing}
      aria-required=${field.required ? 'true' : nothing}
      aria-invalid=${invalid(v, name)}
      aria-describedby=${describedBy(v, name, true)}
      .value=${live(v.values[name])}
    />
    ${field.after ?? nothing} ${error(v, name)}
  </div>`;
}

/** The given persona, as text: nothing to type or choose. */
function fixedPersona(v: FormView) {
  const pid = v.values.pid.trim();
  const persona = v.persona(pid);
  const app = persona && appLabel(persona);
  return html`<div part="field" class="field">
    <p part="label" class="label">${v.strings.form.inputs.pid}</p>
    <p part="fixed-persona" class="fixed-persona" dir="auto">${persona ? `${persona.name}${app ? ` · ${app}` : ''} · ` : ''}${pid}</p>
  </div>`;
}

function personaPicker(v: FormView) {
  if (v.fixed) return fixedPersona(v);
  const s = v.strings.form;
  const state = v.data;
  const personas = v.personas;
  const pid = v.values.pid.trim();
  const picked = pid ? v.persona(pid) : undefined;
  let hint: string;
  if (picked) {
    const app = appLabel(picked);
    hint = `${picked.name}${app ? ` · ${app}` : ''}`;
  } else if (state.status === 'loading' || state.status === 'idle' || (state.status === 'ready' && state.collection.validating)) {
    hint = s.loadingList;
  } else if (state.status === 'error') {
    hint = s.listFailed;
  } else if (state.status === 'unconfigured') {
    hint = s.typeId;
  } else {
    hint = s.typeOrChoose;
  }
  const list = personas.length
    ? html`<datalist id="personas">
        ${personas.map((persona) => {
          const app = appLabel(persona);
          return html`<option value=${persona.pid} label=${`${persona.name}${app ? ` · ${app}` : ''}`}></option>`;
        })}
      </datalist>`
    : nothing;
  return textInput(v, {
    name: 'pid',
    label: s.inputs.pid,
    required: true,
    spellcheck: 'false',
    ...(personas.length ? { list: 'personas' } : {}),
    after: html`${list}
      <p part="hint" class="picked" id="hint-pid">${hint}</p>`,
  });
}

function fieldSelect(v: FormView) {
  const { fields, form: s } = v.strings;
  const option = (field: PersonaField) =>
    html`<option value=${field} ?selected=${v.values.field === field}>${fields[field]}</option>`;
  return html`<div part="field" class="field">
    <label part="label" class="label" for="input-field">${s.inputs.field}</label>
    <select
      part="input"
      class="control"
      id="input-field"
      name="field"
      aria-required="true"
      aria-invalid=${invalid(v, 'field')}
      aria-describedby=${describedBy(v, 'field', false) || nothing}
      .value=${live(v.values.field)}
    >
      <option value="" ?selected=${v.values.field === ''}>${s.chooseField}</option>
      <optgroup label=${s.storyFields}>${STORY_FIELDS.map(option)}</optgroup>
      <optgroup label=${s.detailFields}>${DETAIL_FIELDS.map(option)}</optgroup>
    </select>
    ${error(v, 'field')}
  </div>`;
}

function current(v: FormView): TemplateResult | typeof nothing {
  const { kind, field, pid } = v.values;
  if (kind === 'new' || !field) return nothing;
  const persona = v.persona(pid);
  if (!persona) return nothing;
  const { fields, form: s } = v.strings;
  const value = fieldToText(persona, field, v.strings);
  return html`<figure part="current" class="current">
    <figcaption class="label" id="current-label">
      ${s.now} ${fields[field]} <span class="optional">${s.ofPersona(persona.name)}</span>
    </figcaption>
    <div class="current-value ${value ? '' : 'empty'}" role="region" aria-labelledby="current-label" tabindex="0" dir="auto"
      >${value ?? s.notFilled}</div
    >
  </figure>`;
}

function text(v: FormView) {
  const s = v.strings.form;
  const kind = v.values.kind;
  const copy = s.text[kind];
  const required = kind !== 'confirm';
  const length = v.values.text.length;
  const now = current(v);
  return html`<div class="compose ${now === nothing ? '' : 'with-current'}">
    ${now}
    <div part="field" class="field">
      <label part="label" class="label" for="input-text">
        ${copy.label} ${required ? nothing : html`<span class="optional">${s.optional}</span>`}
      </label>
      <span part="hint" class="hint" id="hint-text">${copy.hint} ${s.maxLength(MAX_CONTRIBUTION_LENGTH, v.num)}</span>
      <textarea
        part="input"
        class="control"
        id="input-text"
        name="text"
        rows="6"
        dir="auto"
        aria-required=${required ? 'true' : 'false'}
        aria-invalid=${invalid(v, 'text')}
        aria-describedby=${describedBy(v, 'text', true)}
        .value=${live(v.values.text)}
      ></textarea>
      <div class="counter-row">
        ${error(v, 'text')}
        <span part="counter" class="counter ${length > MAX_CONTRIBUTION_LENGTH ? 'over' : ''}" aria-hidden="true"
          >${s.counter(length, MAX_CONTRIBUTION_LENGTH, v.num)}</span
        >
      </div>
      <span class="visually-hidden" role="status">${v.counterMessage}</span>
    </div>
  </div>`;
}

function about(v: FormView) {
  const s = v.strings.form;
  return html`<fieldset class="about">
    <legend part="label">${s.about}</legend>
    ${textInput(v, { name: 'role', label: s.inputs.role, hint: s.roleHint, optional: true, autocomplete: 'organization-title' })}
    ${textInput(v, { name: 'experience', label: s.inputs.experience, hint: s.experienceHint, optional: true })}
    ${textInput(v, { name: 'email', label: s.inputs.email, hint: s.emailHint, optional: true, type: 'email', autocomplete: 'email' })}
  </fieldset>`;
}

function honeypot(v: FormView) {
  return html`<div class="hp" aria-hidden="true">
    <label for="input-website">${v.strings.form.honeypot}</label>
    <input id="input-website" name="website" type="text" tabindex="-1" autocomplete="off" value="" />
  </div>`;
}

function failure(v: FormView) {
  const error = v.failure;
  if (v.phase !== 'failed' || !error) return nothing;
  const { common, form: s } = v.strings;
  const config = error.kind === 'config';
  const kept = v.draftState === 'unavailable' || v.draftState === 'off' ? s.keptOpen : s.keptDraft;
  return keyed(
    v.failureRound,
    html`<div part="status failure" class="failure" id="failure" role="alert" tabindex="-1">
      <p class="failure-title">${config ? s.notConfigured : s.notSent}</p>
      <p>${error.message}</p>
      ${config ? html`<p>${s.notConfiguredHelp}</p>` : nothing}
      <p>${kept}</p>
      ${config
        ? nothing
        : html`<div class="actions">
            <button type="button" part="button retry-button" @click=${v.on.retry}>${common.retry}</button>
          </div>`}
    </div>`,
  );
}

function success(v: FormView, sent: NonNullable<FormView['sent']>) {
  const { fields, form: s } = v.strings;
  const c = sent.contribution;
  const rows: [string, string][] = [[s.sent.what, `${s.kinds[c.kind].title}: ${s.kinds[c.kind].description}`]];
  if (c.kind !== 'new') {
    rows.push([s.sent.persona, sent.persona ? `${sent.persona.name} (${c.pid})` : c.pid]);
    rows.push([s.sent.part, fields[c.field]]);
  }
  if (c.text) rows.push([s.sent.text, c.text]);
  if (c.contributor.role) rows.push([s.sent.role, c.contributor.role]);
  if (c.contributor.experience) rows.push([s.sent.experience, c.contributor.experience]);
  if (c.contributor.email) rows.push([s.sent.email, c.contributor.email]);
  return html`<div part="status success" class="success" id="success" role="region" aria-labelledby="success-title" tabindex="-1">
    <p class="success-title" id="success-title">${s.thanks}</p>
    <p>${s.whatSent}</p>
    <dl class="sent">
      ${rows.map(([label, value]) => html`<dt>${label}</dt><dd dir="auto">${value}</dd>`)}
    </dl>
    <button type="button" part="button another-button" @click=${v.on.another}>${s.sendAnother}</button>
  </div>`;
}
