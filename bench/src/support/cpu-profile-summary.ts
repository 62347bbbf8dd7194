import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: {
    functionName: string;
    url: string;
    lineNumber: number;
  };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface CpuProfileSummary {
  wallMs: number;
  /** Time on the CPU (the profile minus idle), milliseconds. */
  busyMs: number;
  /** Self time by where it was spent; native frames count for their caller. */
  byArea: { area: string; ms: number; share: number }[];
  topFunctions: { fn: string; ms: number; share: number }[];
}

const SPECIAL = new Set([
  '(garbage collector)',
  '(program)',
  '(idle)',
  '(root)',
]);

/** The package or library a script belongs to. */
export function areaOf(url: string): string | undefined {
  if (!url) return undefined;
  const lib = /\/libs\/([^/]+)\/dist\//.exec(url);
  if (lib) return `opsdesk ${lib[1]}`;
  const app = /\/apps\/([^/]+)\/dist\//.exec(url);
  if (app) return `opsdesk app ${app[1]}`;
  // Building the profile at `Profiler.stop` is sampled too: not the system's.
  if (url.includes('/bench/dist/support/cpu-profiler')) return 'profiler';
  if (url.includes('/bench/dist/support/query-stats'))
    return 'bench SQL timing';
  if (url.includes('/bench/dist/')) return 'bench harness';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) {
    const name = pkg[1];
    if (name === 'pg' || name.startsWith('pg-')) return 'pg driver';
    if (
      name.startsWith('@nestjs/') ||
      name === 'express' ||
      name === 'router'
    ) {
      return 'nest/express';
    }
    return name;
  }
  // Node's own modules (sockets, streams, crypto) count for the package
  // that called them, so a socket write made for a query is the driver's.
  return undefined;
}

/**
 * Summarises a .cpuprofile: self time by package (native frames and
 * Node's own modules are charged to the package that called them; what
 * no package called, such as timers and the event loop, is `node core`)
 * and the functions with the most self time.
 */
export function summarizeCpuProfile(file: string): CpuProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const areaCache = new Map<number, string>();
  const areaFor = (id: number): string => {
    const cached = areaCache.get(id);
    if (cached) return cached;
    const node = byId.get(id) as ProfileNode;
    const name = node.callFrame.functionName;
    let area: string;
    if (SPECIAL.has(name)) {
      area = name === '(garbage collector)' ? 'GC' : name.replace(/[()]/g, '');
    } else {
      const own = areaOf(node.callFrame.url);
      const up = parent.get(id);
      area = own ?? (up !== undefined ? areaFor(up) : 'node core');
      if (area === 'root') area = 'node core';
    }
    areaCache.set(id, area);
    return area;
  };

  const selfByNode = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    selfByNode.set(id, (selfByNode.get(id) ?? 0) + delta);
  });

  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let idle = 0;
  let total = 0;
  for (const [id, micros] of selfByNode) {
    total += micros;
    const area = areaFor(id);
    if (area === 'idle' || area === 'profiler') {
      idle += micros;
      continue;
    }
    areas.set(area, (areas.get(area) ?? 0) + micros);
    const frame = (byId.get(id) as ProfileNode).callFrame;
    // Paths relative to the package or the repository, never the machine's.
    const where = frame.url
      ? frame.url.replace(/^.*\/(node_modules|libs|apps|bench)\//, '$1/')
      : '';
    const fn = `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + micros);
  }
  const busy = total - idle;
  const rank = (m: Map<string, number>, key: 'area' | 'fn') =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([name, micros]) => ({
        [key]: name,
        ms: Math.round(micros / 1000),
        share: Math.round((micros / busy) * 1000) / 1000,
      }));
  return {
    wallMs: Math.round((profile.endTime - profile.startTime) / 1000),
    busyMs: Math.round(busy / 1000),
    byArea: rank(areas, 'area').slice(0, 14) as CpuProfileSummary['byArea'],
    topFunctions: rank(functions, 'fn').slice(
      0,
      15,
    ) as CpuProfileSummary['topFunctions'],
  };
}
