import { css, type CSSResult, type CSSResultGroup } from 'lit';

/**
 * Rules for a dark element: `theme="dark"`, or `auto` on a dark page (the
 * element's `dark` state, set by ThemeController; the attribute stands in
 * where custom states are missing: one rule each, as an engine drops a rule
 * whose selector it does not know).
 */
export const whenDark = (tokens: CSSResult) => css`:host(:state(dark)){${tokens}}:host([data-persona-dark]){${tokens}}`;

/** The dark palette, written once. */
const darkTokens = css`
  --_bg: var(--persona-bg, #0d1117);
  --_fg: var(--persona-fg, #f0f6fc);
  --_muted: var(--persona-muted, #9198a1);
  --_accent: var(--persona-accent, #4493f8);
  --_border: var(--persona-border, #3d444d);
  --_subtle: var(--persona-subtle, #151b23);
  --_danger: var(--persona-danger, #f85149);
  color-scheme: dark;
`;

/**
 * Public tokens are `--persona-*` (documented on the class); the private
 * `--_*` copies hold the theme's defaults so a host can override any one.
 * Colours are GitHub Primer's, which meet WCAG AA on their backgrounds.
 */
export const themeTokens: CSSResultGroup = [
  css`
  :host {
    --_bg: var(--persona-bg, #ffffff);
    --_fg: var(--persona-fg, #1f2328);
    --_muted: var(--persona-muted, #59636e);
    --_accent: var(--persona-accent, #0969da);
    --_border: var(--persona-border, #d1d9e0);
    --_subtle: var(--persona-subtle, #f6f8fa);
    --_danger: var(--persona-danger, #d1242f);
    --_radius: var(--persona-radius, 12px);
    --_space: var(--persona-space, 16px);
    --_font: var(--persona-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color-scheme: light;
  }
`,
  whenDark(darkTokens),
];

/** What every element's root shares: a reset against the host page's CSS, focus, hiding. */
export const hostStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    /* Host page CSS must not leak in: reset what inherits. */
    font: 400 15px/1.5 var(--_font);
    color: var(--_fg);
    text-align: start;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
    border-radius: 4px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;

/** Loading placeholders: space reserved for what is coming, so the page does not jump. */
export const skeletonStyles = css`
  .skeleton {
    /* A loaded compact card's height in a docs column (~48rem): clamping keeps most within it. */
    min-height: var(--persona-skeleton-height, 360px);
  }
  .bone {
    border-radius: 6px;
    background: var(--_subtle);
    height: 14px;
    margin-top: 10px;
    animation: pulse 1.4s ease-in-out infinite;
  }
  .bone.short {
    width: 30%;
  }
  .bone.heading {
    width: 65%;
    height: 20px;
  }
  .bone.long {
    width: 80%;
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .bone {
      animation: none;
    }
  }
`;

/**
 * A native `<select>` drawn the same in every engine (WebKitGTK otherwise keeps
 * its toolkit look and a taller box), so it lines up with the text fields
 * beside it. The chevron is two gradients: no image URL for a CSP to block.
 * List it after an element's own styles: their `background` would reset it.
 */
export const selectStyles = css`
  select {
    appearance: none;
    line-height: inherit;
    padding-inline-end: 32px;
    background-image:
      linear-gradient(45deg, transparent 50%, currentColor 50%),
      linear-gradient(135deg, currentColor 50%, transparent 50%);
    background-position:
      right 20px center,
      right 15px center;
    background-size: 5px 5px;
    background-repeat: no-repeat;
  }
  select:dir(rtl) {
    background-position:
      left 15px center,
      left 20px center;
  }
`;
