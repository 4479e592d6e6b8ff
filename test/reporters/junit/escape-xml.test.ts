import fc from 'fast-check';
import { parse, type TestSuites } from 'junit2json';
import { describe, expect, it } from 'vitest';
import { escapeXmlAttribute, escapeXmlText, formatCdata, sanitizeXmlChars } from '../../../src/reporters/junit/index.js';
import { INVALID_XML_CHAR } from './xml-chars.js';


describe('sanitizeXmlChars', () => {
  it('removes ANSI colour, cursor and OSC sequences', () => {
    expect(sanitizeXmlChars('\u001b[31mred\u001b[0m \u001b[2K\u001b[1;32mok\u001b[m \u001b]8;;https://x\u0007link\u001b]8;;\u0007 \u001b]0;title\u001b\\ \u001bMend')).toBe('red ok link  end');
  });

  it('replaces every character XML 1.0 forbids with U+FFFD and keeps tab, newline, carriage return and the rest', () => {
    for (let code = 0; code < 0x20; code++) {
      const char = String.fromCharCode(code);
      expect(sanitizeXmlChars(`a${char}b`)).toBe([9, 10, 13, 27].includes(code) ? (code === 27 ? 'a\uFFFDb' : `a${char}b`) : 'a\uFFFDb');
    }
    expect(sanitizeXmlChars('\uD800 lone, \uDC00 lone, \uFFFE \uFFFF')).toBe('\uFFFD lone, \uFFFD lone, \uFFFD \uFFFD');
    expect(sanitizeXmlChars('é — 😀 \u007f \u0085')).toBe('é — 😀 \u007f \u0085');
  });
});

describe('escaping', () => {
  it('escapes markup in text and attributes, and line breaks in attributes', () => {
    expect(escapeXmlText('a < b && c > "d"')).toBe('a &lt; b &amp;&amp; c &gt; "d"');
    expect(escapeXmlAttribute('say "hi" <now>\n\tthen & go\r')).toBe('say &quot;hi&quot; &lt;now&gt;&#10;&#9;then &amp; go&#13;');
  });

  it('splits a CDATA end inside CDATA', () => {
    expect(formatCdata('a]]>b]]>')).toBe('<![CDATA[a]]]]><![CDATA[>b]]]]><![CDATA[>]]>');
  });

  it('round-trips any string through a JUnit reader as its sanitised text (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary' }), async (text) => {
        const xml = `<?xml version="1.0" encoding="UTF-8"?><testsuites><testsuite name="x${escapeXmlAttribute(text)}"><testcase name="t"><failure message="x${escapeXmlAttribute(text)}">${formatCdata(text)}</failure><system-out>${escapeXmlText(text)}</system-out></testcase></testsuite></testsuites>`;
        expect(xml).not.toMatch(INVALID_XML_CHAR);
        const parsed = (await parse(xml)) as TestSuites;
        const suite = parsed.testsuite![0]!;
        const expected = sanitizeXmlChars(text);
        // junit2json reads number-like attributes as numbers: a prefix keeps them strings.
        expect(suite.name).toBe(`x${expected}`);
        expect(suite.testcase![0]!.failure![0]!.message).toBe(`x${expected}`);
        // Line ends in text become \n; attributes keep \r as &#13;.
        expect(suite.testcase![0]!.failure![0]!.inner ?? '').toBe(expected.replace(/\r\n?/g, '\n'));
      }),
      { numRuns: 300 },
    );
  });
});
