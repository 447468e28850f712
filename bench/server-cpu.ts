import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time (seconds, user + system, all threads) of a process and its descendants, from
 * /proc (Linux). Undefined where /proc is missing. Used by the load test to print what the
 * server spends per answered request, which a busy client sharing the cores does not blur
 * the way it blurs latency.
 */
export function processTreeCpuSeconds(rootPid: number): number | undefined {
  const ticksPerSecond = 100; // USER_HZ: 100 on every Linux architecture Node supports.
  const seen = new Set<number>();
  /** Ticks of `pid` and its descendants; undefined when `pid` is gone. */
  const ticksOf = (pid: number): number | undefined => {
    if (seen.has(pid)) return 0;
    seen.add(pid);
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      return undefined;
    }
    // Fields after the command name (which may hold spaces) in its parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    let ticks = Number(fields[11]) + Number(fields[12]);
    for (const child of childPids(pid)) ticks += ticksOf(child) ?? 0;
    return ticks;
  };
  const ticks = ticksOf(rootPid);
  return ticks === undefined ? undefined : ticks / ticksPerSecond;
}

/** Children of every thread of `pid` (none when it ended between two reads). */
function childPids(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return tasks.flatMap((task) => {
    try {
      return readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
    } catch {
      return [];
    }
  });
}
