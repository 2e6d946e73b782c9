/** Helpers for tests that run a generated project's service: a free port, sample rows, waiting for health. */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { ResultPromise } from 'execa';

/** A TCP port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Rows of the sample data as the service takes them: features only, numbers as numbers. */
export function sampleRows(dir: string, count: number): Record<string, string | number>[] {
  const [header, ...lines] = readFileSync(join(dir, 'data/sample.csv'), 'utf8').trim().split('\n');
  const columns = header!.split(',');
  return lines.slice(0, count).map((line) => {
    const values = line.split(',');
    return Object.fromEntries(
      columns
        .map((column, i): [string, string | number] => [column, Number.isNaN(Number(values[i])) ? values[i]! : Number(values[i])])
        .filter(([column]) => column !== 'customer_id' && column !== 'churned'),
    );
  });
}

/** Resolves once GET `<url><route>` (default /health) answers 200; fails when the service exits or 30 s pass. */
export async function waitForHealth(url: string, server: ResultPromise, route = '/health'): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the service exited: ${String((await server).stderr)}`);
    try {
      if ((await fetch(`${url}${route}`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the service did not become healthy in 30 s');
}
