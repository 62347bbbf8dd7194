// One implementation for the tests and the bench's scaled part (which
// cannot import from test/: its TypeScript is rooted in bench/src).
export { OwnRedisCluster } from '../../bench/src/support/own-redis-cluster';
