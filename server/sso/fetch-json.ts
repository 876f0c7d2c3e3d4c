/** A bounded GET of a JSON document from an identity provider: a timeout and a size cap. */

const TIMEOUT_MS = 5_000;
const MAX_BYTES = 256 * 1024;

export type FetchJsonResult = { ok: true; value: unknown } | { ok: false; problem: string };

export async function fetchJson(url: string): Promise<FetchJsonResult> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { accept: 'application/json' },
      redirect: 'error',
    });
  } catch (err) {
    const timedOut = err instanceof Error && err.name === 'TimeoutError';
    return {
      ok: false,
      problem: timedOut ? `no answer within ${TIMEOUT_MS / 1000} s` : 'could not be reached',
    };
  }
  if (!response.ok) {
    await response.body?.cancel();
    return { ok: false, problem: `answered HTTP ${response.status}` };
  }
  const reader = response.body?.getReader();
  if (!reader) return { ok: false, problem: 'answered with an empty body' };
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BYTES) {
      await reader.cancel();
      return { ok: false, problem: `answered more than ${MAX_BYTES / 1024} KiB` };
    }
    chunks.push(value);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { ok: false, problem: 'did not answer JSON' };
  }
}
