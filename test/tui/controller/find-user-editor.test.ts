import { describe, expect, it } from 'vitest';
import { findUserEditor } from '../../../src/tui/controller/find-user-editor.js';

// What npm 11 exports to a command `npx` starts (checked with a bin that prints its env):
// npm_command=exec, npm_execpath=…/npm-cli.js, and EDITOR=vi when the user had none; no npm_config_editor.
const NPX = { npm_command: 'exec', npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js', npm_lifecycle_event: 'npx' };

describe('findUserEditor', () => {
  it('takes $VISUAL first, then $EDITOR', () => {
    expect(findUserEditor({ VISUAL: 'code --wait', EDITOR: 'nano' })).toEqual({ command: 'code --wait' });
    expect(findUserEditor({ EDITOR: 'nano' })).toEqual({ command: 'nano' });
    expect(findUserEditor({ EDITOR: 'vi' })).toEqual({ command: 'vi' });
  });

  it('says there is none when nothing is set', () => {
    expect(findUserEditor({})).toEqual({ command: null, reason: 'no $VISUAL or $EDITOR is set; e edits inline' });
  });

  it("tells npm's injected EDITOR=vi from one the user set", () => {
    expect(findUserEditor({ ...NPX, EDITOR: 'vi' })).toEqual({ command: null, reason: "$EDITOR=vi is npm's default, not yours: set $VISUAL to use E; e edits inline" });
    expect(findUserEditor({ ...NPX, EDITOR: 'nano' })).toEqual({ command: 'nano' });
    expect(findUserEditor({ ...NPX, EDITOR: 'vi', VISUAL: 'vi' })).toEqual({ command: 'vi' });
  });
});
