import { ExitCode, type ExitCodeValue } from '../model/errors.js';

/** The exit code table of design.md, the same for every command. */
export const EXIT_CODE_MEANINGS: readonly { code: ExitCodeValue; meaning: string }[] = [
  { code: ExitCode.ok, meaning: 'everything ran and every check passed' },
  { code: ExitCode.failed, meaning: 'a cell, expectation, criterion or verification failed' },
  { code: ExitCode.usage, meaning: 'bad usage or invalid input (options, unreadable file, invalid front matter)' },
  { code: ExitCode.needsPerson, meaning: 'the run needs a person (missing variable, unanswered confirmation, destructive cell not allowed)' },
  { code: ExitCode.incomplete, meaning: 'the log is intact but incomplete or unsigned (verify only)' },
  { code: ExitCode.interrupted, meaning: 'interrupted by the operator' },
];
