export type { Upcaster } from './upcaster';
export {
  UpcasterChainError,
  UpcasterRegistry,
  type UpcasterChainProblem,
} from './upcaster-registry';
export { UpcastingEventStore, withUpcasting } from './with-upcasting';
