/**
 * Editor support generated from dist/custom-elements.json, so editors
 * complete the tags and attributes and show their docs:
 * - dist/vscode.html-custom-data.json (VS Code: "html.customData")
 * - dist/web-types.json (JetBrains IDEs: package.json "web-types")
 */
import { readFileSync, writeFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8'));
const elements = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.customElement && declaration.tagName);

const text = (value = '') => String(value).replace(/\s*\n\s*/g, ' ').trim();

/** `'compact' | 'full'` → ['compact', 'full']; anything else → no fixed values. */
function literalValues(type = '') {
  const parts = type.split('|').map((part) => part.trim());
  return parts.every((part) => /^'[^']*'$/.test(part)) ? parts.map((part) => part.slice(1, -1)) : [];
}

const vscode = {
  $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  tags: elements.map((element) => ({
    name: element.tagName,
    description: text(element.summary ?? element.description),
    attributes: (element.attributes ?? []).map((attribute) => {
      const values = literalValues(attribute.type?.text);
      return {
        name: attribute.name,
        description: text(attribute.description),
        ...(values.length ? { values: values.map((name) => ({ name })) } : {}),
      };
    }),
  })),
};

const webTypes = {
  $schema: 'https://json.schemastore.org/web-types',
  name: pkg.name,
  version: pkg.version,
  'description-markup': 'markdown',
  contributions: {
    html: {
      elements: elements.map((element) => ({
        name: element.tagName,
        description: text(element.summary ?? element.description),
        attributes: (element.attributes ?? []).map((attribute) => ({
          name: attribute.name,
          description: text(attribute.description),
          value: { type: attribute.type?.text ?? 'string', required: false },
        })),
        events: (element.events ?? []).map((event) => ({ name: event.name, description: text(event.description) })),
        css: {
          parts: (element.cssParts ?? []).map((part) => ({ name: part.name, description: text(part.description) })),
          properties: (element.cssProperties ?? []).map((property) => ({
            name: property.name,
            description: text(property.description),
          })),
        },
      })),
    },
  },
};

writeFileSync('dist/vscode.html-custom-data.json', `${JSON.stringify(vscode, null, 2)}\n`);
writeFileSync('dist/web-types.json', `${JSON.stringify(webTypes, null, 2)}\n`);
console.log(`editor data: ${elements.length} elements → dist/vscode.html-custom-data.json, dist/web-types.json`);
