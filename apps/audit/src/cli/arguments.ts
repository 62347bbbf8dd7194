import { AuditUsageError } from './audit-errors';

/** The options a command accepts: those taking a value, and switches. */
export type OptionSpec = Readonly<Record<string, 'value' | 'switch'>>;

export interface ParsedArguments {
  positionals: string[];
  /** By name without the dashes; a switch given is `true`. */
  options: ReadonlyMap<string, string | true>;
}

/**
 * `--name value`, `--name=value` and `--switch`; `--` ends the options;
 * `-h` is `--help`. Anything else that starts with a dash is refused, so
 * a typo never silently changes what an audit reports.
 */
export function parseArguments(
  argv: readonly string[],
  spec: OptionSpec,
  command?: string,
): ParsedArguments {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      options.set('help', true);
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const [flag, inline] = splitInline(arg);
    const name = flag.replace(/^--?/, '');
    const kind = spec[name];
    if (!flag.startsWith('--') || kind === undefined) {
      throw new AuditUsageError(`unknown option ${flag}`, command);
    }
    if (kind === 'switch') {
      if (inline !== undefined) {
        throw new AuditUsageError(`${flag} takes no value`, command);
      }
      options.set(name, true);
      continue;
    }
    const value = inline ?? argv[++i];
    if (
      value === undefined ||
      (inline === undefined && value.startsWith('--'))
    ) {
      throw new AuditUsageError(`${flag} needs a value`, command);
    }
    options.set(name, value);
  }
  return { positionals, options };
}

function splitInline(arg: string): [string, string | undefined] {
  const at = arg.indexOf('=');
  return at < 0 ? [arg, undefined] : [arg.slice(0, at), arg.slice(at + 1)];
}

/** The value of a value option, if given. */
export function optionValue(
  args: ParsedArguments,
  name: string,
): string | undefined {
  const value = args.options.get(name);
  return typeof value === 'string' ? value : undefined;
}

export function hasSwitch(args: ParsedArguments, name: string): boolean {
  return args.options.get(name) === true;
}

/** A positive whole number option, or its default. */
export function countOption(
  args: ParsedArguments,
  name: string,
  fallback: number,
  command?: string,
): number {
  const text = optionValue(args, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new AuditUsageError(
      `--${name} must be a positive whole number, not "${text}"`,
      command,
    );
  }
  return value;
}

/** Refuses more positional arguments than the command takes. */
export function expectPositionals(
  args: ParsedArguments,
  names: readonly string[],
  command: string,
): string[] {
  if (args.positionals.length > names.length) {
    const extra = args.positionals.slice(names.length).join(' ');
    throw new AuditUsageError(`unexpected argument ${extra}`, command);
  }
  names.forEach((name, i) => {
    if (args.positionals[i] === undefined) {
      throw new AuditUsageError(`missing <${name}>`, command);
    }
  });
  return args.positionals;
}
