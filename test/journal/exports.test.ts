import { describe, expect, it } from 'vitest';
import * as journal from '../../src/journal/index.js';
import * as signing from '../../src/journal/signing/index.js';

describe('the journal module', () => {
  it('exports exactly its public API, and re-exports signing', () => {
    const own = Object.keys(journal).filter((name) => !(name in signing)).sort();
    expect(own).toEqual(['SIGNATURE_NAMESPACE', 'createJournal', 'findRunDirName', 'formatEventLine', 'formatVerifyReport', 'isResumableEnd', 'openJournalForResume', 'verifyRunDir']);
    for (const name of Object.keys(signing)) expect(journal).toHaveProperty(name, signing[name as keyof typeof signing]);
  });
});
