import { describe, expect, it } from 'vitest';
import type { Attributes } from '../../../src/model/attributes.js';
import type { Diagnostic } from '../../../src/model/diagnostic.js';
import { parseFenceMeta } from '../../../src/parser/attributes/index.js';

// As in "```sh {…}": the meta starts at column 7 of line 12.
const AT = { line: 12, column: 7 };
const diag = (severity: Diagnostic['severity'], rule: string, message: string, column: number, line = 12): Diagnostic => ({ severity, rule, message, line, column });

describe('parseFenceMeta: both Runme syntaxes', () => {
  it.each<[string, string | null, Attributes]>([
    ['no meta', null, {}],
    ['blank meta', '   ', {}],
    ['empty braces', '{}', {}],
    ['empty spaced braces', '{ }', {}],
    ['JSON, Runme style strings', '{"name":"x","interactive":"false"}', { name: 'x', interactive: false }],
    ['JSON, real booleans and lists', '{"skip":true,"readonly":false,"needs":["a","b"],"tag":"x, y"}', { skip: true, readonly: false, needs: ['a', 'b'], tag: ['x', 'y'] }],
    ['JSON with spaces', '{ "name" : "x" , "timeout" : 90 }', { name: 'x', timeout: 90_000 }],
    ['JSON escapes', '{"cwd":"/tmp/a\\"b","name":"\\u0041"}', { cwd: '/tmp/a"b', name: 'A' }],
    ['spaced', '{ name=x interactive=false }', { name: 'x', interactive: false }],
    ['spaced, no inner spaces', '{name=x}', { name: 'x' }],
    ['spaced, quoted values', `{ name="my cell" cwd='/tmp/a b' }`, { name: 'my cell', cwd: '/tmp/a b' }],
    ['spaced, escaped quotes', '{ expect="stdout contains \\"ok\\"" }', { expect: ['stdout contains "ok"'] }],
    ['spaced, other backslashes stay', '{ expect="stdout matches /\\d+/" }', { expect: ['stdout matches /\\d+/'] }],
    ['spaced, single quotes hold double quotes', `{ expect='stdout contains "ok"' }`, { expect: ['stdout contains "ok"'] }],
    ['spaced, bare key means true', '{ readonly destructive=no }', { readonly: true, destructive: false }],
    ['spaced, quoted booleans', '{ interactive="false" skip="yes" }', { interactive: false, skip: true }],
    ['spaced, repeated list keys add up', '{ expect="exit == 0" expect="rows == 0" tag=a,b tag=c needs=x }', { expect: ['exit == 0', 'rows == 0'], tag: ['a', 'b', 'c'], needs: ['x'] }],
    ['durations', '{ timeout=1m30s }', { timeout: 90_000 }],
    ['every known key', '{ name=n skip=false interactive=true timeout=2s cwd=/srv connection=main readonly=true destructive=true capture=OUT needs=a tag=t check="a value < 1" lang=sql }', {
      name: 'n', skip: false, interactive: true, timeout: 2000, cwd: '/srv', connection: 'main', readonly: true, destructive: true, capture: 'OUT', needs: ['a'], tag: ['t'], check: 'a value < 1', lang: 'sql',
    }],
    ['Runme keys are kept silently', '{"background":"true","closeTerminalOnSuccess":"false","promptEnv":"no","id":"01HY","terminalRows":"10","mimeType":"text/plain","category":"setup","interpreter":"bash","runme.dev/uuid":"u"}', {
      runme: { background: 'true', closeTerminalOnSuccess: 'false', promptEnv: 'no', id: '01HY', terminalRows: '10', mimeType: 'text/plain', category: 'setup', interpreter: 'bash', 'runme.dev/uuid': 'u' },
    }],
    ['excludeFromRunAll maps to skip', '{ excludeFromRunAll=true }', { skip: true, runme: { excludeFromRunAll: 'true' } }],
    ['an explicit skip wins over excludeFromRunAll', '{"excludeFromRunAll":"true","skip":false}', { skip: false, runme: { excludeFromRunAll: 'true' } }],
  ])('%s: %j', (_, meta, attributes) => {
    const result = parseFenceMeta(meta, AT);
    expect(result.diagnostics).toEqual([]);
    expect(result.attributes).toEqual(attributes);
  });

  it('parses each expect into expectations', () => {
    const result = parseFenceMeta('{"expect":["exit == 0","stdout contains \\"ok\\""]}', AT);
    expect(result.expectations.map((e) => [e.source, e.subject, e.op])).toEqual([
      ['exit == 0', 'exit', '=='],
      ['stdout contains "ok"', 'stdout', 'contains'],
    ]);
  });

  it('accepts a single expect string as a one-element list', () => {
    const result = parseFenceMeta('{"expect":"rows == 0"}', AT);
    expect(result.attributes.expect).toEqual(['rows == 0']);
    expect(result.expectations).toHaveLength(1);
  });
});

describe('parseFenceMeta: located problems', () => {
  it.each<[string, string, Attributes, Diagnostic[]]>([
    ['not in braces', 'title="x"', {}, [diag('info', 'ignored-fence-meta', 'text after the language is not in braces, so it is not read as attributes: title="x"', 7)]],
    ['Pandoc class', '{.numberLines}', {}, [diag('info', 'ignored-fence-meta', 'Pandoc-style attributes are ignored: {.numberLines}', 7)]],
    ['Pandoc id', '  { #snippet }', {}, [diag('info', 'ignored-fence-meta', 'Pandoc-style attributes are ignored: { #snippet }', 9)]],
    ['missing closing brace', '{ name=x', {}, [diag('warning', 'malformed-attributes', 'malformed attributes: missing the closing "}"; the attributes of this block are ignored', 15)]],
    ['JSON trailing comma', '{"name":"x",}', {}, [diag('warning', 'malformed-attributes', 'malformed JSON: expected a "quoted" key, found "}"; the attributes of this block are ignored', 19)]],
    ['JSON missing value', '{"name":}', {}, [diag('warning', 'malformed-attributes', 'malformed JSON: expected a value (a "string", number, true, false, null, list or object), found "}"; the attributes of this block are ignored', 15)]],
    ['JSON missing colon', '{"name" "x"}', {}, [diag('warning', 'malformed-attributes', 'malformed JSON: expected ":" after the key "name", found "\\""; the attributes of this block are ignored', 15)]],
    ['JSON missing comma', '{"a":1 "b":2}', {}, [diag('warning', 'malformed-attributes', 'malformed JSON: expected "," or "}" after a value, found "\\""; the attributes of this block are ignored', 14)]],
    ['JSON unterminated string', '{"name":"x}', {}, [diag('warning', 'malformed-attributes', 'malformed JSON: unterminated string (it needs a closing "); the attributes of this block are ignored', 15)]],
    ['JSON bad escape', '{"expect":"stdout matches /\\d/"}', {}, [diag('warning', 'malformed-attributes', 'malformed JSON: invalid escape "\\d" in a JSON string (write "\\\\" for a backslash); the attributes of this block are ignored', 34)]],
    ['JSON text after', '{"a":1} {"b":2}', {}, [diag('warning', 'malformed-attributes', 'malformed JSON: unexpected "{" after the closing "}"; the attributes of this block are ignored', 15)]],
    ['spaced unterminated quote', '{ name="x }', {}, [diag('warning', 'malformed-attributes', 'malformed attributes: unterminated value (it needs a closing "); the attributes of this block are ignored', 14)]],
    ['spaced colon', '{ name: x }', {}, [diag('warning', 'malformed-attributes', 'malformed attributes: expected "=" or a space after "name", found ":"; the attributes of this block are ignored', 13)]],
    ['spaced junk after quote', '{ name="x"y }', {}, [diag('warning', 'malformed-attributes', 'malformed attributes: expected a space after the value of "name", found "y"; the attributes of this block are ignored', 17)]],
    ['unknown attribute with hint', '{ name=x timout=5s }', { name: 'x', unknown: { timout: '5s' } }, [diag('warning', 'unknown-attribute', 'unknown attribute "timout" is ignored; did you mean "timeout"?', 16)]],
    ['unknown attribute', '{"color":"red"}', { unknown: { color: 'red' } }, [diag('warning', 'unknown-attribute', 'unknown attribute "color" is ignored', 8)]],
    ['duplicate key, spaced', '{ name=a name=b }', { name: 'b' }, [diag('warning', 'duplicate-attribute', 'attribute "name" is given more than once; the last one counts', 16)]],
    ['duplicate key, JSON', '{"name":"a","name":"b"}', { name: 'b' }, [diag('warning', 'duplicate-attribute', 'attribute "name" is given more than once; the last one counts', 19)]],
    ['invalid boolean', '{ interactive=maybe }', {}, [diag('error', 'invalid-attribute', 'invalid attribute interactive: expected true or false (or yes/no), got "maybe"', 21)]],
    ['invalid excludeFromRunAll', '{ excludeFromRunAll=sometimes }', { runme: { excludeFromRunAll: 'sometimes' } }, [diag('error', 'invalid-attribute', 'invalid attribute excludeFromRunAll: expected true or false (or yes/no), got "sometimes"', 27)]],
    ['invalid timeout', '{"timeout":"forever"}', {}, [diag('error', 'invalid-attribute', 'invalid attribute timeout: expected a duration such as 500ms, 30s, 5m or 1h30m, got "forever"', 18)]],
    ['invalid capture name', '{ capture=my-var name=x }', { name: 'x' }, [diag('error', 'invalid-attribute', 'invalid attribute capture: expected a variable name ([A-Za-z_][A-Za-z0-9_]*), got "my-var"', 17)]],
    ['invalid needs', '{"needs":[1]}', {}, [diag('error', 'invalid-attribute', 'invalid attribute needs: expected a list of names or a comma-separated string, got a list', 16)]],
    ['empty name', '{ name="" }', {}, [diag('error', 'invalid-attribute', 'invalid attribute name: expected a non-empty text, got ""', 14)]],
  ])('%s: %j', (_, meta, attributes, diagnostics) => {
    const result = parseFenceMeta(meta, AT);
    expect(result.diagnostics).toEqual(diagnostics);
    expect(result.attributes).toEqual(attributes);
  });
});

describe('parseFenceMeta: invalid expectations are located inside the meta', () => {
  it.each<[string, string, number, string[]]>([
    ['spaced', '{ expect="rows = 0" }', 22, []],
    ['single-quoted', `{ expect='exit == "x"' }`, 25, []],
    ['JSON list, second entry', '{"expect":["exit == 0","stdout < 3"]}', 38, ['exit == 0']],
    ['JSON string', '{"expect":"stdout matches /x/g"}', 36, []],
    ['repeated spaced key', '{ expect="exit == 0" expect="rows contains 1" }', 41, ['exit == 0']],
    ['leading spaces inside the value', '{ expect="   rows = 0" }', 25, []],
  ])('%s', (_, meta, column, valid) => {
    const result = parseFenceMeta(meta, AT);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error', rule: 'invalid-expectation', line: 12, column });
    expect(result.expectations.map((e) => e.source)).toEqual(valid);
  });

  it('names the expectation and the problem, without the inner column when the location is exact', () => {
    const [diagnostic] = parseFenceMeta('{ expect="rows = 0" }', AT).diagnostics;
    expect(diagnostic?.message).toBe(
      'invalid expectation "rows = 0": expected an operator (==, !=, <, <=, >, >=, contains, matches), found "=" (use == to compare)',
    );
  });

  it('points at the value and gives the inner column when escapes shift positions', () => {
    const [diagnostic] = parseFenceMeta('{"expect":"stdout contains \\"a\\" x"}', AT).diagnostics;
    expect(diagnostic).toEqual(diag('error', 'invalid-expectation', 'invalid expectation "stdout contains "a" x": expected the end of the expectation, found "x" (column 21 of the expectation)', 17));
  });
});
