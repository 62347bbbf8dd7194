// Starts the files known to run for minutes first. Without a timing cache
// (a fresh clone, as in CI) jest orders files by size, which puts these
// small files last; run last, nothing overlaps them and the run is as long
// as the sum.
const Sequencer = require('@jest/test-sequencer').default;

const SLOW_FIRST = [
  /test\/faults\/mixed-faults\.int-spec\.ts$/,
  /test\/audit\/audit-streaming\.int-spec\.ts$/,
  /test\/faults\/redis-wipe\.int-spec\.ts$/,
];

const rank = (path) => {
  const index = SLOW_FIRST.findIndex((pattern) => pattern.test(path));
  return index === -1 ? SLOW_FIRST.length : index;
};

class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests);
    return [...ordered].sort((a, b) => rank(a.path) - rank(b.path));
  }
}

module.exports = SlowFirstSequencer;
