/**
 * Strings that try to become markup, script or template code, shared by the
 * browser suite (test/hostile.test.ts) and the export tests (test/node/). Each
 * sets `globalThis[HOSTILE_SENTINEL]` if it ever runs.
 */
export const HOSTILE_SENTINEL = '__personaWidgetsPwned';
const run = `globalThis.${HOSTILE_SENTINEL}=1`;

export const hostileStrings = [
  `<img src=x onerror="${run}">`,
  `<script>${run}</script>`,
  `<svg onload="${run}"><circle r=1></svg>`,
  `<iframe src="javascript:${run}"></iframe>`,
  `<a href="javascript:${run}">click</a>`,
  `\${${run}}`,
  `{{constructor.constructor('${run}')()}}`,
  `<style>*{display:none!important}</style>`,
  `"><img src=x onerror=${run}>`,
  '\u202Eexe.sgnittes\u202C and \u2067isolated\u2069',
  'zero\u200Bwidth\u200Cjoin\u200Dcharacters\uFEFF',
  '💥'.repeat(300),
  'x'.repeat(200) /* one unbroken word */,
];
