import type { PersonaStringsOverride } from './strings.js';

/**
 * The words that differ in iframe mode (dist/embed.html): there, the only thing a
 * reader can change is the embed URL, so help points at its parameters, not at
 * `<persona-provider>` or a `<meta>` of a page they cannot edit.
 */
export const embedStrings = {
  card: {
    noPersonaId: 'Add persona-id= to the embed URL to choose a persona.',
    configHelp: 'Add src= to the embed URL: the address of the persona collection.',
  },
  grid: {
    configHelp: 'Add src= to the embed URL: the address of the persona collection.',
  },
  form: {
    notConfiguredHelp: 'Please tell the owner of this page: the embed URL needs action= (where contributions are sent).',
    noAction: 'The embed URL has no address to send contributions to (action=).',
  },
} satisfies PersonaStringsOverride;
