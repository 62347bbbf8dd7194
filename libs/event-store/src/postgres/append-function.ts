import { APPEND_NOTICE_PAYLOAD } from './append-notice';

/**
 * The append as one server-side call, for many streams at once: the
 * client sends each stream's events already numbered and hash-chained on
 * the head it believes current, and the function, under the streams'
 * locks, either writes them or says why not. Called outside a
 * transaction, the call is its own transaction: one round trip and one
 * commit for a whole batch of appends, where the statement-by-statement
 * append (append-in-transaction.ts) takes six round trips for one.
 *
 * Each item's outcome:
 * - `appended`: written; `tx_id` and `last_position` place its last event;
 * - `stored`: some of its event ids are stored already (a retry, or a
 *   mistake), listed in `stored` for the client to judge; nothing written;
 * - `moved`: the head is not the one the events were chained on; the
 *   actual head is in `actual_revision` / `actual_hash`; nothing written.
 */
export const APPEND_FUNCTION_SQL = `
  CREATE OR REPLACE FUNCTION opsdesk_append_batch(p_items jsonb, p_channel text)
  RETURNS TABLE (item integer, outcome text, tx_id text, last_position text,
    actual_revision text, actual_hash text, stored jsonb)
  LANGUAGE plpgsql AS $fn$
  DECLARE
    v_key bigint;
    v_item jsonb;
    v_index integer;
    v_stream text;
    v_head_revision bigint;
    v_head_hash text;
    v_stored jsonb;
    v_position bigint;
    v_appended boolean := false;
  BEGIN
    -- Every stream's lock first, in the order of their keys (so two
    -- batches never wait on each other in a circle), before the first
    -- write gives this transaction its id: that id then comes after every
    -- earlier append to these streams has committed, and readers' order
    -- by (tx_id, position) agrees with each stream's revisions.
    FOR v_key IN
      SELECT DISTINCT hashtextextended(current_schema() || '/' || (i->>'stream'), 0)
      FROM jsonb_array_elements(p_items) AS i
      ORDER BY 1
    LOOP
      PERFORM pg_advisory_xact_lock(v_key);
    END LOOP;

    FOR v_item, v_index IN
      SELECT value, (ordinality - 1)::integer
      FROM jsonb_array_elements(p_items) WITH ORDINALITY
    LOOP
      v_stream := v_item->>'stream';
      item := v_index;
      tx_id := NULL; last_position := NULL;
      actual_revision := NULL; actual_hash := NULL; stored := NULL;

      SELECT coalesce(jsonb_agg(jsonb_build_object(
          'eventId', e.event_id::text,
          'streamName', e.stream_name,
          'revision', e.revision::text,
          'position', e.tx_id::text || '/' || e.position::text)), '[]'::jsonb)
        INTO v_stored
        FROM events e
        WHERE e.event_id IN (
          SELECT (r->>'event_id')::uuid
          FROM jsonb_array_elements(v_item->'rows') AS r);
      IF jsonb_array_length(v_stored) > 0 THEN
        outcome := 'stored'; stored := v_stored;
        RETURN NEXT;
        CONTINUE;
      END IF;

      SELECT s.revision, s.last_hash INTO v_head_revision, v_head_hash
        FROM streams s WHERE s.stream_name = v_stream;
      IF NOT FOUND THEN
        v_head_revision := -1;
        v_head_hash := NULL;
      END IF;
      IF v_head_revision <> (v_item->>'headRevision')::bigint
         OR v_head_hash IS DISTINCT FROM (v_item->>'headHash') THEN
        outcome := 'moved';
        actual_revision := v_head_revision::text;
        actual_hash := v_head_hash;
        RETURN NEXT;
        CONTINUE;
      END IF;

      IF v_head_revision = -1 THEN
        INSERT INTO streams (stream_name, revision, last_hash)
        VALUES (v_stream, (v_item->>'lastRevision')::bigint,
                v_item->>'lastHash');
      ELSE
        UPDATE streams
          SET revision = (v_item->>'lastRevision')::bigint,
              last_hash = v_item->>'lastHash'
          WHERE stream_name = v_stream;
      END IF;
      WITH inserted AS (
        INSERT INTO events (stream_name, revision, event_id, command_id,
          type, schema_version, data, metadata, recorded_at, hash,
          previous_hash)
        SELECT e.stream_name, e.revision, e.event_id, e.command_id, e.type,
          e.schema_version, e.data, e.metadata, e.recorded_at, e.hash,
          e.previous_hash
        FROM jsonb_to_recordset(v_item->'rows') AS e(stream_name text,
          revision bigint, event_id uuid, command_id text, type text,
          schema_version integer, data jsonb, metadata jsonb,
          recorded_at timestamptz, hash text, previous_hash text)
        ORDER BY e.revision
        RETURNING events.position)
      SELECT max(inserted.position) INTO v_position FROM inserted;
      outcome := 'appended';
      tx_id := pg_current_xact_id()::text;
      last_position := v_position::text;
      v_appended := true;
      RETURN NEXT;
    END LOOP;

    IF v_appended THEN
      PERFORM pg_notify(p_channel, ${APPEND_NOTICE_PAYLOAD});
    END IF;
  END
  $fn$`;
