/**
 * What a Yjs update does with half a surrogate pair, which the API edge refuses in JSON bodies
 * (server/http/well-formed-text.ts) and the socket carries only inside document messages.
 *
 * Text and plain values travel as UTF-8 (lib0's writeVarString, through TextEncoder): half a
 * pair leaves its sender as U+FFFD, and bytes that are not UTF-8 make the update unreadable
 * (lib0 decodes with a fatal TextDecoder). But formatting marks and embeds travel as JSON text,
 * whose escapes carry half a pair intact: Yjs updates CAN carry lone surrogates there.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

const half = '\ud800';
const received = (doc: Y.Doc) => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

describe('half a surrogate pair in a Yjs update', () => {
  it('arrives as U+FFFD in text and in plain values', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, `a${half}b`);
    doc.getMap('m').set('title', `a${half}b`);
    const copy = received(doc);
    expect(copy.getText('t').toString()).toBe('a\ufffdb');
    expect(copy.getMap('m').get('title')).toBe('a\ufffdb');
  });

  it('makes the update unreadable when sent as bytes that are not UTF-8', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('title', 'aXYZb');
    const update = Y.encodeStateAsUpdate(doc);
    const at = update.findIndex((b, i) => b === 0x58 && update[i + 1] === 0x59 && update[i + 2] === 0x5a);
    update.set([0xed, 0xa0, 0x80], at); // the surrogate U+D800 written as if it were a character
    expect(() => Y.applyUpdate(new Y.Doc(), update)).toThrow();
  });

  it('arrives intact in a formatting mark’s value and in an embed (JSON-encoded)', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'ab');
    text.format(0, 1, { link: { href: `https://x.example/${half}` } });
    text.insertEmbed(2, { note: half });
    expect(received(doc).getText('t').toDelta()).toEqual([
      { insert: 'a', attributes: { link: { href: `https://x.example/${half}` } } },
      { insert: 'b' },
      { insert: { note: half } },
    ]);
  });
});
