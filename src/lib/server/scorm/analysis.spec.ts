import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { externalLoads, referencesApi } from './analysis';
import { readPackage } from './import';

describe('externalLoads', () => {
	it('finds what a page loads from other sites: scripts, styles, images, frames, media, srcset', () => {
		const page = `<html><head>
			<script src="https://code.jquery.com/jquery-3.7.1.min.js"></script>
			<link rel="stylesheet" href="//fonts.googleapis.com/css?family=Roboto">
			<script src="local.js"></script>
			<style>@import "https://cdn.example.org/theme.css"; body { background: url('http://img.example.org/bg.png') }</style>
		</head><body>
			<img src=https://img.example.org/a.png alt="">
			<img srcset="https://img.example.org/b.png 1x, local@2x.png 2x" alt="">
			<iframe src="https://www.youtube.com/embed/x"></iframe>
			<video poster="https://media.example.org/p.jpg"><source src="https://media.example.org/v.mp4"></video>
			<a href="https://www.scorm.com">only a link</a>
			<div xmlns="http://www.w3.org/1999/xhtml"></div>
		</body></html>`;
		expect(externalLoads('index.html', page)).toEqual([
			'https://code.jquery.com/jquery-3.7.1.min.js',
			'https://fonts.googleapis.com/css?family=Roboto',
			'https://img.example.org/a.png',
			'https://img.example.org/b.png',
			'https://www.youtube.com/embed/x',
			'https://media.example.org/p.jpg',
			'https://media.example.org/v.mp4',
			'https://cdn.example.org/theme.css',
			'http://img.example.org/bg.png'
		]);
	});

	it('finds literal addresses scripts fetch, open, import or inject, but not strings they only mention', () => {
		const script = `fetch("https://api.example.org/track");
			xhr.open('POST', 'https://lrs.example.org/statements');
			import('https://esm.sh/lodash');
			s.src = "https://www.googletagmanager.com/gtag/js";
			$.getScript('//cdn.example.org/x.js');
			var license = "http://creativecommons.org/licenses/by/3.0/";`;
		expect(externalLoads('player.js', script)).toEqual([
			'https://api.example.org/track',
			'https://lrs.example.org/statements',
			'https://esm.sh/lodash',
			'https://www.googletagmanager.com/gtag/js',
			'https://cdn.example.org/x.js'
		]);
		// a stylesheet's own addresses, and none from a file that is neither
		expect(externalLoads('a.css', `@font-face { src: url(https://fonts.gstatic.com/r.woff2) }`)).toEqual(['https://fonts.gstatic.com/r.woff2']);
		expect(externalLoads('data.json', `{"src": "https://x.example.org/y.js"}`)).toEqual([]);
	});
});

describe('referencesApi', () => {
	it('recognises the ways content looks for the SCORM API', () => {
		expect(referencesApi('var api = findAPI(window); api.Initialize("")')).toBe(true);
		expect(referencesApi('if (win.API_1484_11 != null)')).toBe(true);
		expect(referencesApi('API.LMSInitialize("")')).toBe(true);
		expect(referencesApi('<p>Application Programming Interface</p>')).toBe(false);
	});
});

describe('readPackage analyses the real packages', () => {
	let storage: string;
	beforeAll(() => {
		storage = mkdtempSync(path.join(os.tmpdir(), 'taphuan-analysis-'));
	});
	afterAll(() => rmSync(storage, { recursive: true, force: true }));
	const analysed = async (fixture: string) => {
		const result = await readPackage(path.join('/work/shared/fixtures/scorm', fixture), storage);
		if (!result.ok) throw new Error(JSON.stringify(result.problem));
		return result.analysis;
	};

	it('a package whose SCOs talk to the API, loading nothing from elsewhere, has nothing to warn about', async () => {
		expect(await analysed('scorm2004-3rd-runtime-basic-calls.zip')).toEqual({ externalUrls: [], externalCount: 0, referencesApi: true });
		expect(await analysed('scorm12-multi-sco.zip')).toMatchObject({ externalUrls: [], referencesApi: true });
	});

	it('a package of pages that never call the API is flagged', async () => {
		expect(await analysed('scorm2004-content-packaging-one-file-per-sco.zip')).toEqual({ externalUrls: [], externalCount: 0, referencesApi: false });
	});
});
