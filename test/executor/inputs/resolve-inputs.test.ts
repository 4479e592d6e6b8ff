import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveInputs, type InputSources } from '../../../src/executor/inputs/index.js';
import { makeVariable } from './make-variable.js';

const none: InputSources = { set: {}, envFile: {}, env: {} };

describe('resolveInputs', () => {
  it('takes --set, then --env-file, then the environment, then the default, then front-matter env', () => {
    const variables = ['A', 'B', 'C', 'D', 'E'].map((name) => makeVariable(name, { default: name === 'D' || name === 'A' ? `default-${name}` : null }));
    const result = resolveInputs(variables, {
      set: { A: 'set-A' },
      envFile: { A: 'file-A', B: 'file-B' },
      env: { A: 'env-A', B: 'env-B', C: 'env-C' },
      frontMatterEnv: { A: 'fm-A', D: 'fm-D', E: 'fm-E' },
    });
    expect(result).toEqual({
      values: { A: 'set-A', B: 'file-B', C: 'env-C', D: 'default-D', E: 'fm-E' },
      sources: { A: '--set', B: '--env-file', C: 'environment', D: 'default', E: 'default' },
      missing: [],
    });
  });

  it('lists every required input without a value, in order, and leaves optional ones out', () => {
    const variables = [makeVariable('Z_FIRST', { line: 3 }), makeVariable('OPTIONAL', { required: false }), makeVariable('GIVEN'), makeVariable('A_LAST', { line: 9 })];
    const result = resolveInputs(variables, { ...none, env: { GIVEN: 'x' } });
    expect(result.values).toEqual({ GIVEN: 'x' });
    expect(result.missing.map((variable) => variable.name)).toEqual(['Z_FIRST', 'A_LAST']);
    expect(result.missing[0]).toBe(variables[0]);
  });

  it('treats an empty environment variable as unset, but an empty --set or env-file value as given', () => {
    const variables = [makeVariable('FROM_ENV'), makeVariable('WITH_DEFAULT', { default: 'd' }), makeVariable('SET'), makeVariable('FILE')];
    const result = resolveInputs(variables, { set: { SET: '' }, envFile: { FILE: '' }, env: { FROM_ENV: '', WITH_DEFAULT: '', SET: 'env', FILE: 'env' } });
    expect(result.values).toEqual({ WITH_DEFAULT: 'd', SET: '', FILE: '' });
    expect(result.sources).toEqual({ WITH_DEFAULT: 'default', SET: '--set', FILE: '--env-file' });
    expect(result.missing.map((variable) => variable.name)).toEqual(['FROM_ENV']);
  });

  it('passes through names given by --set or --env-file that are not inputs, --set first', () => {
    const variables = [makeVariable('IN'), makeVariable('CAPTURED', { role: 'set', required: false, setBy: ['s/1'] })];
    const result = resolveInputs(variables, {
      set: { CAPTURED: 'override', EXTRA: 'set' },
      envFile: { EXTRA: 'file', ONLY_FILE: 'f', IN: 'in' },
      env: { CAPTURED: 'env', UNRELATED: 'env' },
    });
    expect(result.values).toEqual({ IN: 'in', CAPTURED: 'override', EXTRA: 'set', ONLY_FILE: 'f' });
    expect(result.sources).toEqual({ IN: '--env-file', CAPTURED: '--set', EXTRA: '--set', ONLY_FILE: '--env-file' });
    expect(Object.keys(result.values)).toEqual(['IN', 'CAPTURED', 'EXTRA', 'ONLY_FILE']);
  });

  it('does not resolve variables that cells set from the environment', () => {
    const result = resolveInputs([makeVariable('TMP', { role: 'set', required: false })], { ...none, env: { TMP: '/tmp' } });
    expect(result).toEqual({ values: {}, sources: {}, missing: [] });
  });

  it('does not take inherited properties as values (a variable called constructor)', () => {
    const result = resolveInputs([makeVariable('constructor'), makeVariable('toString', { default: 'd' })], none);
    expect(result.values).toEqual({ toString: 'd' });
    expect(result.missing.map((variable) => variable.name)).toEqual(['constructor']);
  });

  it('always takes the first source that has a value (property)', () => {
    const maybe = fc.option(fc.string({ maxLength: 3 }), { nil: undefined });
    fc.assert(
      fc.property(maybe, maybe, maybe, maybe, maybe, fc.boolean(), (set, file, env, fallback, fmEnv, required) => {
        const variable = makeVariable('X', { default: fallback ?? null, required });
        const record = (value: string | undefined): Record<string, string> => (value === undefined ? {} : { X: value });
        const result = resolveInputs([variable], { set: record(set), envFile: record(file), env: record(env), frontMatterEnv: record(fmEnv) });
        const candidates: [string | undefined, string][] = [[set, '--set'], [file, '--env-file'], [env === '' ? undefined : env, 'environment'], [fallback, 'default'], [fmEnv, 'default']];
        const first = candidates.find(([value]) => value !== undefined);
        expect(result.values).toEqual(first ? { X: first[0] } : {});
        expect(result.sources).toEqual(first ? { X: first[1] } : {});
        expect(result.missing).toEqual(!first && required ? [variable] : []);
      }),
    );
  });
});
