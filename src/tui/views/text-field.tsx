import { Text } from 'ink';
import { maskLineInput, type LineInput } from '../editing/index.js';
import { showInert } from './step-lines.js';

/** A single-line input with a visible cursor; masked for secrets. */
export function TextField({ input, label, masked }: { input: LineInput; label: string; masked?: boolean }) {
  const value = masked ? maskLineInput(input) : showInert(input.value);
  const cursor = masked ? [...input.value.slice(0, input.cursor)].length : showInert(input.value.slice(0, input.cursor)).length;
  const chars = [...value];
  const before = chars.slice(0, cursor).join('');
  const at = chars[cursor] ?? ' ';
  const after = chars.slice(cursor + 1).join('');
  return (
    <Text wrap="truncate-start">
      <Text bold>{label}</Text>
      {before}
      <Text inverse>{at}</Text>
      {after}
    </Text>
  );
}
