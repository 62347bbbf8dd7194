import { MessageChannel } from 'node:worker_threads';
import type { FromProjectionThread } from './thread-messages';
import { ToldNonAppending } from './told-non-appending';

describe('ToldNonAppending', () => {
  it('keeps its open pages and tells the other thread of each opening and ending', async () => {
    const { port1, port2 } = new MessageChannel();
    const heard: FromProjectionThread[] = [];
    const allHeard = new Promise<void>((done) =>
      port2.on('message', (message: FromProjectionThread) => {
        heard.push(message);
        if (heard.length === 3) done();
      }),
    );
    const pages = new ToldNonAppending(port1);

    pages.add('701');
    pages.add('702');
    pages.delete('701');
    await allHeard;

    expect(pages.list()).toEqual(['702']);
    expect(heard).toEqual([
      { type: 'page-open', id: '701' },
      { type: 'page-open', id: '702' },
      { type: 'page-ended', id: '701' },
    ]);
    port1.close();
  });
});
