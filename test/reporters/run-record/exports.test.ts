import { describe, expect, it } from 'vitest';
import * as reporters from '../../../src/reporters/index.js';
import * as runRecord from '../../../src/reporters/run-record/index.js';
import * as json from '../../../src/reporters/json/index.js';
import * as junit from '../../../src/reporters/junit/index.js';

describe('public exports', () => {
  it('of run-record, json and junit are exactly these', () => {
    expect(Object.keys(runRecord).sort()).toEqual(['MAX_OUT_BYTES', 'getCellPlace', 'loadRunRecord']);
    expect(Object.keys(json).sort()).toEqual(['buildRunReport', 'formatJsonReport']);
    expect(Object.keys(junit).sort()).toEqual(['NO_PROCEDURE', 'buildJunitSuites', 'escapeXmlAttribute', 'escapeXmlText', 'formatCdata', 'formatJunitReport', 'sanitizeXmlChars']);
  });

  it('of src/reporters include the run record and the JSON and JUnit reporters', () => {
    expect(Object.keys(reporters)).toEqual(expect.arrayContaining(['loadRunRecord', 'getCellPlace', 'MAX_OUT_BYTES', 'formatJsonReport', 'buildRunReport', 'formatJunitReport', 'createConsoleReporter', 'formatDurationMs']));
  });
});
