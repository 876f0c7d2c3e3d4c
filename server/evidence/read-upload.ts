/**
 * Reads an upload's body within a size limit, counting while reading: a body over the limit is
 * refused as soon as it passes it (or at once, when its Content-Length says so), without
 * buffering the rest.
 */
import { AppError } from '../errors.ts';

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

export function tooLarge(max: number): AppError {
  return new AppError(
    'too_large',
    `The file is over ${megabytes(max)}: evidence files are limited to ${megabytes(max)}`,
  );
}

/** The body's bytes, or the `too_large` refusal (returned, so that the route can close the connection). */
export async function readUpload(request: Request, max: number): Promise<Uint8Array | AppError> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) return tooLarge(max);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      return tooLarge(max);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
