import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatOpenSshPrivateKey, parseOpenSshPrivateKey } from '../../../src/journal/signing/openssh-private-key.js';
import { readEd25519PublicBlob } from '../../../src/journal/signing/public-key.js';
import { makeSshKey, useTempDir } from './ssh-tools.js';

const makeDir = useTempDir();

function decode(text: string): Buffer {
  return Buffer.from(text.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

/** The offset of the two check integers: after the magic, ciphername, kdfname, kdfoptions, count, public key, section length. */
function checkOffset(bytes: Buffer): number {
  let offset = 'openssh-key-v1\0'.length;
  for (let field = 0; field < 3; field++) offset += 4 + bytes.readUInt32BE(offset);
  offset += 4;
  offset += 4 + bytes.readUInt32BE(offset);
  return offset + 4;
}

describe('the openssh-key-v1 format', () => {
  it('reads the seed, comment and public key of keys ssh-keygen writes', () => {
    const dir = makeDir();
    for (const comment of ['', 'c', 'a longer comment, seven', 'ünïcödé']) {
      const path = join(dir, `k${comment.length}`);
      const publicKey = makeSshKey(path, { comment });
      const key = parseOpenSshPrivateKey(readFileSync(path, 'utf8'));
      expect(key).toMatchObject({ cipher: 'none', keyType: 'ssh-ed25519', comment });
      expect(key.publicKeyBlob.toString('base64')).toBe(publicKey.split(' ')[1]);
      expect(key.seed).toHaveLength(32);
    }
  });

  it('writes what ssh-keygen writes for the same key, apart from the random check bytes', () => {
    const dir = makeDir();
    for (const comment of ['', 'c', 'ab', 'abc', 'a longer comment, seven']) {
      const path = join(dir, `k${comment.length}`);
      makeSshKey(path, { comment });
      const theirs = readFileSync(path, 'utf8');
      const key = parseOpenSshPrivateKey(theirs);
      const ours = formatOpenSshPrivateKey(key.seed ?? Buffer.alloc(0), readEd25519PublicBlob(key.publicKeyBlob), comment);
      const [a, b] = [decode(theirs), decode(ours)];
      const at = checkOffset(a);
      a.fill(0, at, at + 8);
      b.fill(0, at, at + 8);
      expect(b.toString('hex'), `comment ${JSON.stringify(comment)}`).toBe(a.toString('hex'));
      expect(ours.split('\n').map((line) => line.length)).toEqual(theirs.split('\n').map((line) => line.length));
    }
  });

  it('reads only the clear public key of an encrypted key', () => {
    const dir = makeDir();
    const path = join(dir, 'enc');
    const publicKey = makeSshKey(path, { passphrase: 'secret' });
    const key = parseOpenSshPrivateKey(readFileSync(path, 'utf8'));
    expect(key).toMatchObject({ cipher: 'aes256-ctr', keyType: 'ssh-ed25519', seed: null, comment: '' });
    expect(key.publicKeyBlob.toString('base64')).toBe(publicKey.split(' ')[1]);
  });
});
