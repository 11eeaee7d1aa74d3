import { describe, expect, it } from 'vitest';
import * as scorm2004 from 'scorm-again/scorm2004';
import { requestValidSettings, setRequestValid, type RequestValidity } from './request-valid';

// the ES module exports the class by name; its type declarations say default
type ScormApi = { [method: string]: (...args: string[]) => string } & { adl: { nav: { request_valid: { continue: string; previous: string } } } };
const Scorm2004API = (scorm2004 as unknown as { Scorm2004API: new (settings: object) => ScormApi }).Scorm2004API;

function api(valid: RequestValidity | null) {
	const made = new Scorm2004API({ logLevel: 5, lmsCommitUrl: false, ...(valid ? requestValidSettings(valid) : {}) });
	if (valid) setRequestValid(made as never, valid);
	made.Initialize!('');
	return made;
}

describe('adl.nav.request_valid answered from the server’s engine', () => {
	it('answers continue, previous and choice as the engine said at delivery', () => {
		const sco = api({ continue: true, previous: false, choice: ['playing_item', 'etuqiette_item'], jump: ['playing_item', 'etuqiette_item'] });
		expect(sco.GetValue!('adl.nav.request_valid.continue')).toBe('true');
		expect(sco.GetValue!('adl.nav.request_valid.previous')).toBe('false');
		expect(sco.GetValue!('adl.nav.request_valid.choice.{target=etuqiette_item}')).toBe('true');
		expect(sco.GetValue!('adl.nav.request_valid.choice.{target=assessment_item}')).toBe('false');
		expect(sco.GetLastError!()).toBe('0');
	});

	it('stays read-only to the SCO', () => {
		const sco = api({ continue: false, previous: true, choice: [], jump: [] });
		expect(sco.SetValue!('adl.nav.request_valid.continue', 'true')).toBe('false');
		expect(sco.GetValue!('adl.nav.request_valid.continue')).toBe('false');
		expect(sco.GetValue!('adl.nav.request_valid.previous')).toBe('true');
	});

	it('answers jump apart from choice: a package that lets no one choose may let its SCOs jump', () => {
		const sco = api({ continue: true, previous: false, choice: [], jump: ['test_1', 'etuqiette_item'] });
		expect(sco.GetValue!('adl.nav.request_valid.choice.{target=test_1}')).toBe('false');
		expect(sco.GetValue!('adl.nav.request_valid.jump.{target=test_1}')).toBe('true');
		expect(sco.GetLastError!()).toBe('0');
		expect(sco.GetValue!('adl.nav.request_valid.jump.{target=content_wrapper}')).toBe('false');
		// identifiers with dots, which scorm-again's own pattern leaves out
		expect(sco.GetValue!('adl.nav.request_valid.jump.{target=com.example.item}')).toBe('false');
		expect(sco.SetValue!('adl.nav.request_valid.jump.{target=test_1}', 'false')).toBe('false');
		sco.Terminate!('');
		expect(sco.GetValue!('adl.nav.request_valid.jump.{target=test_1}')).toBe('');
		expect(sco.GetLastError!()).toBe('123');
	});

	it('without the engine’s answers scorm-again knows nothing (what a SCO got before)', () => {
		const sco = api(null);
		expect(sco.GetValue!('adl.nav.request_valid.continue')).toBe('unknown');
		expect(sco.GetValue!('adl.nav.request_valid.choice.{target=etuqiette_item}')).toBe('false');
	});
});
