import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { nfcForm, parseForm, readForm, readJson } from './form';

// "Hội Liên hiệp Phụ nữ xã Đông Hòa" as a Vietnamese keyboard in "Unicode tổ hợp" mode sends it
const NFC_ORG = 'Hội Liên hiệp Phụ nữ xã Đông Hòa';
const NFD_ORG = NFC_ORG.normalize('NFD');

function formOf(fields: Record<string, string | Blob>): FormData {
	const form = new FormData();
	for (const [key, value] of Object.entries(fields)) form.append(key, value);
	return form;
}

describe('parseForm', () => {
	it('hands the schema, and echoes back, text in NFC', () => {
		expect(NFD_ORG).not.toBe(NFC_ORG);
		const schema = z.object({ organisation: z.string() });
		const result = parseForm(schema, formOf({ organisation: NFD_ORG }));
		expect(result.ok && result.data.organisation).toBe(NFC_ORG);
		expect(result.values.organisation).toBe(NFC_ORG);
	});

	it('echoes NFC text when the form is refused too', () => {
		const schema = z.object({ organisation: z.string().max(3, 'form.tooLong') });
		const result = parseForm(schema, formOf({ organisation: NFD_ORG }));
		expect(result.ok).toBe(false);
		expect(result.values.organisation).toBe(NFC_ORG);
	});
});

describe('readForm', () => {
	it('normalises every text field, repeated ones included, and leaves files as they came', async () => {
		const bytes = new TextEncoder().encode(`username,displayName\nlan,${NFD_ORG}\n`);
		const body = formOf({ title: NFD_ORG, file: new File([bytes], 'roster.csv', { type: 'text/csv' }) });
		body.append('title', 'Hòa'.normalize('NFD'));
		const form = await readForm(new Request('http://x/', { method: 'POST', body }));
		expect(form.getAll('title')).toEqual([NFC_ORG, 'Hòa']);
		const file = form.get('file') as File;
		expect(file.name).toBe('roster.csv');
		expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
	});

	it('reads url-encoded forms the same way', async () => {
		const body = new URLSearchParams({ q: NFD_ORG });
		const form = await readForm(new Request('http://x/', { method: 'POST', body }));
		expect(form.get('q')).toBe(NFC_ORG);
	});

	it('nfcForm keeps field order', () => {
		const form = nfcForm(formOf({ a: '1', b: NFD_ORG, c: '3' }));
		expect([...form.keys()]).toEqual(['a', 'b', 'c']);
	});
});

describe('readJson', () => {
	it('normalises every string, nested ones too', async () => {
		const request = new Request('http://x/', {
			method: 'POST',
			body: JSON.stringify({ title: NFD_ORG, list: [NFD_ORG, 3, null], nested: { name: NFD_ORG }, size: 7 })
		});
		expect(await readJson(request)).toEqual({ title: NFC_ORG, list: [NFC_ORG, 3, null], nested: { name: NFC_ORG }, size: 7 });
	});

	it('gives null for a body that is not JSON', async () => {
		expect(await readJson(new Request('http://x/', { method: 'POST', body: '{nope' }))).toBeNull();
	});
});

// The one place rule holds only if nobody reads a body around it.
const SRC = join(import.meta.dirname, '../../..');

/** Bodies that are not text a person typed, read as they came on purpose. */
const READ_AS_SENT: Record<string, string> = {
	// section ids and counters sent by the lesson page's script
	'routes/api/tracking/heartbeat/+server.ts': 'request.json()',
	// SCORM runtime data: suspend_data is opaque to us and must come back to the package byte for byte
	'routes/api/scorm/commit/[attachment]/[activity]/+server.ts': 'request.text()',
	'lib/server/http/form.ts': 'the helpers themselves'
};

function serverFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return serverFiles(path);
		return /\.ts$/.test(entry.name) && !entry.name.endsWith('.spec.ts') ? [path] : [];
	});
}

describe('request bodies', () => {
	it('are read through readForm / readJson everywhere else', () => {
		const direct: string[] = [];
		for (const file of [...serverFiles(join(SRC, 'routes')), ...serverFiles(join(SRC, 'lib/server'))]) {
			const name = relative(SRC, file);
			if (name in READ_AS_SENT) continue;
			const source = readFileSync(file, 'utf8');
			if (/request\.(formData|json|text)\(/.test(source)) direct.push(name);
		}
		expect(direct).toEqual([]);
	});
});
