import { generateKeyPairSync, createPublicKey } from 'crypto';
import { canonicalJson } from './canonical-json';
import { CHECKPOINT_CONTEXT, checkpointMessage, checkpointSignatureValid, keyIdOf, publicKeyPem, readPrivateKey, readPublicKey, signCheckpoint } from './checkpoint';

const { privateKey } = generateKeyPairSync('ed25519');
const publicKey = createPublicKey(privateKey);
const checkpoint = { municipalityCode: 'SHK', size: 7, headHash: 'a'.repeat(64), issuedAt: '2026-12-05T14:00:00.000Z' };

describe('signed checkpoints', () => {
  it('signs the canonical JSON of the context, municipality, size, head and time', () => {
    expect(checkpointMessage(checkpoint).toString()).toBe(
      canonicalJson({ context: CHECKPOINT_CONTEXT, municipalityCode: 'SHK', size: 7, headHash: 'a'.repeat(64), issuedAt: '2026-12-05T14:00:00.000Z' })
    );
    const signed = signCheckpoint(checkpoint, privateKey);
    expect(signed).toMatchObject({ ...checkpoint, keyId: keyIdOf(publicKey), signature: expect.stringMatching(/^[A-Za-z0-9_-]{86}$/) });
    expect(checkpointSignatureValid(signed, publicKey)).toBe(true);
  });

  it.each([
    ['municipalityCode', 'KOR'],
    ['size', 6],
    ['headHash', 'b'.repeat(64)],
    ['issuedAt', '2026-12-05T14:00:00.001Z'],
  ])('does not verify once %s differs from what was signed', (field, value) => {
    const signed = signCheckpoint(checkpoint, privateKey);
    expect(checkpointSignatureValid({ ...signed, [field]: value }, publicKey)).toBe(false);
  });

  it('does not verify with another key, or a signature that is not one', () => {
    const signed = signCheckpoint(checkpoint, privateKey);
    expect(checkpointSignatureValid(signed, createPublicKey(generateKeyPairSync('ed25519').privateKey))).toBe(false);
    expect(checkpointSignatureValid({ ...signed, signature: 'not-a-signature' }, publicKey)).toBe(false);
  });

  it('reads keys as PEM (also with \\n written out) or as base64 DER, and only Ed25519 keys', () => {
    const der = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(keyIdOf(readPrivateKey(der))).toBe(keyIdOf(publicKey));
    expect(keyIdOf(readPrivateKey(pem.replace(/\n/g, '\\n')))).toBe(keyIdOf(publicKey));
    expect(keyIdOf(readPublicKey(publicKeyPem(privateKey)))).toBe(keyIdOf(publicKey));
    expect(keyIdOf(readPublicKey(publicKey.export({ format: 'der', type: 'spki' }).toString('base64')))).toBe(keyIdOf(publicKey));
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(() => readPrivateKey(rsa)).toThrow(/not an Ed25519 key/);
  });
});
