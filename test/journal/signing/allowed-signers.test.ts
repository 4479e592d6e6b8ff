import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/model/errors.js';
import { formatAllowedSignersLine, isAllowedSigner, parseAllowedSigners } from '../../../src/journal/signing/index.js';
import { matchPatternList } from '../../../src/journal/signing/match-pattern-list.js';

const KEY_A = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBhLk1UGLToB+5WvhAtMVZK9qIMxwDE6/mv3uLX4RHMq';
const KEY_B = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINUTzmJMQfp6NC6rsfKMMFsSA9pK3dATv3GB7PvIUMTw';

describe('parseAllowedSigners', () => {
  it('reads the forms of ssh-keygen(1) ALLOWED SIGNERS, skipping comments and blank lines', () => {
    const text = [
      '# Comments allowed at start of line',
      `user1@example.com,user2@example.com ${KEY_A} alice's laptop`,
      '',
      '   # an indented comment',
      `*@example.com cert-authority ${KEY_B}`,
      `user2@example.com namespaces="file" ${KEY_A}`,
      `"quoted@example.com" NAMESPACES="litops,git",valid-after="20240101",Valid-Before="20991231235959Z"\t${KEY_B}\r`,
      `\tops-?@example.com,!ops-x@example.com ${KEY_A}`,
    ].join('\n');
    expect(parseAllowedSigners(text)).toEqual([
      { principals: ['user1@example.com', 'user2@example.com'], options: {}, publicKey: KEY_A, line: 2 },
      { principals: ['*@example.com'], options: { 'cert-authority': true }, publicKey: KEY_B, line: 5 },
      { principals: ['user2@example.com'], options: { namespaces: 'file' }, publicKey: KEY_A, line: 6 },
      {
        principals: ['quoted@example.com'],
        options: { namespaces: 'litops,git', 'valid-after': '20240101', 'valid-before': '20991231235959Z' },
        publicKey: KEY_B,
        line: 7,
      },
      { principals: ['ops-?@example.com', '!ops-x@example.com'], options: {}, publicKey: KEY_A, line: 8 },
    ]);
  });

  it('keeps invalid lines with the reason ssh-keygen gives', () => {
    const lines = [
      `alice namespaces=litops ${KEY_A}`,
      `alice bogus ${KEY_A}`,
      `alice namespaces="litops" ${KEY_A.replace('ssh-ed25519', 'ssh-rsa')}`,
      'alice',
      'alice\n',
      `alice namespaces="a",namespaces="b" ${KEY_A}`,
      `alice valid-after="2024" ${KEY_A}`,
      `alice valid-after="20250101",valid-before="20240101" ${KEY_A}`,
      `alice namespaces="unterminated ${KEY_A}`,
      `"alice ${KEY_A}`,
      `alice cert-authority,`,
    ];
    const errors = lines.map((line) => parseAllowedSigners(line)[0]?.error);
    expect(errors).toEqual([
      'bad options: missing start quote',
      'bad options: unknown key option',
      'invalid key',
      'invalid line',
      'missing key',
      'bad options: multiple "namespaces" clauses',
      'bad options: invalid "valid-after" time',
      'bad options: "valid-before" time is before "valid-after"',
      'invalid options',
      'invalid line',
      'missing key',
    ]);
    expect(parseAllowedSigners('alice')[0]).toEqual({ principals: [], options: {}, publicKey: '', line: 1, error: 'invalid line' });
  });
});

describe('isAllowedSigner', () => {
  const at = new Date(2024, 5, 15, 12, 0, 0);
  const allowed = (text: string, principal: string, key = KEY_A, namespace = 'litops'): boolean =>
    isAllowedSigner(parseAllowedSigners(text), principal, key, namespace, { at });

  it('matches principals by pattern, case-sensitively, with ! exclusions', () => {
    expect(allowed(`alice@example.com ${KEY_A}`, 'alice@example.com')).toBe(true);
    expect(allowed(`alice@example.com ${KEY_A}`, 'ALICE@example.com')).toBe(false);
    expect(allowed(`*@example.com ${KEY_A}`, 'bob@example.com')).toBe(true);
    expect(allowed(`*@example.com ${KEY_A}`, 'bob@example.org')).toBe(false);
    expect(allowed(`*,!mallory@* ${KEY_A}`, 'mallory@example.com')).toBe(false);
    expect(allowed(`b?b@example.com ${KEY_A}`, 'bob@example.com')).toBe(true);
    expect(allowed(`b?b@example.com ${KEY_A}`, 'bb@example.com')).toBe(false);
  });

  it('needs the same key, ignoring its comment', () => {
    expect(allowed(`alice ${KEY_A} laptop`, 'alice', `${KEY_A} some other comment`)).toBe(true);
    expect(allowed(`alice ${KEY_A}`, 'alice', KEY_B)).toBe(false);
    expect(allowed(`alice ${KEY_B}\nalice ${KEY_A}`, 'alice', KEY_A)).toBe(true);
    expect(allowed(`alice ${KEY_A}`, 'alice', 'not a key')).toBe(false);
  });

  it('applies namespaces restrictions, going on to later lines', () => {
    expect(allowed(`alice namespaces="litops" ${KEY_A}`, 'alice')).toBe(true);
    expect(allowed(`alice namespaces="git,file" ${KEY_A}`, 'alice')).toBe(false);
    expect(allowed(`alice namespaces="lit*" ${KEY_A}`, 'alice')).toBe(true);
    expect(allowed(`alice namespaces="*,!litops" ${KEY_A}`, 'alice')).toBe(false);
    expect(allowed(`alice namespaces="git" ${KEY_A}\nalice namespaces="litops" ${KEY_A}`, 'alice')).toBe(true);
  });

  it('never accepts a cert-authority line for a plain key', () => {
    expect(allowed(`alice cert-authority ${KEY_A}`, 'alice')).toBe(false);
  });

  it('checks valid-after and valid-before at the given time', () => {
    expect(allowed(`alice valid-after="20240615" ${KEY_A}`, 'alice')).toBe(true);
    expect(allowed(`alice valid-after="20240616" ${KEY_A}`, 'alice')).toBe(false);
    expect(allowed(`alice valid-after="20240615120000" ${KEY_A}`, 'alice')).toBe(true);
    expect(allowed(`alice valid-after="20240615120001" ${KEY_A}`, 'alice')).toBe(false);
    expect(allowed(`alice valid-before="202406151200" ${KEY_A}`, 'alice')).toBe(true);
    expect(allowed(`alice valid-before="20240615115959" ${KEY_A}`, 'alice')).toBe(false);
    expect(isAllowedSigner(parseAllowedSigners(`alice valid-before="20240101" ${KEY_A}`), 'alice', KEY_A, 'litops')).toBe(false);
  });

  it('skips invalid lines, as ssh-keygen -Y verify does after logging them', () => {
    expect(allowed(`alice namespaces=litops ${KEY_A}`, 'alice')).toBe(false);
    expect(allowed(`alice namespaces=litops ${KEY_A}\nalice ${KEY_A}`, 'alice')).toBe(true);
    expect(allowed(`"unclosed ${KEY_A}\nalice ${KEY_A}`, 'alice')).toBe(true);
  });
});

describe('formatAllowedSignersLine', () => {
  it('writes principal, namespaces="litops" and the key without its comment', () => {
    const line = formatAllowedSignersLine('alice@example.com', `${KEY_A} alice@laptop`);
    expect(line).toBe(`alice@example.com namespaces="litops" ${KEY_A}`);
    expect(parseAllowedSigners(line)).toEqual([{ principals: ['alice@example.com'], options: { namespaces: 'litops' }, publicKey: KEY_A, line: 1 }]);
    expect(isAllowedSigner(parseAllowedSigners(line), 'alice@example.com', KEY_A, 'litops')).toBe(true);
    expect(isAllowedSigner(parseAllowedSigners(line), 'alice@example.com', KEY_A, 'git')).toBe(false);
  });

  it('refuses principals the format would read as something else, and keys that are not ed25519', () => {
    for (const principal of ['', 'two words', 'a,b', '*@example.com', 'who?', '!alice', '#alice', 'say"hi"', 'tab\there']) {
      expect(() => formatAllowedSignersLine(principal, KEY_A), principal).toThrow(UsageError);
    }
    expect(() => formatAllowedSignersLine('alice', 'ssh-ed25519 !!!')).toThrow(UsageError);
    expect(() => formatAllowedSignersLine('alice', 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQC7')).toThrow(UsageError);
  });
});

describe('matchPatternList', () => {
  it('follows match.c: any positive match, unless a negated pattern matches', () => {
    expect(matchPatternList('alice', 'alice')).toBe(1);
    expect(matchPatternList('alice', 'bob,alice')).toBe(1);
    expect(matchPatternList('alice', 'bob')).toBe(0);
    expect(matchPatternList('alice', '!alice,*')).toBe(-1);
    expect(matchPatternList('alice', '!bob')).toBe(0);
    expect(matchPatternList('alice', '*')).toBe(1);
    expect(matchPatternList('', '')).toBe(0);
    expect(matchPatternList('a*b', 'a?b')).toBe(1);
    expect(matchPatternList('aXXb', 'a*b*')).toBe(1);
    expect(matchPatternList('ab', 'a**?')).toBe(1);
    expect(matchPatternList('a', 'a**?')).toBe(0);
    expect(matchPatternList('x'.repeat(1100), `${'x'.repeat(1100)}`)).toBe(0);
  });
});
