import { describe, expect, it } from 'vitest';
import { formatMissingInputs } from '../../../src/executor/inputs/index.js';
import { makeVariable } from './make-variable.js';

describe('formatMissingInputs', () => {
  it('names each missing input with its description and how to give it', () => {
    const missing = [
      makeVariable('DB_HOST', { description: 'database host', line: 4 }),
      makeVariable('DB_PASSWORD', { description: 'password of the admin role', secret: true, line: 5 }),
      makeVariable('X', { line: 12 }),
    ];
    expect(formatMissingInputs(missing)).toBe(
      [
        '3 required inputs have no value:',
        '  DB_HOST      database host (line 4)',
        '  DB_PASSWORD  password of the admin role (secret, line 5)',
        '  X            no description (line 12)',
        'Give each one with --set NAME=VALUE, a NAME=VALUE line in an --env-file FILE, or an environment variable:',
        '  --set DB_HOST=...',
        '  DB_PASSWORD=... in an --env-file or the environment (a secret: --set would show it in ps and shell history)',
        '  --set X=...',
      ].join('\n'),
    );
  });

  it('says "1 input" for one, and nothing for none', () => {
    expect(formatMissingInputs([makeVariable('REGION', { description: '  AWS region  ' })]).split('\n').slice(0, 2)).toEqual([
      '1 required input has no value:',
      '  REGION  AWS region (line 1)',
    ]);
    expect(formatMissingInputs([])).toBe('');
  });
});
