// Shanghai keeps UTC+8 all year, so local hours are a fixed offset.
const OFFSET_MS = 8 * 60 * 60 * 1000;

export const HOUR_MS = 60 * 60 * 1000;

/** `YYYY-MM-DD` of an instant on the Shanghai calendar. */
export function shanghaiDayOf(instantMs: number): string {
  return new Date(instantMs + OFFSET_MS).toISOString().slice(0, 10);
}

/** The Shanghai wall-clock hour (0–23) of an instant. */
export function shanghaiHourOf(instantMs: number): number {
  return new Date(instantMs + OFFSET_MS).getUTCHours();
}

/** The start of the hour an instant falls in (whole hours agree with UTC). */
export function shanghaiHourStart(instantMs: number): number {
  return instantMs - (instantMs % HOUR_MS);
}
