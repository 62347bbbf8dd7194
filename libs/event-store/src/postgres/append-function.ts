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
  LANGUAGE plpgsql
  -- Its plans are cached for the session, made while the tables may still
  -- be small or without statistics; a plan that scans events or streams
  -- then stays while they grow. Every look-up here is by a unique key.
  SET enable_seqscan = off
  SET enable_hashjoin = off
  SET enable_mergejoin = off
  AS $fn$
  BEGIN
    -- Every stream's lock first, in the order of their keys (so two
    -- batches never wait on each other in a circle), before the first
    -- write gives this transaction its id: that id then comes after every
    -- earlier append to these streams has committed, and readers' order
    -- by (tx_id, position) agrees with each stream's revisions.
    PERFORM pg_advisory_xact_lock(keys.key)
    FROM (
      SELECT DISTINCT hashtextextended(current_schema() || '/' || (i->>'stream'), 0) AS key
      FROM jsonb_array_elements(p_items) AS i
      ORDER BY 1
    ) AS keys;

    -- One statement for the whole batch, on a snapshot taken after the
    -- locks, so it sees every earlier append to these streams. The
    -- client sends at most one item per stream in a call.
    RETURN QUERY
    WITH items AS (
      SELECT (x.ordinality - 1)::integer AS item,
        x.i->>'stream' AS stream,
        (x.i->>'headRevision')::bigint AS head_revision,
        x.i->>'headHash' AS head_hash,
        (x.i->>'lastRevision')::bigint AS last_revision,
        x.i->>'lastHash' AS last_hash,
        x.i->'rows' AS rows
      FROM jsonb_array_elements(p_items) WITH ORDINALITY AS x(i, ordinality)
    ), found AS (
      SELECT it.item, jsonb_agg(jsonb_build_object(
          'eventId', e.event_id::text,
          'streamName', e.stream_name,
          'revision', e.revision::text,
          'position', e.tx_id::text || '/' || e.position::text)) AS stored
      FROM items it
      CROSS JOIN LATERAL jsonb_array_elements(it.rows) AS r
      JOIN events e ON e.event_id = (r->>'event_id')::uuid
      GROUP BY it.item
    ), verdicts AS (
      SELECT it.*, f.stored,
        coalesce(s.revision, -1) AS actual_revision,
        s.last_hash AS actual_hash,
        CASE
          WHEN f.stored IS NOT NULL THEN 'stored'
          WHEN coalesce(s.revision, -1) <> it.head_revision
            OR s.last_hash IS DISTINCT FROM it.head_hash THEN 'moved'
          ELSE 'appended'
        END AS outcome
      FROM items it
      LEFT JOIN found f ON f.item = it.item
      LEFT JOIN streams s ON s.stream_name = it.stream
    ), heads AS (
      INSERT INTO streams (stream_name, revision, last_hash)
      SELECT v.stream, v.last_revision, v.last_hash
      FROM verdicts v WHERE v.outcome = 'appended'
      ON CONFLICT (stream_name) DO UPDATE
        SET revision = EXCLUDED.revision, last_hash = EXCLUDED.last_hash
    ), inserted AS (
      -- Positions are drawn in this order: by item, then by revision.
      INSERT INTO events (stream_name, revision, event_id, command_id,
        type, schema_version, data, metadata, recorded_at, hash,
        previous_hash)
      SELECT e.stream_name, e.revision, e.event_id, e.command_id, e.type,
        e.schema_version, e.data, e.metadata, e.recorded_at, e.hash,
        e.previous_hash
      FROM verdicts v
      CROSS JOIN LATERAL jsonb_to_recordset(v.rows) AS e(stream_name text,
        revision bigint, event_id uuid, command_id text, type text,
        schema_version integer, data jsonb, metadata jsonb,
        recorded_at timestamptz, hash text, previous_hash text)
      WHERE v.outcome = 'appended'
      ORDER BY v.item, e.revision
      RETURNING events.stream_name, events.position
    ), lasts AS (
      SELECT ins.stream_name, max(ins.position) AS position
      FROM inserted ins GROUP BY ins.stream_name
    )
    SELECT v.item, v.outcome,
      CASE WHEN v.outcome = 'appended' THEN pg_current_xact_id()::text END,
      l.position::text,
      CASE WHEN v.outcome = 'moved' THEN v.actual_revision::text END,
      CASE WHEN v.outcome = 'moved' THEN v.actual_hash END,
      v.stored
    FROM verdicts v
    LEFT JOIN lasts l ON l.stream_name = v.stream
    ORDER BY v.item;

    -- Only a call that wrote has a transaction id.
    IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
      PERFORM pg_notify(p_channel, ${APPEND_NOTICE_PAYLOAD});
    END IF;
  END
  $fn$`;
