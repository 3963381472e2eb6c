/**
 * Reading an mdast tree the way a person reads a persona document: plain
 * text of nodes, heading sections, bold labels, list items with a title,
 * detail and quote. Used by the Markdown importer (markdown.ts).
 */
import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { normalizeLabel } from './fields.js';

export type Node = Root | RootContent;
export type Json = Record<string, unknown>;
export type Item = string | { title: string; detail?: string; quote?: string };

export interface Section {
  depth: number;
  title: string;
  line: number;
  /** Content between the heading and its first sub-heading. */
  nodes: RootContent[];
  children: Section[];
}

export const lineOf = (node: { position?: { start: { line: number } } }) => node.position?.start.line;

/** Plain text of a node: what a reader sees, without the Markdown marks. */
export function textOf(node: Node | PhrasingContent): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code' || node.type === 'html') return node.value;
  if (node.type === 'break') return '\n';
  if (node.type === 'list') return node.children.map(textOf).join('\n');
  if (node.type === 'listItem' || node.type === 'blockquote' || node.type === 'root') {
    return node.children.map(textOf).join('\n');
  }
  return 'children' in node ? (node.children as (Node | PhrasingContent)[]).map(textOf).join('') : '';
}

export const squashSpace = (text: string) => text.replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();

/** Cuts the document into a tree of heading sections; the root holds text before the first heading. */
export function sectionTree(root: Root): Section {
  const top: Section = { depth: 0, title: '', line: 1, nodes: [], children: [] };
  const stack = [top];
  for (const node of root.children) {
    if (node.type === 'heading') {
      while (stack.at(-1)!.depth >= node.depth) stack.pop();
      const section: Section = { depth: node.depth, title: squashSpace(textOf(node)), line: lineOf(node) ?? 1, nodes: [], children: [] };
      stack.at(-1)!.children.push(section);
      stack.push(section);
    } else stack.at(-1)!.nodes.push(node);
  }
  return top;
}

/** `**Role**: text` → { label: 'Role', rest: 'text' }; undefined when the paragraph does not start bold. */
export function labelled(paragraph: Paragraph): { label: string; rest: string } | undefined {
  const [first, ...others] = paragraph.children;
  if (!first || first.type !== 'strong') return undefined;
  let label = squashSpace(textOf(first));
  let rest = squashSpace(others.map(textOf).join(''));
  if (label.endsWith(':')) label = label.slice(0, -1).trim();
  rest = rest.replace(/^[:\-–—]\s*/, '').trim();
  return label ? { label, rest } : undefined;
}

/** A paragraph that is only bold text: a title such as "**Morning (8-10 AM)**". */
export function boldTitle(node: RootContent): string | undefined {
  if (node.type !== 'paragraph') return undefined;
  const found = labelled(node);
  return found && !found.rest ? found.label : undefined;
}

/** A list item's own first paragraph, and the texts of its nested list items. */
export function itemParts(item: ListItem): { paragraph?: Paragraph; nested: string[]; other: RootContent[] } {
  let paragraph: Paragraph | undefined;
  const nested: string[] = [];
  const other: RootContent[] = [];
  for (const child of item.children) {
    if (child.type === 'paragraph' && !paragraph) paragraph = child;
    else if (child.type === 'list') nested.push(...flattenList(child));
    else other.push(child);
  }
  return { paragraph, nested, other };
}

export function flattenList(list: List): string[] {
  const out: string[] = [];
  for (const item of list.children) {
    const { paragraph, nested, other } = itemParts(item);
    const text = squashSpace([paragraph, ...other].filter(Boolean).map((n) => textOf(n!)).join('\n'));
    if (text) out.push(text);
    out.push(...nested);
  }
  return out;
}

const QUOTED = /^["“]([\s\S]*)["”]$/;
const TRAILING_QUOTE = /^([\s\S]*?)\s*[—–-]?\s*["“]([^"“”]+)["”]\.?$/;

/** `**Title**: "quote"`, `**Title**: detail`, `**Title**: detail "quote"` or plain text. */
export function listItem(item: ListItem): Item | undefined {
  const { paragraph, nested, other } = itemParts(item);
  const found = paragraph ? labelled(paragraph) : undefined;
  const extra = [...other.map((n) => squashSpace(textOf(n))), ...nested].filter(Boolean);
  if (!found) {
    const text = squashSpace([paragraph ? textOf(paragraph) : '', ...extra].join('\n'));
    return text || undefined;
  }
  const out: { title: string; detail?: string; quote?: string } = { title: found.label };
  const rest = found.rest;
  const quoted = rest.match(QUOTED);
  const trailing = quoted ? undefined : rest.match(TRAILING_QUOTE);
  if (quoted && !/["“”]/.test(quoted[1]!)) out.quote = quoted[1]!.trim();
  else if (trailing && trailing[1]) Object.assign(out, { detail: trailing[1].trim(), quote: trailing[2]!.trim() });
  else if (rest) out.detail = rest;
  if (extra.length) out.detail = [out.detail, ...extra].filter(Boolean).join('\n');
  return out;
}

/** Singular, lower-case words of a name, without filler: for matching "For Account Managers" to a persona. */
export function nameWords(text: string): string[] {
  const filler = new Set(['for', 'the', 'of', 'and', 'a', 'an', 'our', 'to', 'in', 'with']);
  return normalizeLabel(text)
    .split(' ')
    .filter((word) => word && !filler.has(word))
    .map((word) => (word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word));
}
