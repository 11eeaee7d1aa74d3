import { describe, expect, it } from 'vitest';
import { fakeApi } from './fake-api';
import { connectLms, findApi, MAX_PARENTS, type WindowLike } from './lms';

/** A chain of frames: the SCO's window first, the top last. */
function frames(depth: number, api: unknown): WindowLike[] {
	const chain: WindowLike[] = [];
	for (let i = 0; i <= depth; i++) chain.push({});
	chain.forEach((win, i) => (win.parent = chain[i + 1] ?? win));
	chain[depth]!.API = api;
	return chain;
}

describe('findApi walks up as the SCORM 1.2 RTE describes', () => {
	const { api } = fakeApi();

	it('finds the API on the window itself, or on a parent up to the bound', () => {
		expect(findApi(frames(0, api)[0]!)).toBe(api);
		expect(findApi(frames(3, api)[0]!)).toBe(api);
		expect(findApi(frames(MAX_PARENTS, api)[0]!)).toBe(api);
		expect(findApi(frames(MAX_PARENTS + 1, api)[0]!)).toBeNull();
	});

	it('looks in the opener and its parents when the frames have none (a package opened in a new window)', () => {
		const opener = frames(2, api)[0]!;
		const popup: WindowLike = { opener };
		popup.parent = popup;
		expect(findApi(popup)).toBe(api);
	});

	it('ignores objects that are not an API, and stops at a parent it may not read', () => {
		expect(findApi(frames(1, { LMSInitialize: 'no' })[0]!)).toBeNull();
		const foreign = Object.defineProperty({}, 'API', {
			get() {
				throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
			}
		}) as WindowLike;
		expect(findApi({ parent: foreign })).toBeNull();
	});
});

describe('connectLms', () => {
	it('initialises the API it finds and passes calls through', () => {
		const lms = fakeApi({ 'cmi.core.student_name': 'Lan' });
		const connection = connectLms({ API: lms.api });
		expect(connection.connected).toBe(true);
		expect(connection.get('cmi.core.student_name')).toBe('Lan');
		connection.set('cmi.core.lesson_location', 'mo-dau');
		connection.commit();
		connection.finish();
		connection.set('cmi.core.lesson_location', 'sau-khi-ket-thuc');
		expect(lms.calls).toEqual(['LMSInitialize', 'get cmi.core.student_name', 'set cmi.core.lesson_location=mo-dau', 'LMSCommit', 'LMSFinish']);
	});

	it('works offline when there is no API, or the LMS refuses to start', () => {
		for (const win of [{}, { API: fakeApi({}, { initialises: false }).api }]) {
			const connection = connectLms(win);
			expect(connection.connected).toBe(false);
			expect(connection.get('cmi.core.lesson_status')).toBe('');
			expect(() => (connection.set('cmi.core.lesson_status', 'completed'), connection.finish())).not.toThrow();
		}
	});

	it('survives an LMS that throws', () => {
		const { api } = fakeApi();
		api.LMSSetValue = () => {
			throw new Error('LMS bug');
		};
		const connection = connectLms({ API: api });
		expect(() => connection.set('cmi.core.exit', 'suspend')).not.toThrow();
	});
});
