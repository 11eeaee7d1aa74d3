import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password';
import { createCohort } from '../cohorts/service';
import { openDatabase, type Db } from '../db/open';
import { insertUser, type User } from '../users/service';
import { foldForSearch, snippet, toFtsQuery } from './search';
import { createThread, replyToThread } from './service';

describe('foldForSearch', () => {
	it('drops case and Vietnamese diacritics, đ included', () => {
		expect(foldForSearch('Mại Dâm')).toBe('mai dam');
		expect(foldForSearch('Đồng')).toBe('dong');
		expect(foldForSearch('đường ƯỚC Ơn')).toBe('duong uoc on');
		expect(foldForSearch('Phòng, chống: 2025!')).toBe('phong, chong: 2025!');
	});

	it('folds decomposed (NFD) input the same as composed', () => {
		const text = 'Phòng chống mại dâm ở Đồng Tháp';
		const decomposed = text.normalize('NFD');
		expect(decomposed).not.toBe(text);
		expect(foldForSearch(decomposed)).toBe('phong chong mai dam o dong thap');
		expect(foldForSearch(decomposed)).toBe(foldForSearch(text));
	});

	it('keeps one character per character of the NFC text, so positions line up', () => {
		for (const text of ['Mại Dâm', 'Đồng Tháp', 'Phòng chống mại dâm ở Đồng Tháp'.normalize('NFD'), 'Chúc mừng 🙂 năm mới']) {
			expect(foldForSearch(text).length).toBe([...text.normalize('NFC')].length);
		}
	});
});

describe('toFtsQuery', () => {
	it('is null when nothing searchable was typed', () => {
		expect(toFtsQuery('')).toBeNull();
		expect(toFtsQuery('   ')).toBeNull();
		expect(toFtsQuery(' ?!… "*" -- ()')).toBeNull();
	});

	it('turns each word, folded, into a quoted prefix', () => {
		expect(toFtsQuery('Mại dâm')).toBe('"mai"* "dam"*');
		expect(toFtsQuery('  đồng-tháp, "2025" OR x*')).toBe('"dong"* "thap"* "2025"* "or"* "x"*');
	});

	it('keeps at most 8 words', () => {
		expect(toFtsQuery('một hai ba bốn năm sáu bảy tám chín mười')).toBe(
			'"mot"* "hai"* "ba"* "bon"* "nam"* "sau"* "bay"* "tam"*'
		);
	});
});

describe('snippet', () => {
	it('marks every match in the original text, even when the query has no diacritics', () => {
		expect(snippet('Phòng chống mại dâm ở Đồng Tháp', 'mai dam')).toBe(
			'Phòng chống <mark>mại</mark> <mark>dâm</mark> ở Đồng Tháp'
		);
		expect(snippet('Mại dâm là gì? Vì sao mại dâm bị cấm?', 'mai')).toBe(
			'<mark>Mại</mark> dâm là gì? Vì sao <mark>mại</mark> dâm bị cấm?'
		);
		expect(snippet('Về Đồng Tháp', 'dong')).toBe('Về <mark>Đồng</mark> Tháp');
		expect(snippet('Về Đồng Tháp', 'ĐỒNG')).toBe('Về <mark>Đồng</mark> Tháp');
	});

	it('marks the right characters in decomposed text and after characters outside the BMP', () => {
		expect(snippet('Phòng chống mại dâm'.normalize('NFD'), 'mai dam')).toBe('Phòng chống <mark>mại</mark> <mark>dâm</mark>');
		expect(snippet('🙂🙂 mại dâm', 'dam')).toBe('🙂🙂 mại <mark>dâm</mark>');
	});

	it('escapes HTML in the text', () => {
		const out = snippet('Đừng chèn <script>alert("x")</script> & mại dâm', 'mai');
		expect(out).toBe('Đừng chèn &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <mark>mại</mark> dâm');
		expect(out).not.toContain('<script');
	});

	it('escapes HTML inside a match', () => {
		expect(snippet('a<b> c', 'b')).toBe('a&lt;<mark>b</mark>&gt; c');
	});

	it('cuts long text around the first match and says so with …', () => {
		const before = 'trước '.repeat(40);
		const after = ' sau'.repeat(60);
		const text = `${before}mại dâm${after}`;
		const out = snippet(text, 'mai dam', 100);
		expect(out.startsWith('…')).toBe(true);
		expect(out.endsWith('…')).toBe(true);
		expect(out).toContain('<mark>mại</mark> <mark>dâm</mark>');
		const plain = out.replace(/<\/?mark>/g, '');
		// the cut keeps `width` characters of the original, plus the two ellipses
		expect([...plain].length).toBe(102);
		expect(text).toContain(plain.slice(1, -1));
		// the match stands about a third of the way in
		expect(plain.indexOf('mại dâm')).toBe(1 + Math.floor(100 / 3));
	});

	it('adds no … where nothing was cut', () => {
		const text = `mại dâm${' sau'.repeat(60)}`;
		const out = snippet(text, 'mai', 100);
		expect(out.startsWith('<mark>mại</mark>')).toBe(true);
		expect(out.endsWith('…')).toBe(true);
		expect(snippet('ngắn', 'mai')).toBe('ngắn');
	});

	it('shows the start of the text, unmarked, when nothing matches', () => {
		expect(snippet(`Không liên quan${' gì'.repeat(80)}`, 'mai dam', 20)).toBe('Không liên quan gì g…');
	});

	it('collapses runs of white space', () => {
		expect(snippet('mại\n\n  dâm', 'dam')).toBe('mại <mark>dâm</mark>');
	});
});

describe('full-text search on the database', () => {
	const T0 = Date.UTC(2025, 2, 1);
	let passwordHash: string;
	beforeAll(async () => {
		passwordHash = await hashPassword('hoa sen trong đầm');
	});

	let db: Db;
	let lan: User;
	let opening: number;
	let aboutPlace: number;
	let decomposed: number;
	let unrelated: number;

	function search(input: string): number[] {
		const query = toFtsQuery(input);
		expect(query).not.toBeNull();
		return (
			db.prepare('SELECT rowid FROM post_search WHERE post_search MATCH ? ORDER BY rowid').all(query) as {
				rowid: number;
			}[]
		).map((r) => r.rowid);
	}

	function replyWith(threadId: number, bodyMd: string, now: number): number {
		const result = replyToThread(db, { threadId, authorId: lan.id, bodyMd, quoteOf: null }, now);
		if (!result.ok) throw new Error(result.reason);
		return result.postId;
	}

	beforeEach(() => {
		db = openDatabase(':memory:');
		db.prepare('INSERT INTO course (id, title, loaded_at) VALUES (?, ?, ?)').run('phong-chong', 'Phòng chống', T0);
		lan = insertUser(db, { username: 'lan', displayName: 'Lan', password: '', role: 'learner' }, passwordHash);
		const cohortId = createCohort(
			db,
			{ name: 'Lớp Hưng Yên', enrolCode: 'HY-2025', courseIds: ['phong-chong'], trainerIds: [], createdBy: null },
			T0
		).id;
		const created = createThread(
			db,
			{
				board: { courseId: 'phong-chong', moduleSlug: 'module-1' },
				cohortId,
				authorId: lan.id,
				title: 'Câu hỏi về tài liệu',
				bodyMd: 'Tài liệu về **phòng chống mại dâm** ở đâu?'
			},
			T0
		);
		opening = created.postId;
		aboutPlace = replyWith(created.threadId, 'Ở _Đồng Tháp_ có lớp học tháng sau.', T0 + 1000);
		decomposed = replyWith(created.threadId, 'Cán bộ ở Đồng Tháp hỏi thêm.'.normalize('NFD'), T0 + 2000);
		unrelated = replyWith(created.threadId, 'Cảm ơn bạn nhiều.', T0 + 3000);
	});

	it('finds “mại dâm” when searched without diacritics, and only there', () => {
		expect(search('mai dam')).toEqual([opening]);
		expect(search('MẠI DÂM')).toEqual([opening]);
	});

	it('finds “Đồng Tháp” searched as “đồng” or “dong”, however the post was typed', () => {
		expect(search('đồng')).toEqual([aboutPlace, decomposed]);
		expect(search('dong')).toEqual([aboutPlace, decomposed]);
		expect(search('dong thap')).toEqual([aboutPlace, decomposed]);
	});

	it('matches prefixes and the thread title', () => {
		expect(search('tai lie')).toEqual([opening]);
		expect(search('cau hoi')).toEqual([opening]);
		expect(search('cam on')).toEqual([unrelated]);
		expect(search('ha noi')).toEqual([]);
	});
});
