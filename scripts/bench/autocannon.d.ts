// The part of autocannon 9 (which ships no types) the benchmarks use.
declare module 'autocannon' {
	import type { EventEmitter } from 'node:events';

	interface Request {
		method?: string;
		path?: string;
		headers?: Record<string, string>;
		body?: string;
		setupRequest?: (request: Request, context: Record<string, unknown>) => Request;
	}

	interface Options {
		url: string;
		connections?: number;
		duration?: number;
		pipelining?: number;
		timeout?: number;
		headers?: Record<string, string>;
		requests?: Request[];
	}

	interface Result {
		requests: { total: number; average: number };
		errors: number;
		timeouts: number;
		non2xx: number;
		statusCodeStats: Record<string, { count: number }>;
		throughput: { total: number };
		duration: number;
	}

	interface Instance extends EventEmitter, PromiseLike<Result> {
		stop(): void;
	}

	function autocannon(options: Options): Instance;
	export default autocannon;
}
