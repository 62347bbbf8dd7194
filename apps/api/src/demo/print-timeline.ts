import { shanghaiTime } from '@opsdesk/platform';
import type { OpsdeskClient, TimelineEntry } from './opsdesk-client';
import type { ScenarioResult } from './scenarios';

/** A ticket's timeline as a person reads it: Shanghai time, role, action. */
export async function formatTimeline(
  client: OpsdeskClient,
  result: ScenarioResult,
): Promise<string> {
  const { entries } = await client.get<{ entries: TimelineEntry[] }>(
    `/station-faults/${result.ticketId}/timeline`,
  );
  const lines = entries.map(
    (e) =>
      `  ${shanghaiTime(e.recordedAt)}  ${pad(e.actorRoleZh, 10)} ${pad(e.actorId, 18)} ${e.labelZh} (${e.labelEn})`,
  );
  return [
    `${result.name}  ${result.ticketNumber}  → ${result.finalStatus}`,
    ...lines,
    '',
  ].join('\n');
}

function pad(text: string, width: number): string {
  // CJK characters take two columns in a terminal.
  const columns = [...text].reduce(
    (n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1),
    0,
  );
  return (
    text +
    ' '.repeat(Math.max(1, width * 2 - columns > 0 ? width + 8 - columns : 1))
  );
}
