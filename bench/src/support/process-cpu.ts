import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

interface ProcessTimes {
  pid: number;
  group: string;
  cpuMs: number;
}

function readTimes(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after comm.
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** Total busy and idle CPU time of the machine, milliseconds. */
function machineTimes(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const v = line.split(/\s+/).slice(1).map(Number);
  const idle = v[3] + v[4];
  const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: (total - idle) * TICK_MS, total: total * TICK_MS };
}

export interface CpuSplit {
  wallMs: number;
  /** CPU milliseconds per group over the window. */
  groups: Record<string, number>;
  machineBusyMs: number;
  machineTotalMs: number;
}

/**
 * CPU time per process group over a window, from /proc: the processes
 * named in `own`, PostgreSQL backends of `database`, other PostgreSQL
 * processes, Redis, and the machine as a whole (other users included).
 */
export class CpuWindow {
  private readonly startedAt = Date.now();
  private readonly start: ProcessTimes[];
  private readonly machine = machineTimes();

  constructor(
    private readonly own: Record<string, number>,
    private readonly database: string,
  ) {
    this.start = this.sample();
  }

  private sample(): ProcessTimes[] {
    const ownByPid = new Map(Object.entries(this.own).map(([g, p]) => [p, g]));
    const out: ProcessTimes[] = [];
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const pid = Number(entry);
      let group = ownByPid.get(pid);
      if (!group) {
        const command = commandOf(pid);
        if (command.startsWith('postgres: ')) {
          group = command.includes(` ${this.database} `)
            ? `postgres (${this.database})`
            : 'postgres (other)';
        } else if (command.includes('/postgres ')) {
          group = 'postgres (other)';
        } else if (command.startsWith('redis-server')) {
          group = 'redis (shared)';
        }
      }
      if (!group) continue;
      const cpuMs = readTimes(pid);
      if (cpuMs !== undefined) out.push({ pid, group, cpuMs });
    }
    return out;
  }

  finish(): CpuSplit {
    const end = this.sample();
    const before = new Map(this.start.map((p) => [p.pid, p.cpuMs]));
    const groups: Record<string, number> = {};
    for (const p of end) {
      const used = p.cpuMs - (before.get(p.pid) ?? 0);
      groups[p.group] = (groups[p.group] ?? 0) + used;
    }
    const machine = machineTimes();
    return {
      wallMs: Date.now() - this.startedAt,
      groups,
      machineBusyMs: machine.busy - this.machine.busy,
      machineTotalMs: machine.total - this.machine.total,
    };
  }
}
