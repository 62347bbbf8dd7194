import {
  eventFactory,
  withoutUndefined,
  type DomainEvent,
} from './domain-event';

type NoteEvent =
  | DomainEvent<'note.added', { text: string; by?: string }>
  | DomainEvent<'note.cleared', { count: number; reason: string | null }>;

describe('an event factory', () => {
  const noteEvent = eventFactory<NoteEvent>(3);

  it('stamps the type and its schema version on the data', () => {
    expect(noteEvent('note.added', { text: '已回访', by: 'agent-1' })).toEqual({
      type: 'note.added',
      schemaVersion: 3,
      data: { text: '已回访', by: 'agent-1' },
    });
  });

  it('leaves out undefined keys, as JSON would, and keeps null, 0 and false', () => {
    const added = noteEvent('note.added', { text: '', by: undefined });
    expect(Object.keys(added.data)).toEqual(['text']);
    expect(noteEvent('note.cleared', { count: 0, reason: null }).data).toEqual({
      count: 0,
      reason: null,
    });
    expect(withoutUndefined({ on: false, off: undefined })).toEqual({
      on: false,
    });
  });
});
