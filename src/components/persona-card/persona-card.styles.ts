import { css } from 'lit';

export const cardStyles = css`
  .card {
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
  header > div {
    flex: 1;
    min-width: 0;
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
    font-size: 0.75rem;
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
  .section-header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 4px 12px;
    margin-bottom: 6px;
  }
  .section-header .section-heading {
    margin: 0;
  }
  .muted {
    color: var(--_muted);
  }
  ul.invitations {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    list-style: none;
    padding: 0;
    margin-top: 6px;
  }
  ul.invitations li + li {
    margin-top: 0;
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
  .status {
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .status.has-status {
    margin-top: 8px;
  }
  section {
    margin-top: 16px;
  }
  .section-heading {
    margin: 0 0 6px;
    font-size: 0.9375rem;
    font-weight: 650;
  }
  ul,
  ol {
    margin: 0;
    padding-inline-start: 20px;
  }
  li + li {
    margin-top: 4px;
  }
  .item-quote {
    margin: 4px 0 0;
    color: var(--_muted);
    font-style: italic;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 4px 12px;
    margin: 0;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
  }
  :host([variant='full']) .skeleton {
    min-height: var(--persona-skeleton-height, 640px);
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
    .columns {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 0 24px;
    }
  }
`;
