import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// V8 sizes its heap from the machine's memory and lets garbage grow to a
// few times what is live before it collects. A walk over a long log keeps
// a page or two live at a time, so without a nudge its footprint would be
// mostly old pages waiting for a collection: hundreds of MB on a large
// machine. A full collection every few pages keeps it at what is live.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as (() => void) | undefined;

/** Collects garbage now, if the runtime allows it; a no-op otherwise. */
export function trimHeap(): void {
  collect?.();
}
