// Sends a file from disk as a streamed response, with its content type, caching headers and
// single byte ranges (a video in a package must be seekable, and Safari insists on ranges).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { lookup } from 'mrmime';

export interface FileResponseOptions {
	cacheControl: string;
	headers?: Record<string, string>;
}

/** null when the path is not a readable file. */
export async function fileResponse(request: Request, file: string, options: FileResponseOptions): Promise<Response | null> {
	const info = await stat(file).catch(() => null);
	if (!info?.isFile()) return null;
	const type = lookup(file) ?? 'application/octet-stream';
	const headers = new Headers({
		'content-type': type.startsWith('text/') || type === 'application/javascript' ? `${type}; charset=utf-8` : type,
		'cache-control': options.cacheControl,
		'last-modified': info.mtime.toUTCString(),
		'accept-ranges': 'bytes',
		...options.headers
	});
	const range = parseRange(request.headers.get('range'), info.size);
	if (range === 'unsatisfiable') {
		headers.set('content-range', `bytes */${info.size}`);
		return new Response(null, { status: 416, headers });
	}
	const { start, end } = range ?? { start: 0, end: info.size - 1 };
	headers.set('content-length', String(Math.max(0, end - start + 1)));
	if (range) headers.set('content-range', `bytes ${start}-${end}/${info.size}`);
	const body = request.method === 'HEAD' || info.size === 0 ? null : (Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream);
	return new Response(body, { status: range ? 206 : 200, headers });
}

/** One `bytes=a-b`, `bytes=a-` or `bytes=-n` range; several ranges are answered whole. */
export function parseRange(header: string | null, size: number): { start: number; end: number } | 'unsatisfiable' | null {
	const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
	if (!match || (match[1] === '' && match[2] === '')) return null;
	let start: number;
	let end: number;
	if (match[1] === '') {
		start = Math.max(0, size - Number(match[2]));
		end = size - 1;
	} else {
		start = Number(match[1]);
		end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
	}
	if (start >= size || start > end) return 'unsatisfiable';
	return { start, end };
}
