/** The editor `E` opens, or why there is none. */
export type UserEditor = { command: string } | { command: null; reason: string };

/** What npm puts in `EDITOR` for the commands it starts when the user set none (its `editor` config default). */
const NPM_DEFAULT_EDITORS = new Set(['vi', 'notepad.exe', '%SYSTEMROOT%\\notepad.exe']);

/**
 * The editor the operator chose: `$VISUAL`, else `$EDITOR`, unless `$EDITOR` is
 * the default npm injects into the commands it starts (`npx`, `npm exec`, npm
 * scripts). npm sets `EDITOR=vi` when the user has no `EDITOR`, and passes a
 * user's own `EDITOR` through unchanged; a child sees no other trace of it
 * (no `npm_config_editor`), so under npm `vi` with no `$VISUAL` is npm's.
 */
export function findUserEditor(env: Record<string, string | undefined>): UserEditor {
  if (env.VISUAL) return { command: env.VISUAL };
  const editor = env.EDITOR;
  if (!editor) return { command: null, reason: 'no $VISUAL or $EDITOR is set; e edits inline' };
  const underNpm = Boolean(env.npm_execpath || env.npm_command);
  if (underNpm && NPM_DEFAULT_EDITORS.has(editor)) {
    return { command: null, reason: `$EDITOR=${editor} is npm's default, not yours: set $VISUAL to use E; e edits inline` };
  }
  return { command: editor };
}
