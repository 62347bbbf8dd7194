import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ended } from './processes';

const ROOT = resolve(__dirname, '..', '..', '..');
const KEEP_OUTPUT = 64 * 1024;

export interface MemberSpec {
  name: string;
  app: 'worker' | 'projector';
  args?: string[];
  env?: Record<string, string>;
}

interface Member {
  spec: MemberSpec;
  child?: ChildProcess;
  /** False once stopped on purpose: no restart. */
  wanted: boolean;
  /** Extra environment for the next start only (a fault point). */
  once?: Record<string, string>;
  output: string;
  starts: number;
}

/**
 * The harness's own opsdesk processes (built apps, run with node), kept
 * alive like a process supervisor would: a member that dies is started
 * again after a short pause, unless it was stopped on purpose. That is
 * also how a member that found PostgreSQL or Redis down at start-up (and
 * exited 1) comes back.
 */
export class Fleet {
  private readonly members = new Map<string, Member>();
  private stopping = false;

  constructor(
    private readonly env: Record<string, string>,
    private readonly restartDelayMs = 300,
  ) {}

  start(spec: MemberSpec): void {
    const member: Member = { spec, wanted: true, output: '', starts: 0 };
    this.members.set(spec.name, member);
    this.launch(member);
  }

  /** Every member that should run has a live process. */
  allUp(): boolean {
    return [...this.members.values()].every((m) => !m.wanted || m.child);
  }

  names(): string[] {
    return [...this.members.keys()];
  }

  pid(name: string): number | undefined {
    return this.member(name).child?.pid;
  }

  /** Kills a member (SIGKILL unless told); the supervisor restarts it. */
  async kill(name: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.member(name).child;
    if (!child) return;
    child.kill(signal);
    await ended(child);
  }

  /** Kills a member and starts it once with extra environment. */
  async restartWith(name: string, env: Record<string, string>): Promise<void> {
    const member = this.member(name);
    member.once = env;
    await this.kill(name);
  }

  /** SIGKILL, and no restart until `resume`. */
  async halt(name: string): Promise<void> {
    const member = this.member(name);
    member.wanted = false;
    await this.kill(name);
  }

  /** Starts a halted member again. */
  resume(name: string): void {
    const member = this.member(name);
    member.wanted = true;
    if (!member.child) this.launch(member);
  }

  /** SIGTERM, and no restart: resolves with how the process ended. */
  async terminate(
    name: string,
  ): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const member = this.member(name);
    member.wanted = false;
    const child = member.child;
    if (!child) return { code: null, signal: null };
    child.kill('SIGTERM');
    await ended(child);
    return { code: child.exitCode, signal: child.signalCode };
  }

  /** Waits until a member's current process has ended. */
  async exited(name: string): Promise<void> {
    const child = this.member(name).child;
    if (child) await ended(child);
  }

  /** The last lines a member wrote, for a failure message. */
  output(name: string): string {
    return this.member(name).output;
  }

  starts(name: string): number {
    return this.member(name).starts;
  }

  /** SIGTERM to all, SIGKILL to whoever is still there after `graceMs`. */
  async stopAll(graceMs = 20_000): Promise<void> {
    this.stopping = true;
    const alive = [...this.members.values()].filter((m) => m.child);
    for (const member of alive) {
      member.wanted = false;
      member.child?.kill('SIGTERM');
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(alive.map((m) => (m.child ? ended(m.child) : undefined))),
      new Promise((resolve) => (timer = setTimeout(resolve, graceMs))),
    ]);
    clearTimeout(timer);
    for (const member of alive) {
      if (member.child && member.child.exitCode === null) {
        member.child.kill('SIGKILL');
        await ended(member.child);
      }
    }
  }

  private member(name: string): Member {
    const member = this.members.get(name);
    if (!member) throw new Error(`No fleet member ${name}`);
    return member;
  }

  private launch(member: Member): void {
    const entry = resolve(ROOT, 'apps', member.spec.app, 'dist', 'main.js');
    if (!existsSync(entry)) {
      throw new Error(
        `${entry} is missing: run npx tsc -b tsconfig.build.json`,
      );
    }
    const once = member.once ?? {};
    member.once = undefined;
    member.starts += 1;
    const child = spawn(
      process.execPath,
      [entry, ...(member.spec.args ?? [])],
      {
        cwd: ROOT,
        env: { ...process.env, ...this.env, ...member.spec.env, ...once },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    // FAULTS_OUTPUT_DIR keeps every line of every member, for a long run.
    const file = process.env.FAULTS_OUTPUT_DIR
      ? resolve(process.env.FAULTS_OUTPUT_DIR, `${member.spec.name}.log`)
      : undefined;
    const keep = (chunk: Buffer) => {
      member.output = (member.output + chunk.toString()).slice(-KEEP_OUTPUT);
      if (file) appendFileSync(file, chunk);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    member.child = child;
    child.once('exit', () => {
      if (member.child === child) member.child = undefined;
      if (!member.wanted || this.stopping) return;
      setTimeout(() => {
        if (member.wanted && !this.stopping && !member.child) {
          this.launch(member);
        }
      }, this.restartDelayMs);
    });
  }
}
