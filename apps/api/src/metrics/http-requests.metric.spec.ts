import type { Request } from 'express';
import { routeOf } from './http-requests.metric';

const request = (fields: Partial<Request>) => fields as Request;

describe('the route an HTTP answer is counted under', () => {
  it('is the template of the route that answered, under its router’s mount path', () => {
    expect(
      routeOf(
        request({ baseUrl: '', route: { path: '/station-faults/:ticketId' } }),
      ),
    ).toBe('/station-faults/:ticketId');
    expect(
      routeOf(request({ baseUrl: '/queues', route: { path: '/api/queues' } })),
    ).toBe('/queues/api/queues');
  });

  it('is `unmatched` where no route answered', () => {
    expect(routeOf(request({ baseUrl: '' }))).toBe('unmatched');
  });
});
