/**
 * The exit codes of both CLIs, `create-ml-project` and `ai-factory`. Scripts and CI branch on them, so
 * there is one table, printed by every `--help` and by the playbook's command-line reference.
 */
import type { FailureCode } from './errors.js';

export const EXIT_CODES = {
  ok: 0,
  failure: 1,
  usage: 2,
  cancelled: 130,
} as const;

export type ExitOutcome = keyof typeof EXIT_CODES;
export type ExitCode = (typeof EXIT_CODES)[ExitOutcome];

/** What each code means to the person or script that ran the command. */
export const EXIT_CODE_MEANINGS: Record<ExitOutcome, string> = {
  ok: 'done',
  failure: 'the command ran and did not succeed (conflicts, a failed repository, an error); the output says why',
  usage: 'wrong arguments or an unknown command: nothing was done',
  cancelled: 'cancelled at a prompt or by Ctrl-C: nothing was written',
};

/** The table as the closing lines of a `--help` text. */
export function exitCodesHelp(): string {
  const rows = (Object.keys(EXIT_CODES) as ExitOutcome[]).map((outcome) => `  ${String(EXIT_CODES[outcome]).padStart(3)}  ${EXIT_CODE_MEANINGS[outcome]}`);
  return ['Exit codes:', ...rows].join('\n');
}

/**
 * What a `--json` run prints when it fails before (or instead of) its own report, so a script always
 * gets one JSON document on stdout.
 */
export function jsonFailure(code: FailureCode, message: string, hint?: string): string {
  return JSON.stringify({ ok: false, error: { code, message, ...(hint ? { hint } : {}) } });
}
