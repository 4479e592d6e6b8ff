import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LitopsError } from '../../../src/model/errors.js';
import { generateKeyPair, getFingerprint, writeKeyPair } from '../../../src/journal/signing/index.js';
import { fingerprintWithSshKeygen, sshKeygen, useTempDir } from './ssh-tools.js';

const makeDir = useTempDir();

describe('writeKeyPair', () => {
  it('writes a key that ssh-keygen reads: same fingerprint, same public key, mode 0600 and 0644', async () => {
    const dir = makeDir();
    const path = join(dir, 'config', 'litops', 'signing_key');
    const written = await writeKeyPair(path, 'alice@example.com');

    expect(written.privateKeyPath).toBe(path);
    expect(written.publicKeyPath).toBe(`${path}.pub`);
    expect(written.publicKey).toMatch(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]{43} alice@example\.com$/);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(`${path}.pub`).mode & 0o777).toBe(0o644);
    expect(statSync(join(dir, 'config', 'litops')).mode & 0o777).toBe(0o700);
    expect(readFileSync(`${path}.pub`, 'utf8')).toBe(`${written.publicKey}\n`);

    expect(fingerprintWithSshKeygen(path)).toBe(written.fingerprint);
    expect(getFingerprint(written.publicKey)).toBe(written.fingerprint);
    // -y derives the public key from the private key file alone.
    const derived = sshKeygen(['-y', '-f', path]);
    expect(derived.stderr).toBe('');
    expect(derived.stdout.trim()).toBe(written.publicKey);
  });

  it('writes a private key whose comment ssh-keygen reads back', async () => {
    const dir = makeDir();
    const path = join(dir, 'key');
    await writeKeyPair(path, 'ops team key');
    writeFileSync(`${path}.pub`, 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGarbageGarbageGarbageGarbageGarbageGarbag0 wrong\n');
    // With the .pub replaced, -l must take the comment from the private key itself.
    const listed = sshKeygen(['-l', '-f', path]);
    expect(listed.stdout).toContain('ops team key (ED25519)');
  });

  it('refuses to overwrite an existing private key or .pub, and leaves both untouched', async () => {
    const dir = makeDir();
    const path = join(dir, 'key');
    const first = await writeKeyPair(path, 'first');
    const before = readFileSync(path, 'utf8');
    const error = await writeKeyPair(path, 'second').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LitopsError);
    expect(error).toMatchObject({ code: 'signing-key-exists', exitCode: 2 });
    expect((error as Error).message).toContain(path);
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(readFileSync(`${path}.pub`, 'utf8')).toBe(`${first.publicKey}\n`);

    const other = join(dir, 'other');
    writeFileSync(`${other}.pub`, 'not mine\n');
    await expect(writeKeyPair(other, 'x')).rejects.toMatchObject({ code: 'signing-key-exists', exitCode: 2 });
    expect(() => statSync(other)).toThrow();
    expect(readFileSync(`${other}.pub`, 'utf8')).toBe('not mine\n');
  });

  it('reports a directory it cannot create into as a LitopsError', async () => {
    const dir = makeDir();
    mkdirSync(join(dir, 'blocked'));
    writeFileSync(join(dir, 'blocked', 'file'), '');
    const error = await writeKeyPair(join(dir, 'blocked', 'file', 'key'), 'x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LitopsError);
    expect(error).toMatchObject({ code: 'signing-key-write', exitCode: 2 });
    expect((error as Error).message).toContain(join(dir, 'blocked', 'file'));
  });
});

describe('generateKeyPair', () => {
  it('makes a different key each time, in the openssh-key-v1 format ssh-keygen reads', async () => {
    const dir = makeDir();
    const [one, two] = await Promise.all([generateKeyPair(), generateKeyPair('c')]);
    expect(one.fingerprint).not.toBe(two.fingerprint);
    expect(one.publicKey.split(' ')).toHaveLength(2);
    expect(two.publicKey.endsWith(' c')).toBe(true);
    expect(one.privateKey).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----\n([A-Za-z0-9+/=]{70}\n)+[A-Za-z0-9+/=]{1,70}\n-----END OPENSSH PRIVATE KEY-----\n$/);
    const path = join(dir, 'generated');
    writeFileSync(path, one.privateKey, { mode: 0o600 });
    expect(sshKeygen(['-y', '-f', path]).stdout.trim()).toBe(one.publicKey);
    expect(fingerprintWithSshKeygen(path)).toBe(one.fingerprint);
  });
});
