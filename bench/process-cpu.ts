import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  readonly pid: number;
  readonly ppid: number;
  /** User + system CPU time, in seconds. */
  readonly cpuSeconds: number;
}

function procStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: the fields after its closing one are fixed.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    const cpuTicks = Number(fields[11]) + Number(fields[12]);
    return { pid, ppid, cpuSeconds: cpuTicks / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${String(pid)}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** The processes below `rootPid` (children, grandchildren, …) whose command line contains `marker`. */
export function descendantsMatching(rootPid: number, marker: string): number[] {
  const stats = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => procStat(Number(name)))
    .filter((stat): stat is ProcStat => stat !== null);
  const parentOf = new Map(stats.map((stat) => [stat.pid, stat.ppid]));
  const descends = (pid: number): boolean => {
    for (let at = parentOf.get(pid); at !== undefined && at > 1; at = parentOf.get(at))
      if (at === rootPid) return true;
    return false;
  };
  return stats
    .filter((stat) => descends(stat.pid) && commandLine(stat.pid).includes(marker))
    .map((stat) => stat.pid);
}

/** The CPU seconds (user + system) processes have used so far; a process that has ended counts 0. */
export function cpuSecondsOf(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + (procStat(pid)?.cpuSeconds ?? 0), 0);
}
