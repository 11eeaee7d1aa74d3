// The arithmetic of the benchmarks, kept apart from servers and sockets so it can be tested:
// percentiles, memory figures read from /proc, Markdown tables, request schedules.

export interface Timing {
	p50: number;
	p95: number;
	p99: number;
	max: number;
	runs: number;
}

/** Nearest-rank percentiles (the value below which q of the samples fall, never interpolated). */
export function summarise(samples: number[]): Timing {
	if (samples.length === 0) return { p50: NaN, p95: NaN, p99: NaN, max: NaN, runs: 0 };
	const sorted = Float64Array.from(samples).sort();
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
	return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** VmRSS (now) and VmHWM (the peak since the process started) of a /proc/<pid>/status, in kB. */
export function memoryOf(status: string): { rssKb: number; peakKb: number } {
	const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
	return { rssKb: field('VmRSS'), peakKb: field('VmHWM') };
}

/** Pss of a /proc/<pid>/smaps_rollup, in kB: resident memory with each shared page (the node
 * binary, libraries, shared by a cluster's processes) divided among the processes sharing it. */
export function proportionalKbOf(rollup: string): number {
	return Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? NaN);
}

/** CPU time a process has used (user + system), in clock ticks, from its /proc/<pid>/stat. */
export function cpuTicksOf(stat: string): number {
	// fields after the command name (which may hold spaces): state is the 3rd field, utime the 14th
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return Number(fields[11]) + Number(fields[12]);
}

/** Times at which `count` clients act, spread evenly at random over [from, from + spanMs). */
export function spread(count: number, from: number, spanMs: number, random: () => number = Math.random): number[] {
	return Array.from({ length: count }, () => from + random() * spanMs);
}

/** `count` moments inside [from, from + spanMs), in order: one client's actions over a period. */
export function sortedMoments(count: number, from: number, spanMs: number, random: () => number = Math.random): number[] {
	return spread(count, from, spanMs, random).sort((a, b) => a - b);
}

/** Waits until performance.now() reaches `at`. */
export const sleepUntil = (at: number) => new Promise((done) => setTimeout(done, Math.max(0, at - performance.now())));

export const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 1 : 0)} ms` : '—');
export const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
export const count = (n: number) => new Intl.NumberFormat('en-GB').format(Math.round(n));

export function table(headers: string[], rows: (string | number)[][], rightFrom = 1): string {
	const align = headers.map((_, i) => (i >= rightFrom ? '---:' : '---'));
	return [headers, align, ...rows.map((r) => r.map(String))].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** A post on a board, as the benchmark's log or the server's pages show it. */
export interface SeenPost {
	id: number;
	threadId: number;
	authorId: number;
}

/**
 * What a reader's board should say is new in each thread: posts by others above the last one
 * the reader was shown (a thread page marks read up to its last post) or wrote (writing marks
 * the thread read up to the new post). `lastShown`: thread id → highest post id the reader saw.
 */
export function expectedUnread(posts: SeenPost[], readerId: number, lastShown: Map<number, number>): Map<number, number> {
	const mark = new Map(lastShown);
	for (const post of posts) {
		if (post.authorId === readerId) mark.set(post.threadId, Math.max(mark.get(post.threadId) ?? 0, post.id));
	}
	const unread = new Map<number, number>();
	for (const post of posts) {
		const before = unread.get(post.threadId) ?? 0;
		const isNew = post.authorId !== readerId && post.id > (mark.get(post.threadId) ?? 0);
		unread.set(post.threadId, before + (isNew ? 1 : 0));
	}
	return unread;
}
