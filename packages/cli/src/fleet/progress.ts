/**
 * Progress of a fleet run on stderr: a bar redrawn in place on a terminal; one plain line per finished
 * repository otherwise (CI logs, pipes), so logs stay readable and greppable.
 */
import type { UpgradeReport } from '../upgrade/report.js';

export interface Progress {
  done: (report: UpgradeReport) => void;
  /** Clears the bar; call before printing anything else. */
  end: () => void;
}

const BAR_WIDTH = 30;

export function createProgress(total: number, write: (text: string) => void, tty: boolean): Progress {
  const started = performance.now();
  let finished = 0;
  const counts = new Map<string, number>();
  const draw = () => {
    const filled = Math.round((finished / Math.max(1, total)) * BAR_WIDTH);
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? (finished / seconds).toFixed(1) : '0.0';
    const tally = [...counts].map(([status, n]) => `${n} ${status}`).join(', ');
    write(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${finished}/${total} ${rate}/s${tally ? ` (${tally})` : ''}`);
  };
  if (tty) draw();
  return {
    done(report) {
      finished += 1;
      counts.set(report.status, (counts.get(report.status) ?? 0) + 1);
      if (tty) draw();
      else write(`[${finished}/${total}] ${report.status}${report.error ? ` (${report.error.code})` : ''} ${report.repo} ${report.durationMs} ms\n`);
    },
    end() {
      if (tty) write('\r\x1b[2K');
    },
  };
}
