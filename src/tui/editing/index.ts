/**
 * Text entry for the terminal UI as pure reducers over Ink's key presses:
 * a single-line input and a multi-line inline editor. No React here; a
 * component keeps the state and calls these from `useInput`.
 */
export { createLineInput, editLineInput, maskLineInput, type InkKey, type LineInput, type LineKey } from './line-input.js';
export { createTextEditor, editText, getEditorText, type TextEditor } from './text-editor.js';
