import { css } from 'lit';

/** The grid's own look; colours and sizes come from the card's theme tokens. */
export const gridStyles = css`
  [hidden] {
    display: none;
  }
  .skeleton {
    margin: 0;
  }
  /* Its own background, so the toolbar stays readable when the theme and the page differ. */
  .base {
    background: var(--persona-grid-bg, var(--_bg));
    padding: var(--persona-grid-padding, 12px);
    border-radius: var(--_radius);
  }
  @container (max-width: 20rem) {
    .base {
      padding: var(--persona-grid-padding, 6px);
    }
  }
  p {
    margin: 0;
  }
  .toolbar,
  .summary,
  .export,
  .buttons,
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }
  .toolbar {
    gap: 12px;
    align-items: end;
  }
  .field {
    display: grid;
    gap: 4px;
    flex: 1 1 10rem;
  }
  .search {
    flex: 3 1 16rem;
  }
  label,
  .label,
  legend {
    font-size: 0.8125rem;
    font-weight: 600;
  }
  [type='search'],
  select,
  button {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 6px 10px;
    min-height: 38px;
  }
  input::placeholder {
    color: var(--_muted);
  }
  :hover:is(input, select, button) {
    border-color: var(--_muted);
  }
  button {
    font-size: 0.8125rem;
    background: var(--_subtle);
    padding: 4px 10px;
    min-height: 32px;
    cursor: pointer;
  }
  .select-like {
    position: relative;
    font-size: inherit;
    text-align: start;
    background: var(--_bg);
    padding-inline-end: 32px;
    min-height: 38px;
  }
  .select-like::after {
    content: '';
    position: absolute;
    inset-inline-end: 13px;
    top: calc(50% - 6px);
    width: 7px;
    height: 7px;
    border: solid currentColor;
    border-width: 0 1.5px 1.5px 0;
    rotate: 45deg;
  }
  [aria-expanded='true']::after {
    top: calc(50% - 2px);
    rotate: -135deg;
  }
  .link {
    background: none;
    border: none;
    padding: 0;
    min-height: 24px;
    color: var(--_accent);
    text-decoration: underline;
  }
  .apps {
    margin: 12px 0 0;
    padding: 8px 12px 12px;
    border: 1px solid var(--_border);
    border-radius: 8px;
  }
  .apps-list {
    columns: 11rem;
    column-gap: 16px;
    max-height: 16rem;
    overflow: auto;
  }
  .apps-list label {
    display: flex;
    align-items: center;
    gap: 6px;
    break-inside: avoid;
    font-weight: 400;
    font-size: 0.875rem;
    padding: 2px 0;
  }
  .apps-list input {
    margin: 0;
    accent-color: var(--_accent);
  }
  .n {
    margin-inline-start: auto;
    color: var(--_muted);
  }
  .summary {
    justify-content: space-between;
    margin: 12px 0;
  }
  .count,
  .title {
    font-weight: 650;
  }
  .export,
  .status,
  .muted {
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .buttons {
    gap: 6px;
  }
  .status:empty {
    display: none;
  }
  .grid {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--persona-grid-gap, 16px);
    margin: 12px 0 0;
    padding: 0;
    list-style: none;
  }
  @container (min-width: 36rem) {
    .grid {
      grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--persona-grid-min, 17rem)), 1fr));
    }
  }
  .stale {
    opacity: 0.6;
  }
  /* Each card keeps its own height: a row does not stretch to its tallest card (or to one opened "More"). */
  .grid {
    align-items: start;
  }
  .item {
    display: grid;
    border-radius: var(--_radius);
    cursor: pointer;
    /* Cards out of view are not laid out while a search changes them (a keystroke lays out only
       what is seen); each keeps its last height as its size (no scroll jumps). */
    content-visibility: auto;
    contain-intrinsic-size: auto 320px;
  }
  a.item {
    color: inherit;
    text-decoration: none;
  }
  /* The profile: a side sheet at the inline end; the whole width on phones. */
  .profile {
    box-sizing: border-box;
    width: var(--persona-grid-profile-width, min(720px, 90vw));
    max-width: 100%;
    height: 100%;
    max-height: none;
    margin: 0;
    margin-inline-start: auto;
    padding: 0;
    border: none;
    border-inline-start: 1px solid var(--_border);
    background: var(--_bg);
    color: var(--_fg);
    box-shadow: 0 0 32px rgb(0 0 0 / 0.25);
  }
  .profile[open] {
    display: flex;
    flex-direction: column;
  }
  .profile::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  @media (max-width: 600px) {
    .profile {
      width: 100%;
      border: none;
    }
  }
  .profile-header {
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 10px var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  .profile-title {
    flex: 1;
    min-width: 0;
    font-weight: 650;
    overflow-wrap: anywhere;
  }
  /* The body scrolls; the header with the close button stays in view. */
  .profile-body {
    flex: 1;
    overflow: auto;
    overscroll-behavior: contain;
    padding: var(--_space);
  }
  .footer {
    justify-content: center;
    margin-top: 16px;
  }
  .footer button {
    font-size: 0.9375rem;
    padding: 6px 16px;
  }
  .footer [role='alert'] {
    flex-basis: 100%;
    text-align: center;
  }
  .box,
  .skeleton {
    margin-top: 12px;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .box {
    padding: 24px var(--_space);
    text-align: center;
    overflow-wrap: anywhere;
  }
  [part='empty'] {
    border-style: dashed;
  }
  .box button {
    margin-top: 12px;
  }
`;
