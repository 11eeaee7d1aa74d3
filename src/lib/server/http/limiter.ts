// A bound on the requests the server works on at once. Past `inFlight` they wait their turn in
// a queue, first come first served; past `queued` waiting, or after `timeoutMs` in the queue,
// they are turned away at once. A clear "try again shortly" beats a pile-up that slows every
// request down until the machine runs out of memory.
export interface LimiterOptions {
	inFlight: number;
	queued: number;
	timeoutMs: number;
}

export interface Limiter {
	/** resolves true when the request may proceed (call `release` when it is done), false when refused */
	acquire(): Promise<boolean>;
	release(): void;
	readonly active: number;
	readonly waiting: number;
}

export function createLimiter({ inFlight, queued, timeoutMs }: LimiterOptions): Limiter {
	let active = 0;
	const queue: ((admitted: boolean) => void)[] = [];

	return {
		acquire() {
			if (active < inFlight) {
				active++;
				return Promise.resolve(true);
			}
			if (queue.length >= queued) return Promise.resolve(false);
			return new Promise<boolean>((settle) => {
				const timer = setTimeout(() => {
					queue.splice(queue.indexOf(admit), 1);
					settle(false);
				}, timeoutMs);
				const admit = (admitted: boolean) => {
					clearTimeout(timer);
					settle(admitted);
				};
				queue.push(admit);
			});
		},
		release() {
			const next = queue.shift();
			// the slot passes straight to the next in line, so `active` stays the same
			if (next) next(true);
			else active--;
		},
		get active() {
			return active;
		},
		get waiting() {
			return queue.length;
		}
	};
}
