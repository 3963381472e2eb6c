import { css, type CSSResultGroup } from 'lit';
import { whenDark } from '../../styles/shared.js';

/**
 * Styles of `<contribute-form>`. Colours come from the card's `themeTokens`
 * (`--persona-*`), so a form and a card on one page theme alike. Two tokens
 * are the form's own: control borders (WCAG 1.4.11 asks 3:1 against the
 * background, which the card's decorative `--persona-border` does not reach)
 * and the success accent.
 */
const darkTokens = css`
  --_control-border: var(--persona-control-border, #656c76);
  --_success: var(--persona-success, #3fb950);
`;

const lightTokens = css`
  :host {
    --_control-border: var(--persona-control-border, #818b98);
    --_success: var(--persona-success, #1a7f37);
  }
`;

/** The layout: one literal without `${…}`, so the build minifies it (build/minify-css-literals.ts). */
const layout = css`
  .base {
    position: relative;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    overflow-wrap: anywhere;
    min-width: 0;
  }
  p {
    margin: 0;
  }
  form {
    display: grid;
    gap: 18px;
    margin: 0;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend,
  .label {
    display: block;
    padding: 0;
    margin: 0 0 4px;
    font-weight: 600;
  }
  .fixed-persona {
    padding-block: 8px;
  }
  .optional {
    font-weight: 400;
    color: var(--_muted);
  }
  .hint {
    display: block;
    margin: -2px 0 6px;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .field {
    display: grid;
    align-content: start;
    min-width: 0;
  }

  /* Kind: four choices as tiles, one column when narrow. */
  .kinds {
    display: grid;
    grid-template-columns: 1fr;
    gap: 8px;
    margin-top: 2px;
  }
  .kind {
    position: relative;
    display: flex;
    gap: 10px;
    align-items: flex-start;
    padding: 8px 12px;
    min-height: 44px;
    border: 1px solid var(--_border);
    border-radius: 8px;
    cursor: pointer;
  }
  .kind:has(input:checked) {
    border-color: var(--_accent);
    background: var(--_subtle);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .kind input {
    flex: none;
    margin: 3px 0 0;
    width: 18px;
    height: 18px;
    accent-color: var(--_accent);
  }
  .kind-title {
    display: block;
    font-weight: 600;
  }
  .kind-desc {
    display: block;
    font-size: 0.8125rem;
    color: var(--_muted);
  }

  /* Text controls */
  .control {
    display: block;
    width: 100%;
    min-width: 0;
    min-height: 40px;
    margin: 0;
    padding: 8px 10px;
    /* 16px keeps mobile browsers from zooming in on focus. */
    font: 400 16px/1.4 var(--_font);
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_control-border);
    border-radius: 6px;
  }
  select.control {
    padding-block: 6px;
  }
  textarea.control {
    min-height: 9em;
    resize: vertical;
  }
  .control[aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: inset 0 0 0 1px var(--_danger);
  }
  .error {
    display: flex;
    gap: 6px;
    margin-top: 4px;
    font-size: 0.875rem;
    font-weight: 600;
    color: var(--_danger);
  }
  .error::before {
    content: '!';
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 1.15em;
    height: 1.15em;
    margin-top: 0.15em;
    border-radius: 50%;
    font-size: 0.8em;
    color: var(--_bg);
    background: var(--_danger);
  }
  .error[hidden] {
    display: none;
  }
  .picked {
    margin-top: 4px;
    font-size: 0.8125rem;
    color: var(--_muted);
  }

  /* The field's current value, read-only, beside the text box. */
  .compose {
    display: grid;
    gap: 18px;
    grid-template-columns: minmax(0, 1fr);
  }
  .current {
    margin: 0;
    min-width: 0;
  }
  .current-value {
    max-height: 14em;
    overflow: auto;
    padding: 8px 12px;
    white-space: pre-line;
    background: var(--_subtle);
    border-inline-start: 3px solid var(--_border);
    border-radius: 6px;
    border-start-start-radius: 0;
    border-end-start-radius: 0;
  }
  .current-value.empty {
    color: var(--_muted);
    font-style: italic;
  }
  .counter-row {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 4px 12px;
  }
  .counter {
    margin-top: 4px;
    margin-inline-start: auto;
    font-size: 0.8125rem;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .counter.over {
    color: var(--_danger);
    font-weight: 600;
  }

  .about {
    display: grid;
    gap: 12px;
    grid-template-columns: minmax(0, 1fr);
  }
  .about > legend {
    margin-bottom: 8px;
  }
  .pair {
    display: grid;
    gap: 18px;
    grid-template-columns: minmax(0, 1fr);
  }

  /* Honeypot: off-screen, out of the tab order, hidden from assistive technology. */
  .hp {
    position: absolute;
    inset-inline-start: -10000px;
    top: 0;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* Buttons */
  button {
    font: inherit;
    font-size: 0.875rem;
    color: var(--_fg);
    background: var(--_subtle);
    border: 1px solid var(--_control-border);
    border-radius: 6px;
    padding: 4px 12px;
    min-height: 32px;
    cursor: pointer;
  }
  button:hover {
    border-color: var(--_fg);
  }
  button.primary {
    min-height: 40px;
    padding: 6px 18px;
    font-size: 0.9375rem;
    font-weight: 600;
    color: var(--_bg);
    background: var(--_accent);
    border-color: var(--_accent);
  }
  button.primary:hover {
    border-color: var(--_fg);
  }
  button:disabled {
    cursor: progress;
    opacity: 0.7;
  }
  button.link {
    min-height: 24px;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    text-align: start;
    font-size: inherit;
  }
  .control:focus-visible {
    outline-offset: 1px;
  }
  .kind:has(input:focus-visible) {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .kind input:focus-visible {
    outline: none;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 16px;
  }
  .shortcut,
  .draft-state {
    font-size: 0.8125rem;
    color: var(--_muted);
  }

  /* Messages */
  .summary,
  .failure,
  .notice,
  .success {
    padding: 10px 14px;
    border: 1px solid var(--_border);
    border-inline-start-width: 4px;
    border-radius: 6px;
    background: var(--_subtle);
  }
  .summary,
  .failure {
    border-color: var(--_danger);
  }
  .summary-title,
  .failure-title,
  .success-title {
    font-weight: 650;
  }
  .summary ul {
    margin: 6px 0 0;
    padding-inline-start: 20px;
  }
  .summary li + li {
    margin-top: 2px;
  }
  .failure p + p,
  .failure .actions {
    margin-top: 6px;
  }
  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 12px;
    margin-bottom: 16px;
    border-color: var(--_accent);
  }
  .notice:empty {
    display: none;
  }
  .sending {
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .sending:empty {
    display: none;
  }
  .success {
    border-color: var(--_success);
  }
  .success-title::before {
    content: '✓ ' / '';
    color: var(--_success);
  }
  .sent {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 2px 16px;
    margin: 10px 0 12px;
  }
  .sent dt {
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .sent dd {
    margin: 0 0 6px;
    white-space: pre-line;
  }

  @container (min-width: 420px) {
    .kinds {
      grid-template-columns: 1fr 1fr;
    }
    .about {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      gap: 0 18px;
    }
    /* Label, hint, input and error share rows across columns, so inputs line up
       even when one label or hint wraps. */
    .about .field {
      grid-row: span 4;
      grid-template-rows: subgrid;
      padding-bottom: 12px;
    }
    .about > legend {
      grid-column: 1 / -1;
    }
    .about .field:last-child {
      grid-column: 1 / -1;
    }
  }
  @container (min-width: 560px) {
    .base {
      padding: calc(var(--_space) * 1.5);
    }
    .pair {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    }
    .sent {
      grid-template-columns: max-content minmax(0, 1fr);
    }
    .sent dd {
      margin-bottom: 2px;
    }
  }
  @container (min-width: 720px) {
    .kinds {
      grid-template-columns: repeat(4, minmax(0, 1fr));
    }
    .compose.with-current {
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
    }
    .about {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
    .about .field:last-child {
      grid-column: auto;
    }
  }
`;

export const formStyles: CSSResultGroup = [lightTokens, whenDark(darkTokens), layout];
