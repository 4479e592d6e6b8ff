import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAllowedSigner, parseAllowedSigners, type AllowedSigner } from '../../../src/journal/signing/index.js';
import { matchPatternList } from '../../../src/journal/signing/match-pattern-list.js';
import { makeSshKey, signWithSshKeygen, sshKeygen, useTempDir, verifyWithSshKeygen } from './ssh-tools.js';

/**
 * isAllowedSigner and parseAllowedSigners against ssh-keygen itself: for each
 * allowed_signers text, principal, namespace and signing key, litops must
 * decide as `ssh-keygen -Y verify` does; `-Y find-principals` and
 * `-Y match-principals` must find what parseAllowedSigners read.
 */

const makeDir = useTempDir();
const DATA = Buffer.from('SHA256SUMS\n');
const PRINCIPALS = ['alice@example.com', 'bob@example.com', 'mallory@example.com'];
const NAMESPACES = ['litops', 'git'];
const VERIFY_TIME = '20240615120000';
const AT = new Date(2024, 5, 15, 12, 0, 0);

/** Allowed signers texts; A and B stand for the two test keys, R for an RSA key. */
const TEXTS = [
  'alice@example.com A',
  'alice@example.com,bob@example.com A a comment here',
  '*@example.com A',
  '*@example.com,!mallory@example.com A',
  '*,!bob@* B\nbob@example.com A',
  'alice@example.com namespaces="litops" A',
  'alice@example.com namespaces="git,file" A',
  'alice@example.com namespaces="lit*" A',
  'alice@example.com namespaces="*,!git" A',
  'alice@example.com NAMESPACES="litops" A',
  'alice@example.com cert-authority A',
  'alice@example.com cert-authority,namespaces="litops" A',
  'alice@example.com namespaces=litops A',
  'alice@example.com namespaces=litops A\nalice@example.com A',
  'bob@example.com namespaces=litops A\nalice@example.com A',
  'alice@example.com bogus-option A\nbob@example.com A',
  '"alice@example.com" A',
  '"alice@example.com,bob@example.com" namespaces="litops" A',
  'al?ce@example.com A',
  '  # comment\n\n\talice@example.com\tA',
  'alice@example.com B\nalice@example.com A',
  'alice@example.com namespaces="git" A\nalice@example.com namespaces="litops" A',
  'alice@example.com valid-after="20240101" A',
  'alice@example.com valid-after="20240616" A',
  'alice@example.com valid-after="20240615120000" A',
  'alice@example.com valid-after="20240615120001" A',
  'alice@example.com valid-before="20240615120000" A',
  'alice@example.com valid-before="20240615115959" A',
  'alice@example.com valid-after="20240615115959Z",valid-before="20240615120001Z" A',
  'alice@example.com valid-before="20240615" A',
  'alice@example.com valid-before="20240101",valid-after="20250101" A',
  'alice@example.com valid-after="2024" A\nbob@example.com A',
  'alice@example.com A\r\nbob@example.com B\r\n',
  'alice@example.com R\nalice@example.com A',
  'alice@example.com rsa-sha2-512 R_BODY\nbob@example.com A',
  'alice@example.com ssh-rsa A_BODY\nbob@example.com A',
  'alice@example.com namespaces="litops" cert-authority A',
  'bob@example.com\nalice@example.com A',
  'alice@example.com namespaces="a\\"b,litops" A',
  '"unclosed A\nalice@example.com A',
  'alice@example.com    A    trailing comment   \n',
];

describe('allowed signers, against ssh-keygen', () => {
  let dir = '';
  const keys: Record<string, string> = {};
  const signatures: Record<string, string> = {};
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'litops-signing-agreement-'));
    for (const name of ['A', 'B']) {
      keys[name] = makeSshKey(join(dir, name)).split(' ').slice(0, 2).join(' ');
      for (const namespace of NAMESPACES) signatures[`${name}/${namespace}`] = signWithSshKeygen(join(dir, name), DATA, namespace);
    }
    keys.R = makeSshKey(join(dir, 'R'), { type: 'rsa' }).split(' ').slice(0, 2).join(' ');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const expand = (text: string): string =>
    text
      .replace(/\b([ABR])_BODY\b/g, (_, name: string) => keys[name]?.split(' ')[1] ?? '')
      .replace(/(?<=\s)([ABR])(?=\s|$)/g, (_, name: string) => keys[name] ?? '');

  describe.each(TEXTS)('for %j', (template) => {
    it('decides like ssh-keygen -Y verify for every principal, namespace and key', () => {
      const text = expand(template);
      const entries = parseAllowedSigners(text);
      for (const principal of PRINCIPALS) {
        for (const namespace of NAMESPACES) {
          for (const key of ['A', 'B']) {
            const signature = signatures[`${key}/${namespace}`] ?? '';
            const byOpenSsh = verifyWithSshKeygen(dir, { data: DATA, signature, allowedSigners: text, principal, namespace, verifyTime: VERIFY_TIME });
            const ours = isAllowedSigner(entries, principal, keys[key] ?? '', namespace, { at: AT });
            expect(ours, `${principal} ${namespace} key ${key}: ssh-keygen said ${byOpenSsh.stderr.trim()}`).toBe(byOpenSsh.status === 0);
          }
        }
      }
    });
  });

  it('has cases of both answers, or agreement would prove little', () => {
    const answers = TEXTS.flatMap((template) => {
      const entries = parseAllowedSigners(expand(template));
      return PRINCIPALS.flatMap((principal) =>
        NAMESPACES.flatMap((namespace) => ['A', 'B'].map((key) => isAllowedSigner(entries, principal, keys[key] ?? '', namespace, { at: AT }))),
      );
    });
    expect(answers.filter(Boolean).length).toBeGreaterThan(40);
    expect(answers.filter((answer) => !answer).length).toBeGreaterThan(300);
  });

  it('reads times in the local time zone unless they end in Z or UTC, as ssh-keygen does', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      const at = new Date(2024, 5, 15, 12, 0, 0); // 16:00 UTC
      const env = { PATH: process.env.PATH ?? '', TZ: 'America/New_York' };
      const options = [
        'valid-after="20240615140000Z"',
        'valid-after="20240615140000"',
        'valid-after="20240615140000utc"',
        'valid-before="20240615150000Z"',
        'valid-before="20240615150000"',
        'valid-after="20240615"',
        'valid-after="20240615Z",valid-before="20240615155959Z"',
      ];
      const answers = options.map((option) => {
        const text = `alice@example.com ${option} ${keys.A ?? ''}\n`;
        const signature = signatures['A/litops'] ?? '';
        const byOpenSsh = verifyWithSshKeygen(dir, { data: DATA, signature, allowedSigners: text, principal: 'alice@example.com', verifyTime: VERIFY_TIME, env });
        const ours = isAllowedSigner(parseAllowedSigners(text), 'alice@example.com', keys.A ?? '', 'litops', { at });
        expect(ours, option).toBe(byOpenSsh.status === 0);
        return ours;
      });
      expect(answers).toEqual([true, false, true, false, true, true, false]);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('finds the principals ssh-keygen -Y find-principals finds for a key', () => {
    for (const template of TEXTS) {
      const text = expand(template);
      const signersPath = join(dir, 'find_signers');
      writeFileSync(signersPath, text);
      for (const key of ['A', 'B']) {
        const signaturePath = join(dir, 'find.sig');
        writeFileSync(signaturePath, signatures[`${key}/litops`] ?? '');
        const result = sshKeygen(['-Y', 'find-principals', '-s', signaturePath, '-f', signersPath, '-O', `verify-time=${VERIFY_TIME}`]);
        // find-principals prints the line's principals one per line.
        const expected = result.status === 0 ? result.stdout.trim().split('\n').join(',') : null;
        expect(findPrincipals(parseAllowedSigners(text), keys[key] ?? ''), `${JSON.stringify(template)} key ${key}`).toBe(expected);
      }
    }
  });

  it('matches principal patterns as ssh-keygen -Y match-principals does', () => {
    const own = makeDir();
    const key = makeSshKey(join(own, 'k')).split(' ').slice(0, 2).join(' ');
    const patterns = ['alice', 'al*', '*ce', 'a?ice', '*', '?', 'a*e*', '!alice,*', '*,!bob', 'bob,alice', 'ALICE', 'a**e', '*@*.com', 'al?', '!x,al*'];
    const text = patterns.map((pattern) => `${pattern} ${key}`).join('\n');
    writeFileSync(join(own, 'signers'), `${text}\n`);
    for (const identity of ['alice', 'bob', 'a', 'ali', 'x', 'alice@example.com', 'aXeYe', '']) {
      const result = sshKeygen(['-Y', 'match-principals', '-I', identity, '-f', join(own, 'signers')]);
      const byOpenSsh = result.status === 0 ? result.stdout.trim().split('\n') : [];
      const ours = parseAllowedSigners(text)
        .map((entry) => entry.principals.join(','))
        .filter((list) => matchPatternList(identity, list) === 1);
      expect(ours, `identity ${JSON.stringify(identity)}`).toEqual(byOpenSsh);
    }
  });
});

/** What `ssh-keygen -Y find-principals` finds, from parsed entries: the first valid line for the key, or null. */
function findPrincipals(entries: AllowedSigner[], publicKey: string): string | null {
  for (const entry of entries) {
    if (entry.error !== undefined) continue;
    if (entry.options['cert-authority'] === true || entry.publicKey !== publicKey) continue;
    // isAllowedSigner with the line's own principal list checks validity times; namespaces do not count here.
    const list = entry.principals.join(',');
    const timely = isAllowedSigner([{ ...entry, principals: ['*'], options: { ...entry.options, namespaces: '*' } }], list, publicKey, 'any', { at: AT });
    if (timely) return list;
  }
  return null;
}
