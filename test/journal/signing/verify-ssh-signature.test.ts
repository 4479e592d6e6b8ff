import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSigner, getFingerprint, verifySshSignature } from '../../../src/journal/signing/index.js';
import { fingerprintWithSshKeygen, makeEnv, makeSshKey, signWithSshKeygen, useTempDir } from './ssh-tools.js';

const makeDir = useTempDir();
const DATA = Buffer.from('3f2a...  events.jsonl\n9c1b...  runbook.md\n');
const LITOPS = { namespace: 'litops' };

/** The SSHSIG blob inside an armored signature, and back. */
function unarmor(armored: string): Buffer {
  return Buffer.from(armored.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64');
}
function armor(blob: Buffer): string {
  const lines = blob.toString('base64').match(/.{1,70}/g) ?? [];
  return `-----BEGIN SSH SIGNATURE-----\n${lines.join('\n')}\n-----END SSH SIGNATURE-----\n`;
}

function makeKey(dir: string, name: string, type = 'ed25519'): { path: string; publicKey: string } {
  const path = join(dir, name);
  const publicKey = makeSshKey(path, { type });
  return { path, publicKey };
}

describe('verifySshSignature', () => {
  it('accepts ssh-keygen -Y sign signatures (sha512 and sha256) and names the key that made them', () => {
    const dir = makeDir();
    const key = makeKey(dir, 'id_ed25519');
    for (const hashalg of ['sha512', 'sha256']) {
      const result = verifySshSignature(DATA, signWithSshKeygen(key.path, DATA, 'litops', hashalg), LITOPS);
      expect(result).toEqual({
        ok: true,
        publicKey: key.publicKey.split(' ').slice(0, 2).join(' '),
        fingerprint: fingerprintWithSshKeygen(key.path),
      });
    }
    expect(getFingerprint(key.publicKey)).toBe(fingerprintWithSshKeygen(key.path));
  });

  it('accepts CRLF line ends and surrounding blank lines in the armor', () => {
    const dir = makeDir();
    const signature = signWithSshKeygen(makeKey(dir, 'k').path, DATA);
    expect(verifySshSignature(DATA, `\n${signature.replace(/\n/g, '\r\n')}\n`, LITOPS).ok).toBe(true);
  });

  it('fails with a reason for a changed data byte, whichever byte', () => {
    const dir = makeDir();
    const signature = signWithSshKeygen(makeKey(dir, 'k').path, DATA);
    for (const index of [0, 17, DATA.length - 1]) {
      const tampered = Buffer.from(DATA);
      tampered[index] = (tampered[index] ?? 0) ^ 1;
      expect(verifySshSignature(tampered, signature, LITOPS)).toEqual({ ok: false, reason: 'signature does not match' });
    }
    expect(verifySshSignature(Buffer.concat([DATA, Buffer.from('x')]), signature, LITOPS).ok).toBe(false);
  });

  it('fails for another namespace, either way round', () => {
    const dir = makeDir();
    const key = makeKey(dir, 'k');
    expect(verifySshSignature(DATA, signWithSshKeygen(key.path, DATA, 'git'), LITOPS)).toEqual({
      ok: false,
      reason: 'namespace is "git", expected "litops"',
    });
    expect(verifySshSignature(DATA, signWithSshKeygen(key.path, DATA), { namespace: 'file' })).toEqual({
      ok: false,
      reason: 'namespace is "litops", expected "file"',
    });
  });

  it('fails when the public key in the signature is swapped for another', () => {
    const dir = makeDir();
    const signer = makeKey(dir, 'signer');
    const other = makeKey(dir, 'other');
    const blob = unarmor(signWithSshKeygen(signer.path, DATA));
    const signerKey = unarmor(signer.publicKey.split(' ')[1] ?? '');
    const otherKey = unarmor(other.publicKey.split(' ')[1] ?? '');
    const at = blob.indexOf(signerKey);
    expect(at).toBeGreaterThan(0);
    otherKey.copy(blob, at);
    expect(verifySshSignature(DATA, armor(blob), LITOPS)).toEqual({ ok: false, reason: 'signature does not match' });
  });

  it('fails when a byte of the signature itself changes', () => {
    const dir = makeDir();
    const blob = unarmor(signWithSshKeygen(makeKey(dir, 'k').path, DATA));
    blob[blob.length - 5] = (blob[blob.length - 5] ?? 0) ^ 0x40;
    expect(verifySshSignature(DATA, armor(blob), LITOPS)).toEqual({ ok: false, reason: 'signature does not match' });
  });

  it('fails for truncated armor, wherever it was cut', () => {
    const dir = makeDir();
    const signature = signWithSshKeygen(makeKey(dir, 'k').path, DATA);
    const lines = signature.trimEnd().split('\n');
    const cuts = [
      lines.slice(0, -1).join('\n'), // no footer
      [...lines.slice(0, -2), lines.at(-1)].join('\n'), // last base64 line gone
      signature.slice(0, 40),
      '',
    ];
    for (const cut of cuts) {
      const result = verifySshSignature(DATA, cut, LITOPS);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(/^malformed signature: .*(truncated|does not)/);
    }
    const shortBlob = unarmor(signature).subarray(0, 60);
    expect(verifySshSignature(DATA, armor(shortBlob), LITOPS)).toEqual({ ok: false, reason: 'malformed signature: signature is truncated' });
  });

  it('fails for a bad magic, a newer version, trailing bytes or an unknown hash', () => {
    const dir = makeDir();
    const blob = unarmor(signWithSshKeygen(makeKey(dir, 'k').path, DATA));
    const badMagic = Buffer.from(blob);
    badMagic.write('SSHSIH', 0, 'latin1');
    expect(verifySshSignature(DATA, armor(badMagic), LITOPS)).toEqual({ ok: false, reason: 'malformed signature: not an SSHSIG signature (bad magic)' });
    const newer = Buffer.from(blob);
    newer.writeUInt32BE(2, 6);
    expect(verifySshSignature(DATA, armor(newer), LITOPS)).toEqual({
      ok: false,
      reason: 'malformed signature: SSHSIG version 2 is not supported (expected 1)',
    });
    expect(verifySshSignature(DATA, armor(Buffer.concat([blob, Buffer.from([0])])), LITOPS)).toEqual({
      ok: false,
      reason: 'malformed signature: signature has trailing bytes',
    });
    const md5 = Buffer.from(blob.toString('latin1').replace('\u0000\u0000\u0000\u0006sha512', '\u0000\u0000\u0000\u0006sha384'), 'latin1');
    expect(verifySshSignature(DATA, armor(md5), LITOPS)).toEqual({ ok: false, reason: 'hash algorithm "sha384" is not sha256 or sha512' });
  });

  it('says that RSA and ECDSA signatures are not supported', () => {
    const dir = makeDir();
    for (const [type, name] of [['rsa', 'ssh-rsa'], ['ecdsa', 'ecdsa-sha2-nistp256']] as const) {
      const signature = signWithSshKeygen(makeKey(dir, type, type).path, DATA);
      expect(verifySshSignature(DATA, signature, LITOPS)).toEqual({ ok: false, reason: `key type ${name} is not supported (only ssh-ed25519)` });
    }
  });

  it('verifies what a Signer made, and names the signer key', async () => {
    const dir = makeDir();
    const signer = await createSigner({ env: makeEnv(dir) });
    const data = readFileSync(new URL(import.meta.url));
    const result = verifySshSignature(data, await signer.sign(data), LITOPS);
    expect(result).toEqual({ ok: true, publicKey: signer.publicKey.split(' ').slice(0, 2).join(' '), fingerprint: signer.fingerprint });
  });
});
