// Runs a command and samples the resident memory of its whole process tree (the command, its worker
// processes and the git processes they spawn) from /proc, so a multi-process run's peak is the peak of
// the sum, not of its largest process; and takes the CPU time the whole tree used.
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
  const cmdline = (pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      return undefined;
    }
  };
  let total = 0;
  for (const pid of tree) {
    // A child forked to run git shares every page of its parent until its exec, a millisecond or two
    // later: counting both would count the worker twice, in more samples the longer the run.
    if (pid !== root && cmdline(pid) === cmdline(links.get(pid))) continue;
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_KIB;
    } catch {
      // Ended meanwhile.
    }
  }
  return total;
}

const TICKS_PER_MS = 0.1; // USER_HZ is 100 on Linux

/**
 * CPU milliseconds (user and system) of every waited-for descendant of this process so far: a process's
 * children's time is added to it when it waits for them, so a run's whole tree (workers, git) adds up here.
 */
function descendantsCpuMs() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // cutime and cstime are fields 16 and 17 of stat(5), the 14th and 15th after the command name.
  return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_MS;
}

/**
 * Runs `command args`, sampling its tree every `intervalMs`; resolves with its stdout and the peak.
 * @returns {Promise<{ stdout: string, peakKiB: number, cpuMs: number }>}
 */
export function runSampled(command, args, { intervalMs = 25 } = {}) {
  return new Promise((resolve, reject) => {
    const cpuBefore = descendantsCpuMs();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    let peakKiB = 0;
    const timer = setInterval(() => (peakKiB = Math.max(peakKiB, treeRssKiB(child.pid))), intervalMs);
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      if (code === 0) resolve({ stdout, peakKiB, cpuMs: descendantsCpuMs() - cpuBefore });
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}`));
    });
  });
}
