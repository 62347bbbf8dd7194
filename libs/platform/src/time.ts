/** The zone every user of opsdesk lives in. */
export const SHANGHAI = 'Asia/Shanghai';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: SHANGHAI,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const timeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: SHANGHAI,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** `2026-12-04`: the Shanghai calendar day of an instant. */
export function shanghaiDay(instant: Date | string): string {
  return dayFormat.format(new Date(instant));
}

/** `2026/12/04 22:05:09`: an instant on a Shanghai wall clock. */
export function shanghaiTime(instant: Date | string): string {
  return timeFormat.format(new Date(instant));
}
