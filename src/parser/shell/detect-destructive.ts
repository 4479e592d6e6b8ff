import type { DestructiveReason } from '../../model/safety.js';
import { destructiveRules, toolValueOptions, type DestructiveRule, type PathStep } from './destructive-rules.js';
import { hasOption, parseArgs, type ParsedArgs } from './parse-args.js';
import type { CommandUse } from './types.js';
import { getBaseName } from './unwrap-command.js';

/** Classifies commands against the rule table; at most one reason per command (the first rule that matches). */
export function detectDestructive(commands: readonly CommandUse[], rules: readonly DestructiveRule[] = destructiveRules): DestructiveReason[] {
  const reasons: DestructiveReason[] = [];
  for (const command of commands) {
    const base = getBaseName(command.name);
    const parsed = parseArgs(command.args, { valueOptions: toolValueOptions[base] ?? [] });
    const rule = rules.find((candidate) => matchesRule(candidate, base, command.args, parsed, command));
    if (rule === undefined) continue;
    reasons.push({
      rule: rule.rule,
      reason: formatReason(rule.reason, base, parsed),
      text: command.text,
      line: command.line,
      column: command.column,
    });
  }
  return reasons;
}

function matchesRule(rule: DestructiveRule, base: string, args: readonly (string | null)[], parsed: ParsedArgs, command: CommandUse): boolean {
  if (!matchesCommand(rule.commands, base)) return false;
  if (rule.wrappedBy && !command.wrappers.some((wrapper) => rule.wrappedBy!.includes(wrapper))) return false;
  if (rule.stdin !== undefined && (command.stdin ?? false) !== rule.stdin) return false;
  if (rule.stdinFile && !rule.stdinFile.test(command.stdinFile ?? '')) return false;
  if (rule.asScript && !/\/|\.(?:sh|bash|py|rb|pl)$/.test(command.name)) return false;
  if (rule.path && !rule.path.every((step, index) => matchesStep(step, parsed.positionals[index]?.text))) return false;
  if (rule.anyOption && !hasOption(parsed, rule.anyOption)) return false;
  if (rule.alsoOption && !hasOption(parsed, rule.alsoOption)) return false;
  const noArg = rule.noArg;
  if (noArg && args.some((arg) => arg !== null && noArg.test(arg))) return false;
  if (rule.maxPositionals !== undefined && parsed.positionals.length > rule.maxPositionals) return false;
  const last = rule.lastPositional;
  if (last && !last.test(parsed.positionals.at(-1)?.text ?? '')) return false;
  if (rule.noOption && hasOption(parsed, rule.noOption)) return false;
  const anyArg = rule.anyArg;
  if (anyArg && !args.some((arg) => arg !== null && anyArg.test(arg))) return false;
  const pair = rule.argPair;
  if (pair && !args.some((arg, index) => arg !== null && pair[0].test(arg) && pair[1].test(args[index + 1] ?? ''))) return false;
  const wanted = rule.optionValue;
  if (wanted && !parsed.options.some((option) => wanted.names.includes(option.name) && wanted.value.test(getOptionValue(option, args)))) return false;
  return true;
}

function matchesCommand(commands: DestructiveRule['commands'], base: string): boolean {
  if (commands === '*') return true;
  return Array.isArray(commands) ? commands.includes(base) : (commands as RegExp).test(base);
}

function matchesStep(step: PathStep, word: string | null | undefined): boolean {
  if (word === null || word === undefined) return false;
  if (step === '*') return true;
  return step instanceof RegExp ? step.test(word) : step.includes(word);
}

/** The option's value; for options not declared as taking one, the word after it. */
function getOptionValue(option: ParsedArgs['options'][number], args: readonly (string | null)[]): string {
  if (option.value !== undefined) return option.value ?? '';
  return args[option.index + 1] ?? '';
}

function formatReason(template: string, base: string, parsed: ParsedArgs): string {
  return template.replace(/\{(cmd|\d)\}/g, (_, key: string) => (key === 'cmd' ? base : (parsed.positionals[Number(key)]?.text ?? '')));
}
