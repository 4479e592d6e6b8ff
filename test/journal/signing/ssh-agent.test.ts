import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/model/errors.js';
import { createSigner, formatAllowedSignersLine, verifySshSignature } from '../../../src/journal/signing/index.js';
import { fingerprintWithSshKeygen, makeEnv, makeSshKey, startSshAgent, useTempDir, verifyWithSshKeygen, type TestAgent } from './ssh-tools.js';

const makeDir = useTempDir();
const agents: TestAgent[] = [];
afterEach(async () => {
  for (const agent of agents.splice(0)) await agent.stop();
});

async function startAgent(dir: string): Promise<TestAgent> {
  const agent = await startSshAgent(dir);
  agents.push(agent);
  return agent;
}

/** Signs and checks the signature with ssh-keygen -Y verify and with verifySshSignature. */
async function expectSignerWorks(dir: string, signer: Awaited<ReturnType<typeof createSigner>>): Promise<void> {
  const data = Buffer.from(`SHA256SUMS of a run, ${Date.now()}\n`);
  const signature = await signer.sign(data);
  const allowedSigners = `${formatAllowedSignersLine('carol@example.com', signer.publicKey)}\n`;
  const verified = verifyWithSshKeygen(dir, { data, signature, allowedSigners, principal: 'carol@example.com' });
  expect(verified.stdout).toContain('Good "litops" signature for carol@example.com');
  expect(verifySshSignature(data, signature, { namespace: 'litops' })).toMatchObject({ ok: true, fingerprint: signer.fingerprint });
}

describe('keys whose private half Node cannot read', () => {
  it('signs with an encrypted key through ssh-keygen and the ssh-agent holding it', async () => {
    const dir = makeDir();
    const keyPath = join(dir, 'id_ed25519');
    const publicKey = makeSshKey(keyPath, { passphrase: 'correct horse', comment: 'carol@laptop' });
    const agent = await startAgent(dir);
    agent.add(keyPath, 'correct horse');

    const signer = await createSigner({ keyPath, env: makeEnv(dir, { SSH_AUTH_SOCK: agent.socket }) });
    expect(signer).toMatchObject({ publicKey, fingerprint: fingerprintWithSshKeygen(keyPath), source: '--key', keyPath, ephemeral: false });
    await expectSignerWorks(dir, signer);
  });

  it('signs with a key the agent holds, named by its .pub file', async () => {
    const dir = makeDir();
    const keyPath = join(dir, 'agent_key');
    const publicKey = makeSshKey(keyPath, { passphrase: 'pw', comment: 'held by the agent' });
    const agent = await startAgent(dir);
    agent.add(keyPath, 'pw');
    const signer = await createSigner({ env: makeEnv(dir, { SSH_AUTH_SOCK: agent.socket, LITOPS_SIGNING_KEY: `${keyPath}.pub` }) });
    expect(signer).toMatchObject({ publicKey, source: 'LITOPS_SIGNING_KEY', keyPath: `${keyPath}.pub` });
    await expectSignerWorks(dir, signer);
  });

  it('signs with the key in the encrypted file even when the .pub beside it is another key', async () => {
    const dir = makeDir();
    const keyPath = join(dir, 'enc');
    const publicKey = makeSshKey(keyPath, { passphrase: 'pw', comment: 'the comment' });
    const agent = await startAgent(dir);
    agent.add(keyPath, 'pw');
    const env = makeEnv(dir, { SSH_AUTH_SOCK: agent.socket });
    expect((await createSigner({ keyPath, env })).publicKey).toBe(publicKey);
    const other = makeSshKey(join(dir, 'other'));
    agent.add(join(dir, 'other'), '');
    copyFileSync(join(dir, 'other.pub'), `${keyPath}.pub`);
    const signer = await createSigner({ keyPath, env });
    // The comment comes from the .pub only when it is the same key.
    expect(signer.publicKey).toBe(publicKey.split(' ').slice(0, 2).join(' '));
    expect(signer.publicKey).not.toContain(other.split(' ')[1]);
    await expectSignerWorks(dir, signer);
  });

  it('is a UsageError, before any run, for an encrypted key without an agent or not in it', async () => {
    const dir = makeDir();
    const keyPath = join(dir, 'enc');
    makeSshKey(keyPath, { passphrase: 'pw' });
    const noAgent = await createSigner({ keyPath, env: makeEnv(dir) }).catch((error: unknown) => error);
    expect(noAgent).toBeInstanceOf(UsageError);
    expect(noAgent).toMatchObject({ exitCode: 2, code: 'signing-key-agent' });
    expect((noAgent as Error).message).toContain(`signing key ${keyPath} is encrypted`);
    expect((noAgent as Error).message).toContain('start ssh-agent');

    const agent = await startAgent(dir);
    const notAdded = await createSigner({ keyPath, env: makeEnv(dir, { SSH_AUTH_SOCK: agent.socket }) }).catch((error: unknown) => error);
    expect(notAdded).toBeInstanceOf(UsageError);
    expect((notAdded as Error).message).toContain(`ssh-add ${keyPath}`);
    expect((notAdded as Error).message).toContain("Couldn't find key in agent");
  });

  it('is a UsageError for a .pub whose key the agent does not hold', async () => {
    const dir = makeDir();
    const agent = await startAgent(dir);
    makeSshKey(join(dir, 'k'));
    const error = await createSigner({ keyPath: join(dir, 'k.pub'), env: makeEnv(dir, { SSH_AUTH_SOCK: agent.socket }) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain('is a public key');
  });

  it('keeps signing with the key it announced when the .pub file changes during a run', async () => {
    const dir = makeDir();
    const keyPath = join(dir, 'real');
    makeSshKey(keyPath, { passphrase: 'pw' });
    const agent = await startAgent(dir);
    agent.add(keyPath, 'pw');
    const signer = await createSigner({ keyPath: `${keyPath}.pub`, env: makeEnv(dir, { SSH_AUTH_SOCK: agent.socket }) });
    makeSshKey(join(dir, 'impostor'));
    agent.add(join(dir, 'impostor'), '');
    copyFileSync(join(dir, 'impostor.pub'), `${keyPath}.pub`);
    await expectSignerWorks(dir, signer);
    writeFileSync(`${keyPath}.pub`, 'garbage\n');
    await expectSignerWorks(dir, signer);
  });

  it('refuses what an ssh-keygen returns that is not a valid signature by the expected key', async () => {
    const dir = makeDir();
    const keyPath = join(dir, 'real');
    makeSshKey(keyPath, { passphrase: 'pw' });
    const other = join(dir, 'other');
    makeSshKey(other);
    const fakeBin = join(dir, 'bin');
    mkdirSync(fakeBin);
    const script = (body: string): void => writeFileSync(join(fakeBin, 'ssh-keygen'), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
    const env = makeEnv(dir, { PATH: `${fakeBin}:${process.env.PATH ?? ''}`, SSH_AUTH_SOCK: join(dir, 'unused.sock') });

    script(`exec ${realSshKeygen()} -Y sign -f ${other} -n litops`);
    const wrongKey = await createSigner({ keyPath, env }).catch((error: unknown) => error);
    expect(wrongKey).toBeInstanceOf(UsageError);
    expect((wrongKey as Error).message).toContain('returned a bad signature');
    expect((wrongKey as Error).message).toContain('made by another key');

    script(`exec ${realSshKeygen()} -Y sign -f ${other} -n git`);
    await expect(createSigner({ keyPath: other, env })).resolves.toMatchObject({ ephemeral: false });
    await expect(createSigner({ keyPath, env })).rejects.toThrow(/bad signature .*namespace is "git"/);

    script('echo "-----BEGIN SSH SIGNATURE-----"; exit 0');
    await expect(createSigner({ keyPath, env })).rejects.toThrow(/bad signature .*malformed signature/);
  });
});

/** The ssh-keygen on PATH, for fake ones that wrap it. */
function realSshKeygen(): string {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir !== '' && existsSync(join(dir, 'ssh-keygen'))) return join(dir, 'ssh-keygen');
  }
  throw new Error('ssh-keygen not found');
}
