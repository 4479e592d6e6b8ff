/** A console/shellsession block split into what runs and what it is expected to print. */
export interface ConsoleSplit {
  /** The commands, prompts removed, continuation lines kept. */
  commands: string;
  /** The other lines, in order. */
  expectedOutput: string;
  /** 0-based index (within the block) of the first command line, or -1 when there is none. */
  firstCommandLine: number;
}

const PROMPT = /^\s*[\w.@~:/[\]-]*\$(?: (.*))?$/;

/**
 * Splits a console block: lines after a `$ ` prompt are commands (a line ending in `\`
 * continues onto the next, which may start with `> `); all other lines are expected output.
 */
export function splitConsoleBlock(value: string): ConsoleSplit {
  const commands: string[] = [];
  const output: string[] = [];
  let firstCommandLine = -1;
  let continuing = false;
  value.split('\n').forEach((line, index) => {
    if (continuing) {
      const text = line.replace(/^> ?/, '');
      commands.push(text);
      continuing = text.endsWith('\\');
      return;
    }
    const match = PROMPT.exec(line);
    if (match) {
      if (firstCommandLine < 0) firstCommandLine = index;
      const text = match[1] ?? '';
      commands.push(text);
      continuing = text.endsWith('\\');
    } else {
      output.push(line);
    }
  });
  return { commands: commands.join('\n'), expectedOutput: output.join('\n'), firstCommandLine };
}
