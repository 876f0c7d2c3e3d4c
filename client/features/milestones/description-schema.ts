/**
 * The description editor's ProseMirror schema: prosemirror-schema-basic's, with a link mark
 * that becomes a link only for the schemes shared/links.ts allows. A stored link to anything
 * else (`javascript:`, `data:`…) renders as plain text, and pasted HTML brings no such link in.
 */
import { type MarkSpec, Schema } from 'prosemirror-model';
import { schema as basic } from 'prosemirror-schema-basic';
import { safeLinkHref } from '../../../shared/links.ts';

const link: MarkSpec = {
  attrs: {
    href: { validate: 'string' },
    title: { default: null, validate: 'string|null' },
  },
  inclusive: false,
  parseDOM: [
    {
      tag: 'a[href]',
      getAttrs(dom) {
        const href = safeLinkHref((dom as HTMLElement).getAttribute('href'));
        return href ? { href, title: (dom as HTMLElement).getAttribute('title') } : false;
      },
    },
  ],
  toDOM(mark) {
    const href = safeLinkHref(mark.attrs.href);
    if (!href) return ['span', { class: 'unsafe-link' }, 0];
    return ['a', { href, title: mark.attrs.title, rel: 'noopener noreferrer nofollow' }, 0];
  },
};

type NodeName = typeof basic extends Schema<infer N, string> ? N : never;
type MarkName = typeof basic extends Schema<string, infer M> ? M : never;

export const descriptionSchema = new Schema<NodeName, MarkName>({
  nodes: basic.spec.nodes,
  marks: basic.spec.marks.update('link', link),
});
