import { css } from 'lit';

export const reviewStyles = css`
  [part='base'] {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  h2 {
    font-size: 1.1em;
    margin: 0 0 calc(var(--_space) / 2);
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  [part='item'] {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding: calc(var(--_space) * 0.75);
  }
  [part='meta'] {
    color: var(--_muted);
    font-size: 0.9em;
    margin: 0 0 8px;
  }
  .compare {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 12px;
  }
  @container (max-width: 480px) {
    .compare {
      grid-template-columns: 1fr;
    }
  }
  [part='current'],
  [part='proposed'] {
    margin: 0;
    background: var(--_subtle);
    border-radius: 6px;
    padding: 8px 10px;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    font: inherit;
    max-height: 16em;
    overflow: auto;
  }
  [part='proposed'] {
    border-inline-start: 3px solid var(--_accent);
  }
  h3 {
    font-size: 0.85em;
    font-weight: 600;
    margin: 0 0 4px;
    color: var(--_muted);
  }
  .actions {
    display: flex;
    gap: 8px;
    margin-top: 10px;
  }
  button {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--persona-control-border, #818b98);
    border-radius: 6px;
    padding: 4px 14px;
    cursor: pointer;
  }
  button[part~='approve-button'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_bg);
  }
  button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  [part='status'] {
    margin: 0 0 8px;
  }
  [part='status'][data-kind='error'] {
    color: var(--_danger);
  }
`;
