import { describe, expect, it } from 'vitest';
import type { Attributes } from '../../../src/model/attributes.js';
import type { Diagnostic } from '../../../src/model/diagnostic.js';
import { parseLitopsComment } from '../../../src/parser/attributes/index.js';

// The comment starts at column 1 of line 20 (or column 4 inside a list item).
const AT = { line: 20, column: 1 };

describe('parseLitopsComment', () => {
  it.each<[string, string]>([
    ['a plain comment', '<!-- just a note -->'],
    ['another tool', '<!-- prettier-ignore -->'],
    ['litops without a colon', '<!-- litops -->'],
    ['not a comment', '<div>litops: {}</div>'],
    ['text mentioning litops', 'see <!-- litops: x -->'],
  ])('returns null for %s', (_, html) => {
    expect(parseLitopsComment(html, AT)).toBeNull();
  });

  it.each<[string, string, Attributes]>([
    ['JSON', '<!-- litops: {"name":"x","expect":["rows == 0"]} -->', { name: 'x', expect: ['rows == 0'] }],
    ['JSON without spaces', '<!--litops:{"readonly":true}-->', { readonly: true }],
    ['spaced without braces', '<!-- litops: name=x readonly -->', { name: 'x', readonly: true }],
    ['spaced in braces', '<!-- litops: { name=x destructive=false } -->', { name: 'x', destructive: false }],
    ['a lone bare word', '<!-- litops: interactive -->', { interactive: true }],
    ['quoted expectation', `<!-- litops: expect='stdout contains "ok"' -->`, { expect: ['stdout contains "ok"'] }],
    ['a criterion check', '<!-- litops: {"check":"api-latency value < 0.5"} -->', { check: 'api-latency value < 0.5' }],
    ['spaced check', '<!-- litops: check="api value < 1" -->', { check: 'api value < 1' }],
    ['an empty body', '<!-- litops: -->', {}],
    ['multi-line JSON', '<!--\n  litops: {\n    "name": "x",\n    "tag": ["a"]\n  }\n-->', { name: 'x', tag: ['a'] }],
    ['CRLF line ends', '<!-- litops:\r\n  name=x\r\n  skip\r\n-->', { name: 'x', skip: true }],
    ['text after the comment', '<!-- litops: name=x -->\ntrailing', { name: 'x' }],
  ])('reads %s', (_, html, attributes) => {
    const result = parseLitopsComment(html, AT);
    expect(result?.diagnostics).toEqual([]);
    expect(result?.attributes).toEqual(attributes);
  });

  it('returns parsed expectations', () => {
    const result = parseLitopsComment('<!-- litops: {"expect":["rows == 0","duration < 2s"]} -->', AT);
    expect(result?.expectations.map((e) => [e.subject, e.value])).toEqual([
      ['rows', { kind: 'number', value: 0 }],
      ['duration', { kind: 'duration', ms: 2000 }],
    ]);
  });

  it('does not parse check (a criterion check is parsed by its caller, with a cell reference)', () => {
    const result = parseLitopsComment('<!-- litops: {"check":"api value <"} -->', AT);
    expect(result?.diagnostics).toEqual([]);
    expect(result?.expectations).toEqual([]);
  });

  it.each<[string, string, Position, Diagnostic[]]>([
    ['an invalid expectation on a later line', '<!--\n  litops: {\n    "expect": ["rows = 0"]\n  }\n-->', AT,
      [{ severity: 'error', rule: 'invalid-expectation', message: 'invalid expectation "rows = 0": expected an operator (==, !=, <, <=, >, >=, contains, matches), found "=" (use == to compare)', line: 22, column: 22 }]],
    ['an invalid expectation in an indented comment', '<!-- litops: expect="exit < x" -->', { line: 7, column: 4 },
      [{ severity: 'error', rule: 'invalid-expectation', message: 'invalid expectation "exit < x": expected a value (a number, a "string", a /regex/ or a duration such as 2s)', line: 7, column: 32 }]],
    ['malformed JSON on line 3', '<!--\nlitops: {\n  "name": x\n} -->', AT,
      [{ severity: 'warning', rule: 'malformed-attributes', message: 'malformed JSON: expected a value (a "string", number, true, false, null, list or object), found "x"; the comment is ignored', line: 22, column: 11 }]],
    ['a missing closing brace', '<!-- litops: { name=x -->', AT,
      [{ severity: 'warning', rule: 'malformed-attributes', message: 'malformed attributes: missing the closing "}"; the comment is ignored', line: 20, column: 22 }]],
    ['an unclosed comment', '<!-- litops: name=x', AT,
      [{ severity: 'warning', rule: 'malformed-attributes', message: 'malformed attributes: the litops comment is not closed with "-->"; it is ignored', line: 20, column: 20 }]],
    ['an unknown key', '<!-- litops: nmae=x -->', AT,
      [{ severity: 'warning', rule: 'unknown-attribute', message: 'unknown attribute "nmae" is ignored; did you mean "name"?', line: 20, column: 14 }]],
    ['an invalid value on line 2 (CRLF)', '<!-- litops:\r\n  timeout=soon -->', AT,
      [{ severity: 'error', rule: 'invalid-attribute', message: 'invalid attribute timeout: expected a duration such as 500ms, 30s, 5m or 1h30m, got "soon"', line: 21, column: 11 }]],
  ])('locates %s', (_, html, position, diagnostics) => {
    expect(parseLitopsComment(html, position)?.diagnostics).toEqual(diagnostics);
  });
});

type Position = { line: number; column: number };
