/** The fleet ledger: `fleet status --html`. */
import { writeFileSync } from 'node:fs';
import type { RepoStatus } from '../status.js';
import { renderLedger } from './html.js';
import { buildLedger, type LedgerOptions } from './model.js';

/**
 * Writes the ledger page of `rows` to `path`.
 * @example writeLedger('ledger.html', rows, '0.3.0', { withReports: true, forecast, waves: DEFAULT_WAVES })
 */
export function writeLedger(path: string, rows: readonly RepoStatus[], current: string, options: LedgerOptions, now = new Date()): void {
  writeFileSync(path, renderLedger(buildLedger(rows, current, now, options)));
}
