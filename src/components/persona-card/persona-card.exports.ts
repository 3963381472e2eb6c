import { personaToJson, personaToMarkdown } from '../../data/export.js';
import type { Persona } from '../../data/types.js';
import type { PersonaStrings } from '../../i18n/strings.js';
import { downloadText, safeFilename } from '../shared/download.js';

/**
 * "Copy as Markdown": copies the persona to the clipboard, or, where clipboard
 * access is denied (often in iframes), downloads it as a file instead.
 * Resolves to the status text to show.
 */
export async function copyMarkdown(persona: Persona, strings: PersonaStrings): Promise<string> {
  const markdown = personaToMarkdown(persona, strings);
  try {
    await navigator.clipboard.writeText(markdown);
    return strings.card.copied;
  } catch {
    downloadText(`${safeFilename(persona.pid)}.md`, markdown, 'text/markdown');
    return strings.card.copyFallback;
  }
}

/** "Download JSON": saves the persona as a file. Returns the status text to show. */
export function downloadJson(persona: Persona, strings: PersonaStrings): string {
  downloadText(`${safeFilename(persona.pid)}.json`, personaToJson(persona), 'application/json');
  return strings.card.downloaded;
}
