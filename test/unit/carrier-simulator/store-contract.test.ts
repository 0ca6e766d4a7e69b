/** The SimulatorStore contract on the in-memory store (the mongoose store: test/e2e/simulator-store.test.ts). */
import { createMemorySimulatorStore } from '../../../carrier-simulator/memory-store';
import { simulatorStoreContract } from '../../support/simulator-store-contract';

simulatorStoreContract('in-memory', async () => createMemorySimulatorStore());
