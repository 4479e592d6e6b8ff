/** Lines of a multi-line secret shorter than this are not redacted on their own (a `}` line would hide every brace). */
export const MIN_SECRET_LINE_LENGTH = 8;

/**
 * The forms in which a secret value may show up in output: as given; trimmed
 * (values read from files often end in a newline); with LF or CRLF line ends (a
 * terminal turns LF into CRLF); JSON-escaped (`"` and `\` in a JSON document);
 * URL-encoded (in a URL a cell builds); and, for multi-line values such as PEM
 * keys, each line of at least MIN_SECRET_LINE_LENGTH characters (tools re-indent
 * them). Empty forms are dropped; short values are kept (see collectSecrets).
 */
export function expandSecret(value: string): string[] {
  const forms = new Set<string>([value, value.trim()]);
  if (/[\r\n]/.test(value)) {
    for (const form of [...forms]) {
      forms.add(form.replace(/\r\n/g, '\n'));
      forms.add(form.replace(/\r?\n/g, '\r\n'));
    }
    for (const line of value.split(/\r?\n/)) {
      if (line.trim().length >= MIN_SECRET_LINE_LENGTH) forms.add(line.trim());
    }
  }
  for (const form of [...forms]) {
    forms.add(JSON.stringify(form).slice(1, -1));
    forms.add(encodeURIComponent(form));
  }
  forms.delete('');
  return [...forms];
}
