/** The options and exit codes `add`, `remove` and `eject` share, worded as the upgrade's. */
import type { OptionSpec, OptionTable } from '../command.js';

const DRY_RUN = { type: 'boolean', description: 'Print the exact diff the command would commit; write nothing' } as const satisfies OptionSpec;
const JSON_REPORT = { type: 'boolean', description: 'Print the report as JSON' } as const satisfies OptionSpec;

export const CHANGE_OPTIONS = { 'dry-run': DRY_RUN, json: JSON_REPORT } satisfies OptionTable;

/** For the commands that render the project again, in the order `upgrade` lists them. */
export const RENDER_CHANGE_OPTIONS = {
  'dry-run': DRY_RUN,
  'discard-managed-edits': { type: 'boolean', description: 'Regenerate managed files that were edited by hand (listed in the report) instead of stopping' },
  json: JSON_REPORT,
} as const satisfies OptionTable;

export const CHANGE_EXIT_CODES = [
  'Exit codes: 0 changed, or nothing to do; 1 conflicts (left with standard markers on the branch, listed in',
  'the report) or an error, with nothing changed. The working tree and the current branch are not touched,',
  'unless there are conflicts to resolve. Error codes: those of the upgrade, and unknown-module,',
  'incompatible (with the reason), not-ejectable.',
].join('\n');
