import type { Request } from 'express';
import { methodOf, routeOf } from './http-requests.metric';

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

describe('the method an HTTP answer is counted under', () => {
  it('is one of the usual seven, or `other` for the rest Node accepts', () => {
    expect(methodOf(request({ method: 'PATCH' }))).toBe('PATCH');
    expect(methodOf(request({ method: 'PROPFIND' }))).toBe('other');
  });
});
