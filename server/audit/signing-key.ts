/**
 * The Ed25519 key that signs the audit chain's checkpoints, and the signed text of a checkpoint:
 *
 *   jalon-audit-checkpoint/1\n<seq>\n<hash>\n<at, ms since the epoch>
 *
 * A checkpoint says "entry <seq> of the chain had hash <hash> at <at>". Its key id is the first
 * 16 hex digits of sha256 of the raw 32-byte public key, so a verifier holding several public
 * keys knows which one to try. The key lives outside the database (server/config.ts).
 */
import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

export interface CheckpointClaim {
  seq: number;
  hash: string;
  /** ms since the epoch */
  at: number;
}

export interface SignedCheckpoint extends CheckpointClaim {
  kind: 'commit' | 'gate' | 'periodic' | 'adopted';
  keyId: string;
  /** base64 */
  signature: string;
}

export interface AuditPublicKey {
  keyId: string;
  /** base64 of the raw 32-byte public key: what an outside verifier needs */
  raw: string;
  key: KeyObject;
}

export interface AuditSigningKey {
  publicKey: AuditPublicKey;
  sign(claim: CheckpointClaim): string;
}

// DER prefixes of an Ed25519 private key (PKCS#8) and public key (SPKI) around the raw 32 bytes.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function checkpointText(claim: CheckpointClaim): string {
  return `jalon-audit-checkpoint/1\n${claim.seq}\n${claim.hash}\n${claim.at}`;
}

/** The key from its 32-byte seed, loaded once: signing is then one call (tens of µs). */
export function loadSigningKey(seed: Buffer): AuditSigningKey {
  if (seed.length !== 32) throw new Error('An Ed25519 seed is 32 bytes');
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  const publicKey = publicKeyFromRaw(spki.subarray(SPKI_PREFIX.length).toString('base64'));
  return {
    publicKey,
    sign: (claim) => sign(null, Buffer.from(checkpointText(claim)), privateKey).toString('base64'),
  };
}

/** A public key from the base64 of its raw 32 bytes. */
export function publicKeyFromRaw(rawBase64: string): AuditPublicKey {
  const raw = Buffer.from(rawBase64, 'base64');
  if (raw.length !== 32) throw new Error('An Ed25519 public key is 32 bytes');
  return {
    keyId: createHash('sha256').update(raw).digest('hex').slice(0, 16),
    raw: raw.toString('base64'),
    key: createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' }),
  };
}

export function signatureHolds(key: AuditPublicKey, checkpoint: CheckpointClaim & { signature: string }) {
  try {
    return verify(
      null,
      Buffer.from(checkpointText(checkpoint)),
      key.key,
      Buffer.from(checkpoint.signature, 'base64'),
    );
  } catch {
    // A signature of the wrong length makes verify throw rather than answer false.
    return false;
  }
}
