// Many connections asking for one page as fast as the server answers, with autocannon (no
// pipelining: one request at a time per connection, as browsers send them). Each request takes
// the next session in turn, so the server sees many signed-in people, not one.
import autocannon from 'autocannon';
import { summarise, type Timing } from './stats';

export interface LoadOptions {
	url: string;
	connections: number;
	seconds: number;
	/** cookies to take in turn, one per request */
	cookies?: string[];
	headers?: Record<string, string>;
}

export interface LoadResult {
	connections: number;
	requests: number;
	perSecond: number;
	latency: Timing;
	/** connection errors, timeouts included */
	errors: number;
	/** answers other than 2xx, by status */
	refused: Record<string, number>;
	bytesPerResponse: number;
}

/** What a browser sends for a page. */
export const BROWSER_HEADERS = { accept: 'text/html,application/xhtml+xml', 'accept-encoding': 'gzip, deflate, br', 'accept-language': 'vi' };

export async function hammer(options: LoadOptions): Promise<LoadResult> {
	const cookies = options.cookies ?? [];
	let turn = 0;
	const latencies: number[] = [];
	const instance = autocannon({
		url: options.url,
		connections: options.connections,
		duration: options.seconds,
		pipelining: 1,
		headers: options.headers ?? BROWSER_HEADERS,
		requests: [
			{
				setupRequest: (request) =>
					cookies.length ? { ...request, headers: { ...request.headers, cookie: cookies[turn++ % cookies.length]! } } : request
			}
		]
	});
	instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
	const result = await instance;
	const refused = Object.fromEntries(Object.entries(result.statusCodeStats).filter(([status]) => !status.startsWith('2')).map(([status, { count }]) => [status, count]));
	return {
		connections: options.connections,
		requests: latencies.length,
		perSecond: latencies.length / (result.duration || options.seconds),
		latency: summarise(latencies),
		errors: result.errors,
		refused,
		bytesPerResponse: latencies.length ? result.throughput.total / latencies.length : 0
	};
}
