import { css } from 'lit';

export const cardStyles = css`
  .card {
    /* The status overlay is placed against the card. */
    position: relative;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    overflow-wrap: anywhere;
    min-width: 0;
  }
  header {
    display: flex;
    gap: 12px;
    align-items: flex-start;
  }
  /* Full width, so the name and app line align by their own direction (dir="auto"), as the text below. */
  /* App · pid, and the counts at the end of the same line (as on persona-library.com), then the name. */
  .heading-block {
    flex: 1;
    min-width: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0 12px;
  }
  .counts {
    display: flex;
    flex-wrap: wrap;
    gap: 0 12px;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .counts a {
    color: inherit;
  }
  .menu-button {
    flex: none;
    min-width: 32px;
    padding: 0 6px;
    margin-inline-end: -6px;
    margin-top: -4px;
    line-height: 1;
    background: none;
    border-color: transparent;
    color: var(--_muted);
  }
  .menu-button svg {
    display: block;
    /* The size of the glyph it replaces, following the reader's font size. */
    width: 1.25rem;
    height: 1.25rem;
    margin: auto;
    fill: currentColor;
  }
  .menu-button:hover,
  .menu-button[aria-expanded='true'] {
    color: var(--_fg);
    background: var(--_subtle);
    border-color: var(--_border);
  }
  .avatar {
    flex: none;
    width: 48px;
    height: 48px;
    border-radius: 50%;
    object-fit: cover;
    background: var(--_subtle);
  }
  .app {
    margin: 0;
    font-size: 0.8125rem;
    font-weight: 600;
    color: var(--_muted);
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .pid {
    font-weight: 400;
    text-transform: none;
    letter-spacing: normal;
  }
  .title {
    flex-basis: 100%;
    margin: 2px 0 0;
    font-size: 1.125rem;
    font-weight: 650;
    line-height: 1.3;
  }
  .title a {
    color: inherit;
    text-decoration: underline;
    text-decoration-color: var(--_border);
    text-underline-offset: 3px;
  }
  .title a:hover {
    text-decoration-color: currentColor;
  }
  p {
    margin: 0;
  }
  .identity {
    margin-top: 10px;
    white-space: pre-line;
  }
  .clampable {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--persona-clamp-lines, 5);
    overflow: hidden;
  }
  .aha {
    margin: 12px 0 0;
    padding: 8px 12px;
    border-inline-start: 3px solid var(--_accent);
    background: var(--_subtle);
    border-radius: 6px;
    border-start-start-radius: 0;
    border-end-start-radius: 0;
  }
  .aha-label {
    display: block;
    font-size: 0.8125rem;
    font-weight: 600;
    color: var(--_muted);
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  blockquote {
    margin: 0;
  }
  figure.aha {
    margin-inline: 0;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    margin-top: 12px;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-top: 12px;
  }
  button {
    font: inherit;
    font-size: 0.8125rem;
    color: var(--_fg);
    background: var(--_subtle);
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 4px 10px;
    cursor: pointer;
    min-height: 32px;
  }
  button:hover {
    border-color: var(--_muted);
  }
  button.link {
    background: none;
    border: none;
    padding: 0;
    min-height: 24px;
    color: var(--_accent);
    text-decoration: underline;
  }
  /* A toast over the card's bottom edge: announced, never part of the card's size. */
  .status {
    position: absolute;
    inset-inline: var(--_space);
    bottom: 8px;
    pointer-events: none;
    font-size: 0.8125rem;
  }
  .status.has-status {
    width: fit-content;
    margin-inline: auto;
    padding: 4px 12px;
    border-radius: 6px;
    background: var(--_fg);
    color: var(--_bg);
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.2);
  }
  :host([variant='full']) .skeleton {
    min-height: var(--persona-skeleton-height, 640px);
  }
  /* A compact card that loaded its own persona is never shorter than the skeleton it replaced,
     so that step moves nothing below it (a card given its persona never showed one). The default
     is the skeleton's (styles/shared.ts): a literal in both, as the CSS minifier skips interpolations. */
  :host(:not([variant='full'])) .card.reserved {
    min-height: var(--persona-skeleton-height, 360px);
  }
  .problem {
    min-height: 120px;
  }
  .problem-title {
    font-weight: 650;
  }
  .problem-detail {
    color: var(--_muted);
    margin-top: 4px;
  }
  @container (min-width: 520px) {
    .card {
      padding: calc(var(--_space) * 1.5);
    }
    .avatar {
      width: 64px;
      height: 64px;
    }
    .title {
      font-size: 1.25rem;
    }
  }
`;
