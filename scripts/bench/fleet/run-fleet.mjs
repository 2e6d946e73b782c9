// Child process of the benchmark: upgrades the repositories listed in argv[2] with the fleet runner
// (worker processes, each loading the catalog and the codemods once) and prints its wall time.
import { availableParallelism } from 'node:os';
import { runFleet } from '../../../packages/cli/dist/fleet/run.js';
import { collectRepos } from '../../../packages/cli/dist/fleet/repos.js';

const repos = collectRepos([], process.argv[2], process.cwd());
const concurrency = Number(process.argv[3] ?? availableParallelism());
const { reports, wallMs } = await runFleet(repos, { concurrency });
const statuses = {};
for (const report of reports) statuses[report.status] = (statuses[report.status] ?? 0) + 1;
const failures = reports.filter((report) => report.status !== 'upgraded').slice(0, 3).map((report) => report.error?.message ?? report.status);
process.stdout.write(JSON.stringify({ wallMs, statuses, failures }));
