import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/model/errors.js';
import { createSigner, getDefaultKeyPath, writeKeyPair } from '../../../src/journal/signing/index.js';
import { fingerprintWithSshKeygen, makeEnv, makeSshKey, sshKeygen, useTempDir } from './ssh-tools.js';

const makeDir = useTempDir();

/** Re-armors an OpenSSH private key after `edit` changed its bytes. */
function editPrivateKey(text: string, edit: (bytes: Buffer) => void): string {
  const bytes = Buffer.from(text.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64');
  edit(bytes);
  const lines = bytes.toString('base64').match(/.{1,70}/g) ?? [];
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines.join('\n')}\n-----END OPENSSH PRIVATE KEY-----\n`;
}

async function expectUsageError(promise: Promise<unknown>, ...fragments: string[]): Promise<void> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UsageError);
  expect(error).toMatchObject({ exitCode: 2 });
  for (const fragment of fragments) expect((error as Error).message).toContain(fragment);
}

describe('getDefaultKeyPath', () => {
  it('uses an absolute XDG_CONFIG_HOME, else HOME/.config', () => {
    expect(getDefaultKeyPath({ XDG_CONFIG_HOME: '/etc/xdg-alice', HOME: '/home/alice' })).toBe('/etc/xdg-alice/litops/signing_key');
    expect(getDefaultKeyPath({ XDG_CONFIG_HOME: 'relative', HOME: '/home/alice' })).toBe('/home/alice/.config/litops/signing_key');
    expect(getDefaultKeyPath({ HOME: '/home/alice' })).toBe('/home/alice/.config/litops/signing_key');
  });
});

describe('createSigner', () => {
  it('takes --key, else LITOPS_SIGNING_KEY, else the default key, else an ephemeral one', async () => {
    const dir = makeDir();
    const env = makeEnv(dir);
    const flag = await writeKeyPair(join(dir, 'flag_key'), 'flag');
    const fromEnv = await writeKeyPair(join(dir, 'env_key'), 'env');
    const defaultPath = getDefaultKeyPath(env);
    expect(defaultPath).toBe(join(dir, 'home', '.config', 'litops', 'signing_key'));

    const ephemeral = await createSigner({ env });
    expect(ephemeral).toMatchObject({ source: 'ephemeral', ephemeral: true, keyPath: null });
    expect(ephemeral.publicKey).toMatch(/^ssh-ed25519 AAAA\S+ litops-ephemeral$/);
    expect((await createSigner({ env })).fingerprint).not.toBe(ephemeral.fingerprint);

    const byDefault = await writeKeyPair(defaultPath, 'default');
    expect(await createSigner({ env })).toMatchObject({ source: 'default', keyPath: defaultPath, fingerprint: byDefault.fingerprint, ephemeral: false });
    const withEnv = { ...env, LITOPS_SIGNING_KEY: fromEnv.privateKeyPath };
    expect(await createSigner({ env: withEnv })).toMatchObject({ source: 'LITOPS_SIGNING_KEY', keyPath: fromEnv.privateKeyPath, fingerprint: fromEnv.fingerprint });
    expect(await createSigner({ env: withEnv, keyPath: flag.privateKeyPath })).toMatchObject({
      source: '--key',
      keyPath: flag.privateKeyPath,
      fingerprint: flag.fingerprint,
      publicKey: flag.publicKey,
    });
    expect(await createSigner({ env: { ...env, LITOPS_SIGNING_KEY: '' }, keyPath: null })).toMatchObject({ source: 'default' });
  });

  it('honours XDG_CONFIG_HOME for the default key, and expands ~/ in LITOPS_SIGNING_KEY', async () => {
    const dir = makeDir();
    const env = makeEnv(dir, { XDG_CONFIG_HOME: join(dir, 'xdg') });
    const key = await writeKeyPair(join(dir, 'xdg', 'litops', 'signing_key'), '');
    expect(await createSigner({ env })).toMatchObject({ source: 'default', fingerprint: key.fingerprint });
    const inHome = await writeKeyPair(join(dir, 'home', 'keys', 'k'), '');
    expect(await createSigner({ env: { ...env, LITOPS_SIGNING_KEY: '~/keys/k' } })).toMatchObject({
      keyPath: inHome.privateKeyPath,
      fingerprint: inHome.fingerprint,
    });
  });

  it('reads an unencrypted key made by ssh-keygen -t ed25519 -N ""', async () => {
    const dir = makeDir();
    const keyPath = join(dir, 'id_ed25519');
    const publicKey = makeSshKey(keyPath, { comment: 'bob@ops' });
    const signer = await createSigner({ keyPath, env: makeEnv(dir) });
    expect(signer).toMatchObject({ publicKey, fingerprint: fingerprintWithSshKeygen(keyPath), source: '--key', keyPath, ephemeral: false });
  });

  it('is a UsageError naming the file and its source when a named key is missing or not a file', async () => {
    const dir = makeDir();
    const env = makeEnv(dir);
    await expectUsageError(createSigner({ keyPath: join(dir, 'nope'), env }), join(dir, 'nope'), 'from --key', 'does not exist');
    await expectUsageError(createSigner({ env: { ...env, LITOPS_SIGNING_KEY: join(dir, 'nope') } }), 'from LITOPS_SIGNING_KEY', 'does not exist');
    await expectUsageError(createSigner({ keyPath: dir, env }), 'is not a file');
  });

  it('is a UsageError for keys that are not ed25519, or not OpenSSH keys', async () => {
    const dir = makeDir();
    const env = makeEnv(dir);
    makeSshKey(join(dir, 'rsa'), { type: 'rsa' });
    makeSshKey(join(dir, 'ecdsa'), { type: 'ecdsa' });
    await expectUsageError(createSigner({ keyPath: join(dir, 'rsa'), env }), 'is an ssh-rsa key', 'ssh-ed25519 keys only');
    await expectUsageError(createSigner({ keyPath: join(dir, 'ecdsa'), env }), 'is an ecdsa-sha2-nistp256 key');
    await expectUsageError(createSigner({ keyPath: join(dir, 'rsa.pub'), env }), 'is an ssh-rsa public key');

    const pem = join(dir, 'pem');
    expect(sshKeygen(['-q', '-t', 'rsa', '-b', '2048', '-m', 'PEM', '-N', '', '-f', pem]).status).toBe(0);
    await expectUsageError(createSigner({ keyPath: pem, env }), 'is not an OpenSSH private key (-----BEGIN RSA PRIVATE KEY-----)');

    writeFileSync(join(dir, 'text'), 'just some text\n', { mode: 0o600 });
    await expectUsageError(createSigner({ keyPath: join(dir, 'text'), env }), 'is not a valid OpenSSH key');
  });

  it('is a UsageError for a private key others may read, as ssh refuses one', async () => {
    const dir = makeDir();
    const key = await writeKeyPair(join(dir, 'k'), '');
    chmodSync(key.privateKeyPath, 0o640);
    await expectUsageError(createSigner({ keyPath: key.privateKeyPath, env: makeEnv(dir) }), 'readable by others (mode 0640)', 'chmod 600');
  });

  it('is a UsageError for a corrupt key, rather than signing under a false name', async () => {
    const dir = makeDir();
    const keyPath = join(dir, 'id_ed25519');
    const publicKey = makeSshKey(keyPath);
    const original = readFileSync(keyPath, 'utf8');
    const rawPublic = Buffer.from(publicKey.split(' ')[1] ?? '', 'base64').subarray(19);
    const cases: Array<[string, (bytes: Buffer) => void, string]> = [
      ['seed', (bytes) => { const at = bytes.lastIndexOf(rawPublic) - 32; bytes[at] = (bytes[at] ?? 0) ^ 1; }, 'does not match its public key'],
      ['checkint', (bytes) => { const at = bytes.indexOf(Buffer.from('ssh-ed25519'), 60) - 8; bytes[at] = (bytes[at] ?? 0) ^ 1; }, 'check bytes differ'],
      ['public key', (bytes) => { const at = bytes.indexOf(rawPublic); bytes[at] = (bytes[at] ?? 0) ^ 1; }, 'does not match its public key'],
    ];
    for (const [what, edit, message] of cases) {
      writeFileSync(keyPath, editPrivateKey(original, edit), { mode: 0o600 });
      await expectUsageError(createSigner({ keyPath, env: makeEnv(dir) }), message).catch((error: unknown) => {
        throw new Error(`corrupt ${what}: ${String(error)}`);
      });
    }
  });

  it('is a UsageError when the default key exists but is broken, instead of going ephemeral', async () => {
    const dir = makeDir();
    const env = makeEnv(dir);
    const path = getDefaultKeyPath(env);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, 'truncated', { mode: 0o600 });
    await expectUsageError(createSigner({ env }), path, 'the default key');
  });

  it('is ephemeral when neither HOME nor XDG_CONFIG_HOME holds a key', async () => {
    const dir = makeDir();
    const signer = await createSigner({ env: { PATH: process.env.PATH ?? '', HOME: join(dir, 'empty-home'), XDG_CONFIG_HOME: join(dir, 'empty-xdg') } });
    expect(signer).toMatchObject({ ephemeral: true, source: 'ephemeral', keyPath: null });
  });
});
