/**
 * A MessagePack frame checked before it is decoded. MessagePack states each array's, map's,
 * string's, binary's and extension's length ahead of its content, and a decoder that trusts
 * those lengths allocates for them: a few kilobytes of nested headers announcing 65,535 items
 * each once took a gigabyte of the server's memory. This walk reads the headers only, allocates
 * nothing whose size the frame decides (one count per open array or map, up to `maxDepth`), and
 * refuses the frame unless:
 *
 * - everything announced fits in the bytes that follow: each value takes at least one byte, so an
 *   array of n needs n bytes more and a map of n 2n, on top of what the enclosing arrays and maps
 *   still owe; a string, binary or extension needs its length;
 * - arrays and maps nest at most `maxDepth` deep, and hold at most `maxItems` elements and
 *   entries in all; a string is at most `maxStrBytes` long; the frame at most `maxFrameBytes`;
 * - the frame is exactly one value, no byte short or over.
 *
 * Whatever passes is bounded by its own size, and decoding it (@msgpack/msgpack, with the same
 * limits) allocates no more than that justifies.
 *
 * Extension 0 is notepack.io's (the encoder of socket.io-msgpack-parser), and its meaning
 * depends on its form, which a decoder's extension callback cannot see: `fixext 1` is undefined,
 * `fixext 8` a date, `ext 8/16/32` binary (what notepack makes of an ArrayBuffer or a typed array
 * other than a Buffer). The walk records the meaning of each, in the order of the frame.
 */

export interface FrameLimits {
  /** the largest frame, in bytes */
  maxFrameBytes: number;
  /** arrays and maps inside one another: a Socket.IO packet is a map (1), its data an array (2) */
  maxDepth: number;
  /** array elements and map entries in the whole frame */
  maxItems: number;
  /** the longest string, in UTF-8 bytes */
  maxStrBytes: number;
}

/** what a notepack.io extension 0 stands for, by its form */
export type NotepackExt0 = 'undefined' | 'date' | 'binary';

export class FrameRefused extends Error {}

/**
 * Throws FrameRefused unless `bytes` is one MessagePack value within `limits`; appends to `ext0`
 * the meaning of each extension 0 in the frame, in order.
 */
export function checkFrame(bytes: Uint8Array, limits: FrameLimits, ext0: NotepackExt0[]): void {
  const end = bytes.byteLength;
  if (end > limits.maxFrameBytes)
    throw new FrameRefused(`Frame of ${end} bytes over ${limits.maxFrameBytes}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, end);
  /** values still to start in each open array or map, the innermost last */
  const open: number[] = [];
  /** values announced and not yet started, each of which takes at least one byte */
  let owed = 1;
  let items = 0;
  let pos = 0;

  /** `n` more bytes are needed here, besides one for each value still owed */
  const need = (n: number) => {
    if (n > end - pos - owed) throw new FrameRefused(`Frame announces more than its ${end} bytes hold`);
  };
  /** the length in the `size` bytes at `pos` (after the head), which `need` has checked */
  const length = (size: number) =>
    size === 1 ? view.getUint8(pos) : size === 2 ? view.getUint16(pos) : view.getUint32(pos);

  while (owed > 0) {
    while (open.length > 0 && open[open.length - 1] === 0) open.pop();
    if (pos >= end) throw new FrameRefused('Frame ends before its value does');
    const head = view.getUint8(pos);
    pos += 1;
    owed -= 1;
    if (open.length > 0) open[open.length - 1]! -= 1;

    // Arrays and maps: the entries they announce, and the values those take.
    let entries = -1;
    let values = 0;
    if (head >= 0x80 && head <= 0x8f) [entries, values] = [head & 0x0f, (head & 0x0f) * 2];
    else if (head >= 0x90 && head <= 0x9f) [entries, values] = [head & 0x0f, head & 0x0f];
    else if (head === 0xdc || head === 0xdd || head === 0xde || head === 0xdf) {
      const size = head === 0xdc || head === 0xde ? 2 : 4;
      need(size);
      entries = length(size);
      values = head === 0xde || head === 0xdf ? entries * 2 : entries;
      pos += size;
    }
    if (entries >= 0) {
      items += entries;
      if (items > limits.maxItems) throw new FrameRefused(`Frame of over ${limits.maxItems} items`);
      if (open.length + 1 > limits.maxDepth)
        throw new FrameRefused(`Frame nested over ${limits.maxDepth} deep`);
      need(values);
      owed += values;
      if (values > 0) open.push(values);
      continue;
    }

    // Everything else: the rest of a header, then a payload.
    let payload = 0;
    if (head <= 0x7f || head >= 0xe0 || head === 0xc0 || head === 0xc2 || head === 0xc3) {
      // fixint, nil, false, true: the head is the value
    } else if (head >= 0xa0 && head <= 0xbf) {
      payload = checkString(head & 0x1f, limits);
    } else if (head === 0xd9 || head === 0xda || head === 0xdb) {
      const size = 1 << (head - 0xd9);
      need(size);
      payload = checkString(length(size), limits);
      pos += size;
    } else if (head === 0xc4 || head === 0xc5 || head === 0xc6) {
      const size = 1 << (head - 0xc4);
      need(size);
      payload = length(size);
      pos += size;
    } else if (head === 0xc7 || head === 0xc8 || head === 0xc9) {
      const size = 1 << (head - 0xc7);
      need(size + 1);
      payload = length(size);
      if (view.getInt8(pos + size) === 0) ext0.push('binary');
      pos += size + 1;
    } else if (head >= 0xd4 && head <= 0xd8) {
      need(1);
      payload = 1 << (head - 0xd4);
      if (view.getInt8(pos) === 0) {
        if (head === 0xd4) ext0.push('undefined');
        else if (head === 0xd7) ext0.push('date');
        else throw new FrameRefused('Extension 0 in a form that has no meaning');
      }
      pos += 1;
    } else if (head === 0xca || head === 0xcb) {
      payload = head === 0xca ? 4 : 8;
    } else if (head >= 0xcc && head <= 0xd3) {
      payload = 1 << ((head - 0xcc) % 4);
    } else {
      throw new FrameRefused(`Not MessagePack: byte 0x${head.toString(16)}`);
    }
    need(payload);
    pos += payload;
  }
  if (pos !== end) throw new FrameRefused(`Frame has ${end - pos} bytes after its value`);
}

function checkString(length: number, limits: FrameLimits): number {
  if (length > limits.maxStrBytes)
    throw new FrameRefused(`String of ${length} bytes over ${limits.maxStrBytes}`);
  return length;
}
