// Runs a command and samples the resident memory of its whole process tree (the command, its worker
// processes and the git processes they spawn) from /proc, so a multi-process run's peak is the peak of
// the sum, not of its largest process.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_KIB = 4;

/** pid → parent pid, for every process now running. */
function parents() {
  const links = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name (field 2) may hold spaces: the parent pid is the second field after its ")".
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      links.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  return links;
}

/** Resident KiB of `root` and every descendant. */
export function treeRssKiB(root) {
  const links = parents();
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of links) {
      if (tree.has(pid) || !tree.has(ppid)) continue;
      tree.add(pid);
      grew = true;
    }
  }
  let total = 0;
  for (const pid of tree) {
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_KIB;
    } catch {
      // Ended meanwhile.
    }
  }
  return total;
}

/**
 * Runs `command args`, sampling its tree every `intervalMs`; resolves with its stdout and the peak.
 * @returns {Promise<{ stdout: string, peakKiB: number }>}
 */
export function runSampled(command, args, { intervalMs = 25 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    let peakKiB = 0;
    const timer = setInterval(() => (peakKiB = Math.max(peakKiB, treeRssKiB(child.pid))), intervalMs);
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code === 0) resolve({ stdout, peakKiB });
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}`));
    });
  });
}
