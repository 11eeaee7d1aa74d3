// Session times as the trainer writes them: a date and a clock time in Viet Nam (UTC+7, no
// daylight saving), whatever time zone the server runs in.
const OFFSET_MS = 7 * 3_600_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/** The instant of `2026-12-06` `08:30` in Viet Nam; null for a date or time that does not exist. */
export function vietnamInstant(date: string, time: string): number | null {
	const d = DATE.exec(date);
	const t = TIME.exec(time);
	if (!d || !t) return null;
	const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [number, number, number, number, number];
	if (hour > 23 || minute > 59) return null;
	const utc = Date.UTC(year, month - 1, day, hour, minute);
	const check = new Date(utc);
	if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
	return utc - OFFSET_MS;
}

/** The date (`YYYY-MM-DD`) and time (`HH:MM`) of an instant in Viet Nam, for a form. */
export function vietnamDateTime(ms: number): { date: string; time: string } {
	const iso = new Date(ms + OFFSET_MS).toISOString();
	return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}
