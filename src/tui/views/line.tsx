import { Text } from 'ink';
import type { ReactNode } from 'react';

/** One screen row: never wraps, so every view knows its height. */
export function Line({ children, color, dim, bold, inverse }: { children?: ReactNode; color?: string | undefined; dim?: boolean; bold?: boolean; inverse?: boolean }) {
  return (
    <Text wrap="truncate-end" {...(color ? { color } : {})} dimColor={dim ?? false} bold={bold ?? false} inverse={inverse ?? false}>
      {children ?? ' '}
    </Text>
  );
}
