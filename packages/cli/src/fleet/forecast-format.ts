/** The forecast as `fleet upgrade --dry-run` prints it on a terminal. */
import type { Forecast } from './forecast.js';

const DETAIL = 70;

/** Lines of `name  count  note`, the names padded to one width. */
function table(rows: readonly (readonly [string, number, string?])[]): string[] {
  const width = Math.max(0, ...rows.map(([name]) => name.length));
  const counts = Math.max(0, ...rows.map(([, count]) => String(count).length));
  return rows.map(([name, count, note]) => `  ${name.padEnd(width)}  ${String(count).padStart(counts)}${note ? `  ${note}` : ''}`);
}

const section = (title: string, lines: string[]) => (lines.length ? ['', title, ...lines] : []);
const clip = (text: string) => (text.length > DETAIL ? `${text.slice(0, DETAIL - 1)}…` : text);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The totals, conflicting files, codemods with the files they change, failures by code, and the
 * repositories that need attention.
 * @example formatForecast(forecastOf(reports, '0.3.0'))
 */
export function formatForecast(forecast: Forecast): string {
  const { counts } = forecast;
  const attention = forecast.repositories.filter((report) => report.status === 'conflicts' || report.status === 'failed');
  return [
    `Forecast of the upgrade to factory ${forecast.factoryVersion}, ${plural(forecast.total, 'repository', 'repositories')} (dry run: nothing written):`,
    `  ${counts.upgraded} upgrade cleanly, ${counts['up-to-date']} up to date, ${counts.conflicts} with conflicts, ${counts.failed} would fail`,
    ...section(
      'Conflicting files (repositories):',
      table(forecast.conflicts.map((file) => [file.path, file.repositories])),
    ),
    ...section(
      'Codemods (repositories) and the files they change (repositories):',
      table(forecast.codemods.map((codemod) => [codemod.codemod, codemod.repositories, codemod.files.map((file) => `${file.path} (${file.repositories})`).join(', ')])),
    ),
    ...section(
      'Failures (repositories):',
      table(forecast.failures.map((failure) => [failure.code, failure.repositories])),
    ),
    ...section(
      'Repositories that need attention:',
      attention.map((report) => `  #${report.index} ${report.origin ?? report.repo}: ${report.error ? clip(`${report.error.code}: ${report.error.message.split('\n')[0]}`) : `conflicts in ${report.conflicts.join(', ')}`}`),
    ),
  ].join('\n');
}
