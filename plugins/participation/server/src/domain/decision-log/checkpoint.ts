import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'crypto';
import { canonicalJson } from './canonical-json';

/**
 * Signed checkpoints of a municipality's decision log, in the spirit of the signed tree heads of
 * RFC 6962/9162: the log's size and head hash at a moment, signed with Ed25519 by a key that is not in
 * the database. Whoever keeps one can later show that the log was rewritten up to that size (the entry at
 * that size no longer has the signed head) or cut below it, even if every later hash was recomputed.
 */

export interface Checkpoint {
  municipalityCode: string;
  /** Number of entries; the head is entry `size`. */
  size: number;
  headHash: string;
  /** ISO 8601 instant, as signed. */
  issuedAt: string;
}

export interface SignedCheckpoint extends Checkpoint {
  /** SHA-256 (hex) of the public key's SPKI DER form: which key signed (keys may be rotated). */
  keyId: string;
  /** Ed25519 signature of `checkpointMessage`, base64url (RFC 4648 §5: safe in a query string). */
  signature: string;
}

/** Keeps a checkpoint's signature from being valid for any other message the key might sign. */
export const CHECKPOINT_CONTEXT = 'participation-decision-log-checkpoint/1';

/** The signed bytes: canonical JSON (RFC 8785) of the context and the four fields. */
export const checkpointMessage = ({ municipalityCode, size, headHash, issuedAt }: Checkpoint) =>
  Buffer.from(canonicalJson({ context: CHECKPOINT_CONTEXT, municipalityCode, size, headHash, issuedAt }), 'utf8');

const requireEd25519 = (key: KeyObject, what: string) => {
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${what} is a ${key.asymmetricKeyType} key, not an Ed25519 key`);
  return key;
};

/**
 * A key as written in settings: PEM (`\n` may be written as the two characters) or base64 of its DER
 * form, whose type the reader adds (PEM names its own, so Node ignores the type there).
 */
const keyText = (text: string) => {
  const trimmed = text.trim().replace(/\\n/g, '\n');
  return trimmed.startsWith('-----BEGIN') ? { key: trimmed, format: 'pem' as const } : { key: Buffer.from(trimmed, 'base64'), format: 'der' as const };
};

/** A private key as PEM (PKCS#8) or as base64 of its PKCS#8 DER form. */
export const readPrivateKey = (text: string): KeyObject => requireEd25519(createPrivateKey({ ...keyText(text), type: 'pkcs8' }), 'the signing key');

/** A public key as PEM (SPKI) or as base64 of its SPKI DER form. */
export const readPublicKey = (text: string): KeyObject => requireEd25519(createPublicKey({ ...keyText(text), type: 'spki' }), 'the public key');

/** The public half (a public key stays as it is). */
const publicHalf = (key: KeyObject) => (key.type === 'public' ? key : createPublicKey(key));

export const publicKeyPem = (key: KeyObject) => publicHalf(key).export({ format: 'pem', type: 'spki' }).toString();

export const keyIdOf = (key: KeyObject) => createHash('sha256').update(publicHalf(key).export({ format: 'der', type: 'spki' })).digest('hex');

export const signCheckpoint = (checkpoint: Checkpoint, privateKey: KeyObject): SignedCheckpoint => ({
  ...checkpoint,
  keyId: keyIdOf(privateKey),
  signature: sign(null, checkpointMessage(checkpoint), privateKey).toString('base64url'),
});

/** Whether `signature` is the key's signature of the checkpoint's fields (the key id is not signed). */
export const checkpointSignatureValid = (checkpoint: Checkpoint & { signature: string }, publicKey: KeyObject): boolean => {
  try {
    return verify(null, checkpointMessage(checkpoint), publicKey, Buffer.from(checkpoint.signature, 'base64url'));
  } catch {
    return false;
  }
};
