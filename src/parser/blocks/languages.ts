/** Fence languages of configuration files: shown as `configuration` blocks. */
const CONFIGURATION_LANGUAGES: ReadonlySet<string> = new Set([
  'yaml', 'yml', 'json', 'jsonc', 'json5', 'toml', 'ini', 'cfg', 'conf', 'config', 'nginx', 'apache', 'apacheconf',
  'properties', 'env', 'dotenv', 'cron', 'crontab', 'hcl', 'tf', 'terraform', 'xml', 'systemd', 'desktop', 'editorconfig',
  'haproxy', 'caddyfile', 'nix', 'jinja', 'j2', 'tpl',
]);

/** Fence languages that hold plain text or output: read by their content, as unlabeled blocks are. */
const OUTPUT_LANGUAGES: ReadonlySet<string> = new Set(['text', 'txt', 'plain', 'plaintext', 'output', 'log', 'logs', 'none', 'raw', 'default', 'console-output', 'stdout']);

export function isConfigurationLanguage(lang: string): boolean {
  return CONFIGURATION_LANGUAGES.has(lang);
}

export function isOutputLanguage(lang: string): boolean {
  return OUTPUT_LANGUAGES.has(lang);
}
