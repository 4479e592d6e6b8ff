import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSigner, formatAllowedSignersLine, writeKeyPair } from '../../../src/journal/signing/index.js';
import { checkNovalidateWithSshKeygen, makeEnv, makeSshKey, signWithSshKeygen, useTempDir, verifyWithSshKeygen } from './ssh-tools.js';

const makeDir = useTempDir();
const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, index) => index));

describe('a Signer with a key Node reads', () => {
  it('makes signatures that ssh-keygen -Y verify and -Y check-novalidate accept', async () => {
    const dir = makeDir();
    const key = await writeKeyPair(join(dir, 'signing_key'), 'alice@example.com');
    const signer = await createSigner({ keyPath: key.privateKeyPath, env: makeEnv(dir) });
    const allowedSigners = `${formatAllowedSignersLine('alice@example.com', signer.publicKey)}\n`;

    for (const data of [Buffer.from('sha256:0123 events.jsonl\n'), ALL_BYTES, Buffer.alloc(0), Buffer.alloc(3 << 20, 7)]) {
      const signature = await signer.sign(data);
      expect(signature).toMatch(/^-----BEGIN SSH SIGNATURE-----\n[\s\S]+\n-----END SSH SIGNATURE-----\n$/);
      const verified = verifyWithSshKeygen(dir, { data, signature, allowedSigners, principal: 'alice@example.com' });
      expect(verified.stdout).toContain(`Good "litops" signature for alice@example.com with ED25519 key ${signer.fingerprint}`);
      expect(verified.status).toBe(0);
      expect(checkNovalidateWithSshKeygen(dir, data, signature).status).toBe(0);
    }
  });

  it('is refused by ssh-keygen for other data, another namespace, or another principal', async () => {
    const dir = makeDir();
    const key = await writeKeyPair(join(dir, 'signing_key'), '');
    const signer = await createSigner({ keyPath: key.privateKeyPath, env: makeEnv(dir) });
    const allowedSigners = `${formatAllowedSignersLine('alice@example.com', signer.publicKey)}\n`;
    const data = Buffer.from('the chain head\n');
    const signature = await signer.sign(data);
    const check = (overrides: Partial<Parameters<typeof verifyWithSshKeygen>[1]>): number | null =>
      verifyWithSshKeygen(dir, { data, signature, allowedSigners, principal: 'alice@example.com', ...overrides }).status;

    expect(check({})).toBe(0);
    expect(check({ data: Buffer.from('the chain head!\n') })).not.toBe(0);
    expect(check({ namespace: 'git' })).not.toBe(0);
    expect(check({ principal: 'mallory@example.com' })).not.toBe(0);
    expect(checkNovalidateWithSshKeygen(dir, data, signature, 'file').status).not.toBe(0);
  });

  it('signs byte for byte as ssh-keygen -Y sign does with the same key (ed25519 is deterministic, hash sha512)', async () => {
    const dir = makeDir();
    const keyPath = join(dir, 'id_ed25519');
    const publicKey = makeSshKey(keyPath, { comment: 'made by ssh-keygen' });
    const signer = await createSigner({ keyPath, env: makeEnv(dir) });
    expect(signer.publicKey).toBe(publicKey);
    for (const data of [Buffer.from('hello\n'), ALL_BYTES]) {
      expect(await signer.sign(data)).toBe(signWithSshKeygen(keyPath, data));
    }
    expect(await signer.sign(ALL_BYTES)).not.toBe(signWithSshKeygen(keyPath, ALL_BYTES, 'litops', 'sha256'));
  });

  it('signs with an ephemeral key that ssh-keygen accepts for the key it announces', async () => {
    const dir = makeDir();
    const signer = await createSigner({ env: makeEnv(dir) });
    expect(signer.ephemeral).toBe(true);
    const data = readFileSync(new URL(import.meta.url));
    const signature = await signer.sign(data);
    const allowedSigners = `${formatAllowedSignersLine('ephemeral', signer.publicKey)}\n`;
    expect(verifyWithSshKeygen(dir, { data, signature, allowedSigners, principal: 'ephemeral' }).status).toBe(0);
  });
});
