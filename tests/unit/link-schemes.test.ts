/**
 * Links in rich text: only http:, https: and mailto: become links; javascript:, data: and
 * anything else never do, whether the editor renders a stored link, a paste brings one in, or
 * a client writes one straight into the document (the server refuses the update).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { descriptionSchema } from '../../client/features/milestones/description-schema.ts';
import { applyAndValidate, createMilestone, validateDoc } from '../../shared/doc/index.ts';
import { safeLinkHref } from '../../shared/links.ts';

const unsafe = [
  'javascript:alert(1)',
  'JavaScript:alert(document.cookie)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0001javascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'blob:https://evil.example/1',
  '//evil.example/path',
  '/relative/path',
  '',
];
const safe = [
  'https://example.org/report?id=1',
  'http://example.org',
  'mailto:lead@example.org',
  'HTTPS://EXAMPLE.ORG/',
];

describe('safeLinkHref', () => {
  it.each(unsafe)('refuses %j', (href) => expect(safeLinkHref(href)).toBeNull());
  it.each(safe)('keeps %j', (href) => expect(safeLinkHref(href)).not.toBeNull());
  it('refuses what is not a string', () => {
    for (const v of [null, undefined, 42, { href: 'https://x.org' }]) expect(safeLinkHref(v)).toBeNull();
  });
});

describe("the description editor's link mark", () => {
  const link = descriptionSchema.marks.link;
  const render = (href: string) =>
    link.spec.toDOM!(link.create({ href }), true) as unknown as [string, ...unknown[]];

  it.each(unsafe)('renders %j as text, not a link', (href) => {
    const out = render(href);
    expect(out[0]).not.toBe('a');
    expect(JSON.stringify(out)).not.toMatch(/href/);
  });

  it.each(safe)('renders %j as a link that opens nothing of ours', (href) => {
    const [tag, attrs] = render(href);
    expect(tag).toBe('a');
    expect(attrs).toMatchObject({ href: safeLinkHref(href), rel: 'noopener noreferrer nofollow' });
  });

  it('takes no unsafe link from pasted HTML', () => {
    const rule = link.spec.parseDOM!.find((r) => 'tag' in r && r.tag?.startsWith('a'))!;
    const anchor = (href: string) => ({ getAttribute: (name: string) => (name === 'href' ? href : null) });
    for (const href of unsafe) expect(rule.getAttrs!(anchor(href) as never)).toBe(false);
    expect(rule.getAttrs!(anchor('https://example.org') as never)).toMatchObject({
      href: 'https://example.org/',
    });
  });
});

describe('the document refuses unsafe links', () => {
  function withDescription() {
    const doc = new Y.Doc();
    const id = createMilestone(doc, { title: 'GLP toxicology', description: 'Report' }, 'u');
    return { doc, id };
  }
  function linkEdit(base: Y.Doc, id: string, attrs: Record<string, unknown>): Uint8Array {
    const raw = new Y.Doc();
    Y.applyUpdate(raw, Y.encodeStateAsUpdate(base));
    const before = Y.encodeStateVector(raw);
    const fragment = raw.getMap<Y.Map<unknown>>('milestones').get(id)!.get('description') as Y.XmlFragment;
    const text = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.format(0, 3, attrs);
    return Y.encodeStateAsUpdate(raw, before);
  }
  const check = (doc: Y.Doc, update: Uint8Array) => {
    const shadow = new Y.Doc();
    Y.applyUpdate(shadow, Y.encodeStateAsUpdate(doc));
    return { problems: applyAndValidate(shadow, update), shadow };
  };

  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x'])(
    'refuses a link to %j, under any mark key y-prosemirror uses',
    (href) => {
      const { doc, id } = withDescription();
      for (const key of ['link', 'link--a1b2c3d4']) {
        const { problems, shadow } = check(doc, linkEdit(doc, id, { [key]: { href, title: null } }));
        expect(problems.map((p) => p.message).join()).toMatch(/link/);
        expect(validateDoc(shadow).length).toBeGreaterThan(0);
      }
    },
  );

  it('accepts http, https and mailto links, and removing a link', () => {
    const { doc, id } = withDescription();
    for (const href of ['https://example.org', 'http://example.org', 'mailto:a@example.org']) {
      const update = linkEdit(doc, id, { link: { href, title: null } });
      expect(check(doc, update).problems).toEqual([]);
      Y.applyUpdate(doc, update);
    }
    const removal = linkEdit(doc, id, { link: null });
    expect(check(doc, removal).problems).toEqual([]);
    expect(validateDoc(doc)).toEqual([]);
  });
});
