/**
 * Plain text in and out of a milestone description (a Y.XmlFragment holding a
 * ProseMirror/Tiptap document). Writing makes one `paragraph` element per line; reading
 * joins block elements with '\n' and turns `hardBreak` elements into '\n', so
 * `fragmentText(fill(f, s)) === s` for any s. Formatting marks are dropped when reading.
 */
import * as Y from 'yjs';
import { LIMITS } from './shape.ts';

const BREAKS = new Set(['hardBreak', 'hard_break', 'br']);

function xmlTextContent(text: Y.XmlText): string {
  let out = '';
  for (const op of text.toDelta() as { insert?: unknown }[])
    if (typeof op.insert === 'string') out += op.insert;
  return out;
}

function childrenText(node: Y.XmlFragment, depth: number): string {
  // Deeper nesting cannot be in a validated document; stop rather than recurse without bound.
  if (depth > LIMITS.descriptionDepth) return '';
  let out = '';
  let first = true;
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) out += xmlTextContent(child);
    else if (child instanceof Y.XmlElement && BREAKS.has(child.nodeName)) out += '\n';
    else if (child instanceof Y.XmlElement) {
      out += (first ? '' : '\n') + childrenText(child, depth + 1);
      first = false;
    }
  }
  return out;
}

/** The plain text of a description. */
export function fragmentText(fragment: Y.XmlFragment): string {
  return childrenText(fragment, 0);
}

/** Paragraph elements for a plain text, one per line ('' gives an empty document). */
export function paragraphsOf(text: string): Y.XmlElement[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  if (normalised === '') return [];
  return normalised.split('\n').map((line) => {
    const paragraph = new Y.XmlElement('paragraph');
    if (line) paragraph.insert(0, [new Y.XmlText(line)]);
    return paragraph;
  });
}

/** Replaces a description's content with a plain text (inside the caller's transaction). */
export function replaceFragmentText(fragment: Y.XmlFragment, text: string): void {
  if (fragment.length > 0) fragment.delete(0, fragment.length);
  const paragraphs = paragraphsOf(text);
  if (paragraphs.length) fragment.insert(0, paragraphs);
}
