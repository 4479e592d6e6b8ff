import { parse as parseYaml } from 'yaml';

/**
 * Configuration files written under a shell label (an nginx `server {}` block,
 * PostgreSQL settings, YAML, JSON, INI, crontab lines): shapes as data. Line
 * shapes count when most meaningful lines fit; document shapes look at the whole.
 */
export interface ConfigurationShape {
  /** What kind of file it is, as the diagnostic says it. */
  kind: string;
  /** A line of this kind of file (blank lines and `#`/`;` comments are skipped before). */
  line?: RegExp;
  /** Share of meaningful lines that must fit `line` (default 0.8); the first always must. */
  share?: number;
  /** A test of the whole text, for formats with a real parser. */
  document?: (text: string) => boolean;
}

/** `key = value` with spaces (not a shell assignment), or a key bash could not assign (`log.level=x`). */
const SETTING = /^\s*[A-Za-z_][\w.-]*(?:\s+=\s*|\s*=\s+|[.-][\w.-]*=)\S?/;

export const CONFIGURATION_SHAPES: readonly ConfigurationShape[] = [
  { kind: 'JSON', document: (text) => /^\s*[[{]/.test(text) && parsesAs(() => JSON.parse(text) as unknown) },
  { kind: 'nginx-style configuration', line: /^\s*(?:[\w-]+(?:\s+[^;{}]*)?\s*\{|[\w-]+(?:\s+[^;{}#]+)?;|\})\s*(?:#.*)?$/ },
  { kind: 'INI', line: /^\s*(?:\[[^\]\s][^\]]*\]|[\w.-]+\s*[=:]\s*.*)$/, document: (text) => /^\s*\[[^\]\s][^\]]*\]\s*$/m.test(text) },
  { kind: 'key = value settings', line: SETTING, share: 0.75 },
  { kind: 'crontab', line: /^\s*(?:@(?:reboot|yearly|annually|monthly|weekly|daily|hourly)|(?:[\d*][\d*/,-]*\s+){4}[\d*][\d*/,-]*)\s+\S/ },
  { kind: 'YAML', document: isYamlDocument },
  { kind: 'XML', document: (text) => /^\s*<(?:\?xml|[A-Za-z][\w:-]*(?:\s[^>]*)?>)/.test(text) && /<\/[A-Za-z][\w:-]*>\s*$/.test(text) },
];

function parsesAs(parse: () => unknown): boolean {
  try {
    const value = parse();
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}

/** A mapping whose keys look like YAML keys (`apiVersion: v1`, `- name: x`), not a shell command. */
function isYamlDocument(text: string): boolean {
  const lines = meaningfulLines(text);
  if (lines.length === 0) return false;
  const keyed = lines.filter((line) => /^\s*(?:-\s+)?[\w."'/-]+:(?:\s|$)/.test(line) || /^\s*-\s+\S/.test(line) || /^\s+\S/.test(line));
  if (!/^\s*(?:-\s+)?[\w."'/-]+:(?:\s|$)/.test(lines[0]!) || keyed.length < lines.length) return false;
  return parsesAs(() => parseYaml(text, { strict: false, uniqueKeys: false }) as unknown);
}

/** Lines that are neither blank nor comments. */
export function meaningfulLines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '' && !/^\s*(?:#|;|\/\/)/.test(line));
}

/** The kind of configuration file `text` is, or null. */
export function detectConfiguration(text: string): string | null {
  const lines = meaningfulLines(text);
  if (lines.length === 0) return null;
  for (const shape of CONFIGURATION_SHAPES) {
    if (shape.document && !shape.document(text)) continue;
    if (shape.line) {
      const pattern = shape.line;
      if (!pattern.test(lines[0]!)) continue;
      const fitting = lines.filter((line) => pattern.test(line)).length;
      if (fitting / lines.length < (shape.share ?? 0.8)) continue;
    }
    return shape.kind;
  }
  return null;
}
