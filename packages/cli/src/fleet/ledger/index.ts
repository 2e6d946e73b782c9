/** The fleet ledger: `fleet status --html`. */
import { writeFileSync } from 'node:fs';
import type { RepoStatus } from '../status.js';
import { renderLedger } from './html.js';
import { buildLedger } from './model.js';

/**
 * Writes the ledger page of `rows` to `path`.
 * @param withReports whether the last run's reports were given
 */
export function writeLedger(path: string, rows: readonly RepoStatus[], current: string, withReports: boolean, now = new Date()): void {
  writeFileSync(path, renderLedger(buildLedger(rows, current, now, withReports)));
}
