// What a package's pages will try to do that the player won't let them, found when it is
// imported so the trainer hears it then rather than from learners: addresses on other sites the
// pages load (scripts, styles, images, frames, media, fetch/XHR) — the player's content policy
// (content-policy.ts) blocks them all — and whether any page looks for the SCORM API at all.
// Both are warnings, not refusals: see docs/security.md ("External resources in packages").
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export interface PackageAnalysis {
	/** absolute addresses the package's pages load, each once, in the order found */
	externalUrls: string[];
	/** how many there were in all, when more than the list keeps */
	externalCount: number;
	/** some page or script refers to the SCORM API (API_1484_11, API, LMSInitialize…) */
	referencesApi: boolean;
}

/** enough for the trainer to recognise the sites involved */
export const MAX_LISTED_URLS = 20;
/** a page or script larger than this is not read (a bundled video player, a data file) */
const MAX_SCANNED_BYTES = 5 * 1024 * 1024;

const PAGE = /\.(x?html?)$/i;
const SCRIPT = /\.(m?js)$/i;
const STYLE = /\.css$/i;

// An absolute address: http(s) or protocol-relative. Data and blob URLs are allowed by the policy.
const ABSOLUTE = String.raw`(?:https?:)?\/\/[^\s"'<>)\x60]+`;

/** Elements that load what their src/href/data/poster names; <a href> only navigates. */
const LOADING_TAG = /<(script|link|img|iframe|frame|audio|video|source|track|embed|object|input)\b([^>]*)>/gi;
const LOADING_ATTRIBUTE = new RegExp(String.raw`\b(?:src|href|data|poster)\s*=\s*(["']?)(${ABSOLUTE})\1`, 'gi');
const SRCSET = /\bsrcset\s*=\s*(["'])([^"']*)\1/gi;
const CSS_URL = new RegExp(String.raw`(?:url\(\s*["']?|@import\s+["'])(${ABSOLUTE})`, 'gi');
/** literal addresses handed to fetch, XMLHttpRequest.open, import(), a script's src or a Worker */
const SCRIPT_LOAD = new RegExp(
	String.raw`(?:\bfetch\s*\(\s*|\.open\s*\(\s*["'][A-Za-z]+["']\s*,\s*|\bimport\s*\(\s*|\bimport\s[^;]*?\bfrom\s*|\.src\s*=\s*|\bnew\s+(?:Shared)?Worker\s*\(\s*|\$\.(?:getScript|getJSON|ajax|get|post)\s*\(\s*)["'\x60](${ABSOLUTE})`,
	'gi'
);
const API_REFERENCE = /\bAPI_1484_11\b|\bLMSInitialize\b|\bLMSGetValue\b|\bwindow\.API\b|\.API\b|\bfindAPI\b|\bGetAPI\b|\bpipwerks\b|\bSCORM_API\b/;

/** Every absolute address a page, stylesheet or script loads. */
export function externalLoads(file: string, text: string): string[] {
	const found: string[] = [];
	if (PAGE.test(file)) {
		for (const [, , attributes] of text.matchAll(LOADING_TAG)) {
			for (const match of attributes!.matchAll(LOADING_ATTRIBUTE)) found.push(match[2]!);
			for (const [, , list] of attributes!.matchAll(SRCSET)) {
				for (const candidate of list!.split(',')) {
					const url = candidate.trim().split(/\s+/)[0] ?? '';
					if (new RegExp(`^${ABSOLUTE}$`).test(url)) found.push(url);
				}
			}
		}
	}
	if (PAGE.test(file) || STYLE.test(file)) for (const match of text.matchAll(CSS_URL)) found.push(match[1]!);
	if (PAGE.test(file) || SCRIPT.test(file)) for (const match of text.matchAll(SCRIPT_LOAD)) found.push(match[1]!);
	return found.map((url) => (url.startsWith('//') ? `https:${url}` : url));
}

export function referencesApi(text: string): boolean {
	return API_REFERENCE.test(text);
}

/** Reads the package's pages, stylesheets and scripts (files relative to `dir`). */
export async function analysePackage(dir: string, files: readonly string[]): Promise<PackageAnalysis> {
	const urls = new Set<string>();
	let api = false;
	for (const file of files) {
		if (!PAGE.test(file) && !SCRIPT.test(file) && !STYLE.test(file)) continue;
		const full = path.join(dir, file);
		if ((await stat(full)).size > MAX_SCANNED_BYTES) continue;
		const text = await readFile(full, 'utf8');
		for (const url of externalLoads(file, text)) urls.add(url);
		if (!api && !STYLE.test(file)) api = referencesApi(text);
	}
	const all = [...urls];
	return { externalUrls: all.slice(0, MAX_LISTED_URLS), externalCount: all.length, referencesApi: api };
}
