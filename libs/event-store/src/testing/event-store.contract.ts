import { afterAll, beforeAll, describe, jest } from '@jest/globals';
import { describeAppending } from './contract/appending.contract';
import { describeBatches } from './contract/batches.contract';
import { describeIntegrity } from './contract/integrity.contract';
import { describeReading } from './contract/reading.contract';
import { describeSubscribing } from './contract/subscribing.contract';
import {
  PATIENCE_MS,
  type ContractFactory,
  type ContractHarness,
  type ContractOptions,
} from './contract-fixtures';

export type {
  ContractFactory,
  ContractHarness,
  ContractOptions,
} from './contract-fixtures';

/**
 * The behaviour every EventStore adapter must show, written once. The
 * factory runs once for the suite; tests keep apart by unique stream
 * names, so the store need not be empty.
 */
export function describeEventStoreContract(
  name: string,
  factory: ContractFactory,
  options: ContractOptions = {},
): void {
  describe(`the ${name} event store`, () => {
    jest.setTimeout(PATIENCE_MS * 2);
    let harness: ContractHarness | undefined;

    beforeAll(async () => {
      harness = await factory();
    });

    afterAll(async () => {
      await harness?.cleanup();
    });

    const current = (): ContractHarness => {
      if (!harness)
        throw new Error(`the ${name} contract harness did not start`);
      return harness;
    };

    describeAppending(current);
    describeBatches(current, options);
    describeReading(current);
    describeSubscribing(current);
    describeIntegrity(current);
  });
}
