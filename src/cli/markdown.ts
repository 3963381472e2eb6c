/**
 * Markdown persona documents (the Glue team's format and ones like it), read
 * with a real Markdown parser (mdast). The document is cut into heading
 * sections; a persona is a section whose sub-headings or bold labels name
 * contract fields ("#### Profile & Background", "- **Role**: …"). Sections
 * that group personas ("## Secondary Personas") give them a tag; a section
 * that names a field but sits outside the personas ("## Design Principles" with
 * "### For Account Managers") is given to the persona each sub-heading names.
 * Every piece of text that maps to no field is reported with its line.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Code, ListItem, Root, RootContent } from 'mdast';
import { CliError } from './io.js';
import {
  type Json,
  type Item,
  type Section,
  lineOf,
  textOf,
  squashSpace,
  sectionTree,
  labelled,
  boldTitle,
  itemParts,
  flattenList,
  listItem,
  nameWords,
} from './mdast.js';
import {
  ITEM_LIST_FIELDS,
  TEXT_FIELDS,
  capitalize,
  fieldForHeading,
  fieldForLabel,
  normalizeLabel,
  orderFields,
  snippet,
  splitCommas,
  type ImportResult,
  type ImportedPersona,
  type Unmapped,
} from './fields.js';

export function importMarkdown(text: string, file: string): ImportResult {
  if (!text.trim()) throw new CliError(`${file}: the document is empty`);
  let root: Root;
  try {
    root = fromMarkdown(text);
  } catch (error) {
    throw new CliError(`${file}: cannot parse the Markdown (${(error as Error).message})`);
  }
  const unmapped: Unmapped[] = [];
  const note = (line: number | undefined, content: string, reason: string) =>
    unmapped.push({ file, ...(line ? { line } : {}), text: snippet(content), reason });
  const noteNode = (node: RootContent, reason: string) => {
    if (node.type === 'thematicBreak') return; // a rule carries no text
    const content = textOf(node);
    if (content.trim()) note(lineOf(node), content, reason);
  };
  const noteSection = (section: Section, reason: string) => note(section.line, section.title, reason);

  // -- which sections are personas ------------------------------------------------

  /** How many contract fields a section names through sub-headings or bold labels. */
  const fieldScore = (section: Section, headingsOnly: boolean): number => {
    const fields = new Set<string>();
    for (const child of section.children) {
      const field = fieldForHeading(child.title);
      if (field) fields.add(field);
    }
    if (headingsOnly) return fields.size;
    for (const node of section.nodes) {
      if (node.type !== 'list') continue;
      for (const item of node.children) {
        const paragraph = itemParts(item).paragraph;
        const found = paragraph && labelled(paragraph);
        const field = found && fieldForLabel(found.label);
        if (field) fields.add(field.split('.')[0]!);
      }
    }
    return fields.size;
  };
  const personaCache = new Map<Section, boolean>();
  const hasPersonaBelow = (section: Section): boolean => section.children.some((c) => isPersona(c) || hasPersonaBelow(c));
  function isPersona(section: Section): boolean {
    let known = personaCache.get(section);
    if (known === undefined) {
      // A section titled like a field ("Profile") is a persona only if its own sub-headings name
      // several fields; bold labels inside it are that field's content.
      const titledField = fieldForHeading(section.title) !== undefined;
      const score = fieldScore(section, titledField);
      known = !hasPersonaBelow(section) && (score >= 2 || (score === 1 && !titledField));
      personaCache.set(section, known);
    }
    return known;
  }

  // -- reading field content ------------------------------------------------------

  /** Items of a list field from a section's nodes: list entries; other text is reported. */
  const readItems = (nodes: RootContent[], where: string): Item[] => {
    const items: Item[] = [];
    let afterRule = false;
    for (const node of nodes) {
      if (node.type === 'thematicBreak') afterRule = true;
      else if (node.type === 'list' && !afterRule) {
        for (const entry of node.children) {
          const item = listItem(entry);
          if (item) items.push(item);
        }
      } else noteNode(node, afterRule ? `after a horizontal rule in ${where}` : `not a list entry in ${where}`);
    }
    return items;
  };

  /** Narrative text: the section's paragraphs, lists and quotes joined. */
  const readText = (nodes: RootContent[], where: string): string => {
    const parts: string[] = [];
    for (const node of nodes) {
      if (['paragraph', 'list', 'blockquote', 'code'].includes(node.type)) parts.push(squashSpace(textOf(node)));
      else noteNode(node, `not text in ${where}`);
    }
    return parts.filter(Boolean).join('\n\n');
  };

  /**
   * Time slots: a bold title (or a sub-heading, or a code block's first line), then the steps.
   * A code block of timed lines with indented "- " steps under each (the Glue document) gives
   * one slot per line, `{ when: '9:00 AM', activities: ['Coffee + dashboard review'], steps: […] }`,
   * after the bold title's own slot (then a period of the day with nothing of its own).
   */
  const readWorkflow = (section: Section): Json[] => {
    type Slot = { when: string; activities: string[]; steps: string[] };
    const slots: Slot[] = [];
    const where = `"${section.title}"`;
    let open: Slot | undefined;
    const slot = (when: string, activities: string[] = []): Slot => ({ when, activities, steps: [] });
    /** "9:00 AM - Coffee" → a slot at 9:00 AM doing "Coffee"; any other line is the slot's name. */
    const slotOf = (line: string) => {
      const timed = /^(\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)\s+[-–—]\s+(.+)$/i.exec(line);
      return timed ? slot(timed[1]!, [timed[2]!]) : slot(line);
    };
    /** A code block's lines: "- " lines before any other line (`loose`), and slots with the "- " lines under them. */
    const codeSlots = (code: Code) => {
      const loose: string[] = [];
      const found: Slot[] = [];
      for (const raw of code.value.split('\n')) {
        const line = raw.trim();
        const bullet = /^[-*•]\s+/.exec(line);
        const text = bullet ? line.slice(bullet[0].length).trim() : line;
        if (!text) continue;
        if (!bullet) found.push(slotOf(text));
        else if (found.length) found.at(-1)!.steps.push(text);
        else loose.push(text);
      }
      return { loose, found };
    };
    const take = (nodes: RootContent[], heading?: string) => {
      if (heading) slots.push((open = slot(heading)));
      for (const node of nodes) {
        const title = boldTitle(node);
        if (title) slots.push((open = slot(title)));
        else if (node.type === 'code') {
          const { loose, found } = codeSlots(node);
          if (open && !open.activities.length) open.activities.push(...loose);
          else if (loose.length) slots.push(slot(loose[0]!, loose.slice(1)));
          slots.push(...found);
          open = undefined;
        } else if (node.type === 'list') {
          if (open) open.activities.push(...flattenList(node));
          else {
            // No slot title: each entry is a slot, "**When**: step" or "When" with nested steps.
            for (const entry of node.children) {
              const { paragraph, nested } = itemParts(entry);
              const found = paragraph && labelled(paragraph);
              const when = found ? found.label : paragraph ? squashSpace(textOf(paragraph)) : '';
              if (!when) continue;
              slots.push(slot(when, [...(found?.rest ? [found.rest] : []), ...nested]));
            }
          }
        } else if (node.type === 'paragraph' && open) open.activities.push(squashSpace(textOf(node)));
        else noteNode(node, `not a time slot or step in ${where}`);
      }
    };
    take(section.nodes);
    for (const child of section.children) {
      take(child.nodes, child.title);
      for (const deeper of child.children) noteSection(deeper, `sub-section of a workflow step in ${where}`);
    }
    return slots.map(({ when, activities, steps }) => ({
      when,
      ...(activities.length ? { activities } : {}),
      ...(steps.length ? { steps } : {}),
    }));
  };

  const readTools = (section: Section): Json[] => {
    const tools: Json[] = [];
    const where = `"${section.title}"`;
    const addTo = (tool: Json, item: ListItem) => {
      const { paragraph, nested } = itemParts(item);
      const found = paragraph && labelled(paragraph);
      if (!found) return noteNode(item as unknown as RootContent, `no bold label in tool "${String(tool.name)}"`);
      const label = normalizeLabel(found.label);
      const list = nested.length ? nested : splitCommas(found.rest);
      if (label === 'frequency' || label === 'how often') tool.frequency = found.rest;
      else if (label.includes('duration') || label === 'time spent') tool.duration = found.rest;
      else if (/\buse cases?\b/.test(label) || label === 'used for') tool.use_cases = [...((tool.use_cases as string[]) ?? []), ...list];
      else if (/\bfeatures?\b/.test(label)) tool.features = [...((tool.features as string[]) ?? []), ...list];
      else noteNode(item as unknown as RootContent, `unknown tool label "${found.label}" in ${where}`);
    };
    const take = (nodes: RootContent[], heading?: string) => {
      let tool: Json | undefined;
      if (heading) tools.push((tool = { name: heading }));
      for (const node of nodes) {
        const title = boldTitle(node);
        if (title) tools.push((tool = { name: title }));
        else if (node.type === 'list' && tool) for (const item of node.children) addTo(tool, item);
        else if (node.type === 'list') {
          // No tool title: each entry names a tool, "**Name**: what for" or just "Name".
          for (const item of node.children) {
            const { paragraph, nested } = itemParts(item);
            const found = paragraph && labelled(paragraph);
            const name = found ? found.label : paragraph ? squashSpace(textOf(paragraph)) : '';
            if (!name) continue;
            const uses = [...(found?.rest ? [found.rest] : []), ...nested];
            tools.push(uses.length ? { name, use_cases: uses } : { name });
          }
        } else noteNode(node, `not a tool or tool detail in ${where}`);
      }
    };
    take(section.nodes);
    for (const child of section.children) {
      take(child.nodes, child.title);
      for (const deeper of child.children) noteSection(deeper, `sub-section of a tool in ${where}`);
    }
    return tools;
  };

  const readMetrics = (nodes: RootContent[], where: string): Json[] => {
    const metrics: Json[] = [];
    for (const node of nodes) {
      if (node.type !== 'list') {
        noteNode(node, `not a list entry in ${where}`);
        continue;
      }
      for (const item of node.children) {
        const { paragraph, nested } = itemParts(item);
        const found = paragraph && labelled(paragraph);
        const plain = paragraph ? squashSpace(textOf(paragraph)) : '';
        const [name, target] = found ? [found.label, found.rest] : (plain.match(/^([^:]+):\s*(.+)$/)?.slice(1) ?? [plain, '']);
        const fullTarget = [target, ...nested].filter(Boolean).join('; ');
        if (name) metrics.push(fullTarget ? { name: name.trim(), target: fullTarget } : { name: name.trim() });
      }
    }
    return metrics;
  };

  // -- one persona ---------------------------------------------------------------

  const readPersona = (section: Section, tags: string[]): ImportedPersona => {
    const record: Json = {};
    const profile: Json = {};
    const identityBits: { label: string; value: string }[] = [];
    const explicitIdentity: string[] = [];
    let goalsLine: string | undefined;
    let number: number | undefined;

    let title = section.title;
    const numbered = title.match(/^(\d+)[.)]\s+(.+)$/);
    if (numbered) [number, title] = [Number(numbered[1]), numbered[2]!];
    const withPid = title.match(/^([A-Za-z][A-Za-z0-9]*-\d+)\s*[:—–-]\s*(.+)$/);
    if (withPid) [record.pid, title] = [withPid[1], withPid[2]!];
    record.name = title.trim();
    if (tags.length) record.tags = [...tags];

    const where = `persona "${record.name as string}"`;

    /** A bold-labelled value ("- **Team Size**: 5-25") onto the record. */
    const setLabelled = (label: string, value: string, nested: string[], node: RootContent, inProfile: boolean) => {
      const field = fieldForLabel(label);
      const key = normalizeLabel(label);
      const list = nested.length ? nested : splitCommas(value);
      if (field?.startsWith('profile.')) profile[field.slice('profile.'.length)] = [value, ...nested].filter(Boolean).join('; ');
      else if (field === 'goals' && inProfile && !nested.length) {
        goalsLine = value;
        record.goals = list.map(capitalize);
      } else if (field && ITEM_LIST_FIELDS.has(field)) record[field] = [...((record[field] as Item[]) ?? []), ...list];
      else if (field === 'tags') record.tags = [...((record.tags as string[]) ?? []), ...list];
      else if (field === 'comment_count' || field === 'validation_count') {
        if (/^\d+$/.test(value)) record[field] = Number(value);
        else noteNode(node, `${field} is not a whole number in ${where}`);
      } else if (field === 'identity') explicitIdentity.push([value, ...nested].filter(Boolean).join('\n'));
      else if (field && TEXT_FIELDS.has(field)) record[field] = [value, ...nested].filter(Boolean).join('\n');
      else if (inProfile && ['use case', 'use cases', 'tool usage', 'context'].includes(key)) {
        // Secondary personas describe their context instead of goals: it goes into the identity.
        identityBits.push({ label: capitalize(key), value });
      } else noteNode(node, `unknown label "${label}" in ${where}`);
    };

    /** Lists of bold-labelled entries (a profile, or labels right under the persona's heading). */
    const readLabelled = (nodes: RootContent[], inProfile: boolean, context: string) => {
      for (const node of nodes) {
        if (node.type === 'list') {
          for (const item of node.children) {
            const { paragraph, nested } = itemParts(item);
            const found = paragraph && labelled(paragraph);
            if (found) setLabelled(found.label, found.rest, nested, item as unknown as RootContent, inProfile);
            else noteNode(item as unknown as RootContent, `no bold label in ${context}`);
          }
        } else if (node.type === 'paragraph') {
          const found = labelled(node);
          if (found && found.rest && fieldForLabel(found.label)) setLabelled(found.label, found.rest, [], node, inProfile);
          else if (!inProfile && !found) explicitIdentity.push(squashSpace(textOf(node)));
          else noteNode(node, `no field for this text in ${context}`);
        } else noteNode(node, `no field for this text in ${context}`);
      }
    };

    readLabelled(section.nodes, false, where);
    for (const child of section.children) {
      const field = fieldForHeading(child.title);
      const context = `"${child.title}" of ${where}`;
      const deeper = () => child.children.forEach((c) => noteSection(c, `sub-section of ${context}`));
      if (!field) {
        noteSection(child, `section of ${where} maps to no field`);
        for (const node of child.nodes) noteNode(node, `in unmapped section "${child.title}"`);
        deeper();
      } else if (field === 'profile') {
        readLabelled(child.nodes, true, context);
        deeper();
      } else if (field === 'workflow') record.workflow = [...((record.workflow as Json[]) ?? []), ...readWorkflow(child)];
      else if (field === 'tools') record.tools = [...((record.tools as Json[]) ?? []), ...readTools(child)];
      else if (field === 'metrics') {
        record.metrics = [...((record.metrics as Json[]) ?? []), ...readMetrics(child.nodes, context)];
        deeper();
      } else if (ITEM_LIST_FIELDS.has(field)) {
        record[field] = [...((record[field] as Item[]) ?? []), ...readItems(child.nodes, context)];
        deeper();
      } else if (field === 'tags') {
        record.tags = [...((record.tags as string[]) ?? []), ...readItems(child.nodes, context).map((i) => (typeof i === 'string' ? i : i.title))];
        deeper();
      } else if (field === 'identity') {
        explicitIdentity.push(readText(child.nodes, context));
        deeper();
      } else if (TEXT_FIELDS.has(field)) {
        record[field] = readText(child.nodes, context);
        deeper();
      } else {
        noteSection(child, `section of ${where} maps to "${field}", which a section cannot fill`);
        deeper();
      }
    }

    const orderedProfile = Object.fromEntries(
      ['role', 'experience', 'team_size', 'technical_skill'].filter((k) => profile[k]).map((k) => [k, profile[k]]),
    );
    if (Object.keys(orderedProfile).length) record.profile = orderedProfile;

    // The identity is the document's own words: a summary if it has one, else the role
    // line plus goals (or use case / tool usage), as sentences.
    if (explicitIdentity.some(Boolean)) record.identity = explicitIdentity.filter(Boolean).join('\n\n');
    else {
      const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);
      const bits: string[] = [];
      if (typeof profile.role === 'string' && profile.role) bits.push(sentence(profile.role));
      if (goalsLine) bits.push(sentence(`Goals: ${goalsLine}`));
      for (const { label, value } of identityBits) if (value) bits.push(sentence(`${label}: ${value}`));
      if (bits.length) record.identity = bits.join(' ');
    }
    for (const key of Object.keys(record)) {
      const value = record[key];
      if (value === '' || (Array.isArray(value) && !value.length)) delete record[key];
    }
    return { record, file, line: section.line, ...(number !== undefined ? { number } : {}) };
  };

  // -- the document --------------------------------------------------------------

  const personas: { persona: ImportedPersona; section: Section }[] = [];
  const documentFields: Section[] = [];

  const groupTag = (title: string): string | undefined => {
    const match = normalizeLabel(title).match(/^(.+?)\s+(?:user\s+)?personas?$/);
    return match ? match[1]!.replace(/\s+/g, '-') : undefined;
  };

  const walk = (section: Section, tags: string[]) => {
    for (const child of section.children) {
      if (isPersona(child)) personas.push({ persona: readPersona(child, tags), section: child });
      else if (hasPersonaBelow(child)) {
        for (const node of child.nodes) noteNode(node, `text of "${child.title}", outside any persona`);
        const tag = groupTag(child.title);
        if (!tag) noteSection(child, 'heading of a part that holds personas, not persona data');
        walk(child, tag ? [...tags, tag] : tags);
      } else if (fieldForHeading(child.title)) documentFields.push(child);
      else {
        noteSection(child, 'section outside any persona, maps to no field');
        const rest = (s: Section) => {
          for (const node of s.nodes) noteNode(node, `in unmapped section "${s.title}"`);
          s.children.forEach((c) => {
            noteSection(c, `in unmapped section "${s.title}"`);
            rest(c);
          });
        };
        rest(child);
      }
    }
  };
  const tree = sectionTree(root);
  for (const node of tree.nodes) noteNode(node, 'text before the first heading');
  walk(tree, []);

  // Sections like "## Design Principles" / "### For Account Managers": give each
  // sub-section to the persona its heading names (best unique word match).
  for (const section of documentFields) {
    const field = fieldForHeading(section.title)!;
    for (const node of section.nodes) noteNode(node, `text of "${section.title}", not addressed to a persona`);
    let given = 0;
    for (const audience of section.children) {
      const words = nameWords(audience.title);
      const scored = personas
        .map(({ persona }) => {
          const own = new Set(nameWords(String(persona.record.name)));
          return { persona, score: words.length ? words.filter((w) => own.has(w)).length / words.length : 0 };
        })
        .sort((a, b) => b.score - a.score);
      const best = scored[0];
      if (!best || best.score < 0.5 || scored[1]?.score === best.score) {
        noteSection(audience, `"${section.title}" section names no single persona`);
        for (const node of audience.nodes) noteNode(node, `in "${audience.title}", which names no single persona`);
        continue;
      }
      given += 1;
      const record = best.persona.record;
      const context = `"${section.title} / ${audience.title}"`;
      if (ITEM_LIST_FIELDS.has(field)) record[field] = [...((record[field] as Item[]) ?? []), ...readItems(audience.nodes, context)];
      else if (field === 'metrics') record.metrics = [...((record.metrics as Json[]) ?? []), ...readMetrics(audience.nodes, context)];
      else if (field === 'workflow') record.workflow = [...((record.workflow as Json[]) ?? []), ...readWorkflow(audience)];
      else if (field === 'tools') record.tools = [...((record.tools as Json[]) ?? []), ...readTools(audience)];
      else if (TEXT_FIELDS.has(field) && field !== 'identity' && !record[field]) record[field] = readText(audience.nodes, context);
      else noteSection(audience, `"${field}" cannot be added from a shared section`);
      if (field !== 'workflow' && field !== 'tools') audience.children.forEach((c) => noteSection(c, `sub-section of ${context}`));
    }
    if (!given) noteSection(section, `shared "${field}" section: none of its sub-headings names a persona`);
  }

  if (!personas.length) {
    throw new CliError(
      `${file}: no personas found: a persona is a heading section with sub-headings such as "Profile", ` +
        `"Daily Workflow", "Pain Points", "Tool Usage", "Success Metrics" or bold labels such as "- **Role**: …"`,
    );
  }
  unmapped.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { personas: personas.map(({ persona }) => ({ ...persona, record: orderFields(persona.record) })), unmapped };
}
