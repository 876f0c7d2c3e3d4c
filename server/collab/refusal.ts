/** Why the engine refuses a message: an ack error code, and a message for the client. */
import type { Ack, AckErrorCode } from '../../shared/protocol/index.ts';

export class Refusal extends Error {
  constructor(
    readonly code: AckErrorCode,
    message: string,
  ) {
    super(message);
  }
  get reply(): Ack {
    return { ok: false, error: { code: this.code, message: this.message } };
  }
}

/** Decodes one received message, or throws a `malformed` or `too_large` refusal. */
