import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import type { AppendsResult } from '../appends/appends.part';
import type { EndToEndResult } from '../end-to-end/end-to-end.part';
import { PARTS, type BenchOptions } from '../options';
import type { QueriesResult } from '../queries/queries.part';
import type { RebuildResult } from '../rebuild/rebuild.part';
import type { ScaledResult } from '../scaled/scaled.part';
import type { MachineInfo } from '../support/machine';
import type { TargetVerdict } from './targets';

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  mode: 'full' | 'quick';
  reps: number;
  machine: MachineInfo;
  /** Load average before and after each part: how busy the machine was. */
  loadAverage: Record<
    string,
    { before: number[]; after: number[]; seconds: number }
  >;
  parts: {
    appends?: AppendsResult;
    endToEnd?: EndToEndResult;
    scaled?: ScaledResult;
    rebuild?: RebuildResult;
    queries?: QueriesResult;
  };
  targets?: TargetVerdict[];
}

export const RESULTS_DIR = join(__dirname, '..', '..', 'results');
const REPO_ROOT = join(__dirname, '..', '..', '..');
const DOC = join(REPO_ROOT, 'BENCHMARKS.md');
const START = '<!-- bench:latest:start -->';
const END = '<!-- bench:latest:end -->';

async function formatted(file: string, text: string, parser: string) {
  const config = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...config, parser });
}

/**
 * A full run (every part, not --quick) writes `latest.json`, which is
 * committed, and the table in BENCHMARKS.md; other runs write
 * `last-partial.json` beside it, which git ignores.
 */
export async function writeResults(
  results: BenchResults,
  report: string,
  options: BenchOptions,
): Promise<string[]> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const complete = !options.quick && options.parts.length === PARTS.length;
  const file = join(
    RESULTS_DIR,
    complete ? 'latest.json' : 'last-partial.json',
  );
  writeFileSync(
    file,
    await formatted(file, JSON.stringify(results, null, 2), 'json'),
  );
  const written = [file];
  if (options.writeDocs && complete) {
    const doc = readFileSync(DOC, 'utf8');
    const start = doc.indexOf(START);
    const end = doc.indexOf(END);
    if (start >= 0 && end > start) {
      const next = `${doc.slice(0, start + START.length)}\n\n${report}\n\n${doc.slice(end)}`;
      writeFileSync(DOC, await formatted(DOC, next, 'markdown'));
      written.push(DOC);
    }
  }
  return written;
}
