/**
 * The custom elements manifest as Storybook's Controls and Docs should read it.
 *
 * Storybook lists every class member as a property, including private state,
 * `#private` fields and static ones, and shows a property twice when it is also
 * an attribute. This keeps the public API only: attributes (by their HTML
 * name), properties that have no attribute (`persona`, `personas`), events,
 * slots, parts and CSS custom properties. The file itself is untouched.
 */
interface Attribute {
  name: string;
  fieldName?: string;
  attribute?: string;
  [key: string]: unknown;
}
interface Member {
  kind: string;
  name: string;
  privacy?: string;
  static?: boolean;
  [key: string]: unknown;
}
interface Declaration {
  customElement?: boolean;
  tagName?: string;
  attributes?: Attribute[];
  members?: Member[];
  [key: string]: unknown;
}
interface Manifest {
  modules?: { declarations?: Declaration[]; [key: string]: unknown }[];
  [key: string]: unknown;
}

const isKebab = (name: string) => name.includes('-') || name === name.toLowerCase();

function tidyAttributes(attributes: Attribute[]): Attribute[] {
  const byName = new Map<string, Attribute>();
  for (const attribute of attributes) {
    // An inline `@attr persona-id` next to `@property({ attribute: 'persona-id' })` yields a
    // camelCase entry without an attribute plus a dashed one: keep the HTML name only.
    if (!isKebab(attribute.name)) {
      const twin = attributes.find((other) => other !== attribute && other.fieldName === attribute.fieldName);
      if (twin) continue;
    }
    const name = attribute.name;
    byName.set(name, { ...attribute, attribute: name });
  }
  return [...byName.values()];
}

function tidyMembers(members: Member[], attributes: Attribute[]): Member[] {
  const reflected = new Set(attributes.map((attribute) => attribute.fieldName ?? attribute.name));
  return members.filter(
    (member) =>
      member.kind === 'field' &&
      !member.static &&
      !member.name.startsWith('#') &&
      (member.privacy ?? 'public') === 'public' &&
      !reflected.has(member.name),
  );
}

export function tidyManifest<T extends Manifest>(manifest: T): T {
  return {
    ...manifest,
    modules: manifest.modules?.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => {
        if (!declaration.customElement) return declaration;
        const attributes = tidyAttributes(declaration.attributes ?? []);
        return { ...declaration, attributes, members: tidyMembers(declaration.members ?? [], attributes) };
      }),
    })),
  };
}

interface ArgTypeLike {
  type?: unknown;
  control?: unknown;
  table?: { category?: string; type?: { summary?: string }; defaultValue?: { summary?: unknown } };
  [key: string]: unknown;
}

/**
 * The manifest gives types as TypeScript text (`string | undefined`,
 * `'compact' | 'full'`), which Storybook cannot turn into controls (it falls
 * back to a JSON editor). This reads that text: `string`, `number` and
 * `boolean` get their control, a union of string literals a radio or select.
 */
export function typeFromTypeScript(text: string | undefined): { name: string; value?: string[] } | undefined {
  if (!text) return undefined;
  const parts = text
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part && part !== 'undefined' && part !== 'null');
  if (parts.length && parts.every((part) => /^'[^']*'$/.test(part))) {
    return { name: 'enum', value: parts.map((part) => part.slice(1, -1)) };
  }
  if (parts.length === 1 && ['string', 'number', 'boolean'].includes(parts[0]!)) return { name: parts[0]! };
  return undefined;
}

/**
 * An argTypes enhancer over what Storybook extracted from the manifest:
 * attribute and property types become Storybook types (so they get a text,
 * number, boolean or radio control); CSS custom properties get a colour or
 * text control (the theme decorator applies them); events, parts and slots
 * are documented without a control.
 */
export function typesFromManifest<T extends Record<string, ArgTypeLike | undefined>>({ argTypes }: { argTypes: T }): T {
  const out: Record<string, ArgTypeLike | undefined> = { ...argTypes };
  for (const [name, argType] of Object.entries(out)) {
    if (!argType || argType.control !== undefined) continue;
    const category = argType.table?.category;
    if (category === 'attributes' || category === 'properties') {
      const type = typeFromTypeScript(argType.table?.type?.summary);
      if (type) out[name] = { ...argType, type };
    } else if (category === 'css custom properties') {
      const fallback = String(argType.table?.defaultValue?.summary ?? '');
      out[name] = { ...argType, type: { name: 'string' }, control: /^#[0-9a-f]{3,8}$/i.test(fallback) ? 'color' : 'text' };
    } else if (category === 'events' || category === 'css shadow parts' || category === 'slots') {
      out[name] = { ...argType, control: false };
    }
  }
  return out as T;
}
