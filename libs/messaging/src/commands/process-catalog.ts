import type {
  DomainCommand,
  DomainEvent,
  ProcessDefinition,
} from '@opsdesk/domain';

// The engine handles every process through the same erased shape; each
// definition is type-checked where it is written.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProcess = ProcessDefinition<
  any,
  DomainCommand,
  DomainEvent,
  any
>;

export interface RegisteredProcess {
  definition: AnyProcess;
  config: unknown;
}

/** The processes this installation runs, with their configuration. */
export class ProcessCatalog {
  private readonly byId = new Map<string, RegisteredProcess>();

  register(definition: AnyProcess, config: unknown): this {
    this.byId.set(definition.processId, { definition, config });
    return this;
  }

  get(processId: string): RegisteredProcess | undefined {
    return this.byId.get(processId);
  }

  /** The process whose streams start with `<processId>-`. */
  ofStream(streamName: string): RegisteredProcess | undefined {
    for (const [id, entry] of this.byId) {
      if (streamName.startsWith(`${id}-`)) return entry;
    }
    return undefined;
  }

  streamPrefixes(): string[] {
    return [...this.byId.keys()].map((id) => `${id}-`);
  }
}
