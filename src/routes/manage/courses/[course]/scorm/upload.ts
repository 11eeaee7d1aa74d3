// Sends a zip to the server in chunks (see $lib/server/scorm/uploads.ts): each chunk is retried
// with a growing pause when the connection drops, and the server's count of received bytes is
// where a retry resumes, so nothing is sent twice and nothing is skipped.
export type UploadStage = 'sending' | 'retrying' | 'checking';

export type UploadTarget = { course: string; module: string; title: string } | { replace: number };

export interface ImportAnalysis {
	externalUrls: string[];
	externalCount: number;
	referencesApi: boolean;
}

/** A SCORM 2004 sequencing construct the translation left out or changed (server: sequencing/tree.ts). */
export interface SequencingWarning {
	key: 'unknownRuleAction' | 'unknownCondition' | 'unsupportedElement' | 'badValue' | 'badPrerequisites';
	item: string;
	detail: string;
}

export type UploadOutcome =
	| {
			ok: true;
			title: string;
			scos: number;
			existing: boolean;
			version: '1.2' | '2004';
			analysis: ImportAnalysis | null;
			sequencingWarnings: SequencingWarning[];
	  }
	| { ok: false; message: string | null };

interface Callbacks {
	onStage(stage: UploadStage): void;
	onProgress(sentBytes: number): void;
}

const MAX_RETRIES = 6;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function messageOf(response: Response): Promise<string | null> {
	const body = (await response.json().catch(() => null)) as { message?: string } | null;
	return body?.message ?? null;
}

export async function uploadInChunks(file: File, target: UploadTarget, callbacks: Callbacks): Promise<UploadOutcome> {
	callbacks.onStage('sending');
	const start = await fetch('/manage/scorm/uploads', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ name: file.name, size: file.size })
	}).catch(() => null);
	if (!start) return { ok: false, message: null };
	if (!start.ok) return { ok: false, message: await messageOf(start) };
	const { id, chunkBytes } = (await start.json()) as { id: string; chunkBytes: number };

	let offset = 0;
	let failures = 0;
	while (offset < file.size) {
		const chunk = file.slice(offset, Math.min(offset + chunkBytes, file.size));
		const response = await fetch(`/manage/scorm/uploads/${id}?offset=${offset}`, {
			method: 'PUT',
			headers: { 'content-type': 'application/octet-stream' },
			body: chunk
		}).catch(() => null);
		if (response?.ok) {
			offset = ((await response.json()) as { received: number }).received;
			failures = 0;
			callbacks.onStage('sending');
			callbacks.onProgress(offset);
			continue;
		}
		if (response && response.status === 409) {
			// out of step (a chunk that did arrive though its answer was lost): resume where the server is
			const body = (await response.json().catch(() => null)) as { received?: number } | null;
			if (typeof body?.received === 'number') {
				offset = body.received;
				continue;
			}
		}
		if (response && response.status !== 409 && response.status < 500) return { ok: false, message: await messageOf(response) };
		failures += 1;
		if (failures > MAX_RETRIES) return { ok: false, message: null };
		callbacks.onStage('retrying');
		await sleep(Math.min(30_000, 1000 * 2 ** failures));
	}

	callbacks.onStage('checking');
	const imported = await fetch(`/manage/scorm/uploads/${id}/import`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(target)
	}).catch(() => null);
	if (!imported) return { ok: false, message: null };
	if (!imported.ok) return { ok: false, message: await messageOf(imported) };
	const result = (await imported.json()) as {
		title: string;
		scos: number;
		existing: boolean;
		version: '1.2' | '2004';
		analysis: ImportAnalysis | null;
		sequencingWarnings?: SequencingWarning[];
	};
	return { ok: true, ...result, sequencingWarnings: result.sequencingWarnings ?? [] };
}
