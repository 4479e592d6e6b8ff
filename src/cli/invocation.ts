/**
 * How the person typed litops, for the hints we print: `npx litops` when npm
 * started it (`npx litops`, `npm exec litops` set `npm_command=exec`), where a
 * bare `litops` is not on their PATH; else `litops`.
 */
export function getInvocation(env: Record<string, string | undefined>): string {
  return env.npm_command === 'exec' ? 'npx litops' : 'litops';
}
