import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password';
import { addMember, createCohort } from '../cohorts/service';
import { config } from '../config';
import { openDatabase, type Db } from '../db/open';
import { insertUser, type Role, type User } from '../users/service';
import { discussionScope, type Scope } from './access';
import { listOpenReports, reportPost, resolveReports, setPostHidden, setThreadFlag } from './moderation';
import { editSchema, replySchema, threadSchema } from './schemas';
import { foldForSearch, toFtsQuery } from './search';
import {
	boardsWithNews,
	countPosts,
	countThreads,
	createThread,
	deletePost,
	editPost,
	EmptyPostError,
	getPost,
	getThread,
	listPosts,
	listThreads,
	markRead,
	pageOfPost,
	postingWait,
	postRate,
	POSTS_PER_PAGE,
	replyToThread,
	repliesToMe,
	searchPosts,
	THREADS_PER_PAGE,
	type Board
} from './service';

const T0 = Date.UTC(2025, 2, 1);
const COURSE = 'phong-chong';
const MODULE_1: Board = { courseId: COURSE, moduleSlug: 'module-1' };
const GENERAL: Board = { courseId: COURSE, moduleSlug: null };

let passwordHash: string;
beforeAll(async () => {
	passwordHash = await hashPassword('hoa sen trong đầm');
});

let db: Db;
let admin: User;
/** teaches hungYen */
let trainer: User;
/** teaches thaiBinh */
let otherTrainer: User;
/** learners of hungYen */
let lan: User;
let minh: User;
/** learner of thaiBinh */
let hoa: User;
let hungYen: number;
let thaiBinh: number;

function newUser(username: string, role: Role): User {
	return insertUser(db, { username, displayName: username, password: '', role }, passwordHash);
}

function scopeOf(user: User, courseId = COURSE): Scope {
	return discussionScope(db, user, courseId);
}

function startThread(
	author: User,
	options: { board?: Board; cohortId?: number | null; title?: string; body?: string } = {},
	now = T0
) {
	return createThread(
		db,
		{
			board: options.board ?? MODULE_1,
			cohortId: options.cohortId === undefined ? hungYen : options.cohortId,
			authorId: author.id,
			title: options.title ?? 'Câu hỏi về bài 1',
			bodyMd: options.body ?? 'Nội dung câu hỏi.'
		},
		now
	);
}

function reply(author: User, threadId: number, now: number, bodyMd = 'Trả lời.', quoteOf: number | null = null) {
	const result = replyToThread(db, { threadId, authorId: author.id, bodyMd, quoteOf }, now);
	if (!result.ok) throw new Error(`reply refused: ${result.reason}`);
	return result.postId;
}

function searchIds(input: string): number[] {
	return (
		db.prepare('SELECT rowid FROM post_search WHERE post_search MATCH ? ORDER BY rowid').all(toFtsQuery(input)) as {
			rowid: number;
		}[]
	).map((r) => r.rowid);
}

function indexed(postId: number) {
	return db.prepare('SELECT title, body FROM post_search WHERE rowid = ?').get(postId) as
		| { title: string; body: string }
		| undefined;
}

beforeEach(() => {
	db = openDatabase(':memory:');
	const insertCourse = db.prepare('INSERT INTO course (id, title, loaded_at) VALUES (?, ?, ?)');
	for (const id of [COURSE, 'ky-nang']) insertCourse.run(id, `Khoá ${id}`, T0);
	admin = newUser('quantri', 'admin');
	trainer = newUser('giangvien', 'trainer');
	otherTrainer = newUser('giangvien2', 'trainer');
	lan = newUser('lan', 'learner');
	minh = newUser('minh', 'learner');
	hoa = newUser('hoa', 'learner');
	const cohort = (name: string, enrolCode: string, trainerId: number) =>
		createCohort(db, { name, enrolCode, courseIds: [COURSE], trainerIds: [trainerId], createdBy: admin.id }, T0).id;
	hungYen = cohort('Lớp Hưng Yên', 'HY-2025', trainer.id);
	thaiBinh = cohort('Lớp Thái Bình', 'TB-2025', otherTrainer.id);
	addMember(db, hungYen, lan.id, 'learner', T0);
	addMember(db, hungYen, minh.id, 'learner', T0);
	addMember(db, thaiBinh, hoa.id, 'learner', T0);
});

describe('createThread', () => {
	it('stores the thread, its first post (rendered) and the author’s read mark', () => {
		const { threadId, postId } = startThread(lan, { title: '  Hỏi về bài 1  ', body: 'Xin hỏi **thầy**.' }, T0);
		expect(getThread(db, threadId)).toEqual({
			id: threadId,
			courseId: COURSE,
			moduleSlug: 'module-1',
			cohortId: hungYen,
			authorId: lan.id,
			title: 'Hỏi về bài 1',
			pinned: false,
			locked: false,
			hidden: false,
			createdAt: T0,
			lastPostAt: T0
		});
		expect(getPost(db, postId)).toMatchObject({
			threadId,
			authorId: lan.id,
			quoteOf: null,
			bodyMd: 'Xin hỏi **thầy**.',
			createdAt: T0,
			editedAt: null,
			deleted: false,
			hidden: false
		});
		expect(getPost(db, postId)!.bodyHtml).toContain('<strong>thầy</strong>');
		expect(db.prepare('SELECT last_read_post_id FROM thread_read WHERE user_id = ? AND thread_id = ?').get(lan.id, threadId)).toEqual({
			last_read_post_id: postId
		});
		expect(indexed(postId)).toEqual({ title: 'hoi ve bai 1', body: 'xin hoi thay.' });
	});
});

describe('posts that would show nothing', () => {
	// raw HTML is dropped by design; a post typed only as HTML would be an empty card
	const onlyHtml = ['<img src="x" onerror="alert(1)">', '<script>alert(1)</script>', '<div><b></b></div>', '<!-- ghi chú -->', '<p></p>\n<br>'];

	it('are refused by the thread, reply and edit forms, with a message of their own', () => {
		for (const body of onlyHtml) {
			for (const result of [
				threadSchema.safeParse({ title: 'Câu hỏi', body }),
				replySchema.safeParse({ body }),
				editSchema.safeParse({ body, postId: '1' })
			]) {
				expect(result.success, body).toBe(false);
				expect(result.error!.issues.map((issue) => issue.message)).toEqual(['discussion.bodyShowsNothing']);
			}
		}
		// HTML around text, or an image, still shows something: taken (the HTML is dropped)
		for (const body of ['<div><b>hi</b></div>', '![sơ đồ](https://example.org/a.png)', '`<b>mã</b>`']) {
			expect(replySchema.safeParse({ body }).success, body).toBe(true);
		}
		// an empty form keeps its own message
		expect(replySchema.safeParse({ body: '  ' }).error!.issues.map((issue) => issue.message)).toEqual(['discussion.bodyRequired']);
	});

	it('are never stored, as a new thread, a reply or an edit', () => {
		const { threadId, postId } = startThread(lan);
		for (const body of onlyHtml) {
			expect(() => startThread(lan, { body })).toThrow(EmptyPostError);
			expect(() => reply(minh, threadId, T0 + 1000, body)).toThrow(EmptyPostError);
			expect(() => editPost(db, postId, body, T0 + 2000)).toThrow(EmptyPostError);
		}
		expect(db.prepare('SELECT count(*) AS n FROM thread').get()).toEqual({ n: 1 });
		expect(countPosts(db, threadId)).toBe(1);
		expect(getPost(db, postId)).toMatchObject({ bodyMd: 'Nội dung câu hỏi.', editedAt: null });
	});
});

describe('listThreads', () => {
	it('puts pinned threads first, then the most recent activity', () => {
		const older = startThread(lan, { title: 'Cũ nhất' }, T0).threadId;
		const pinned = startThread(lan, { title: 'Được ghim' }, T0 + 1000).threadId;
		const newer = startThread(minh, { title: 'Mới hơn' }, T0 + 2000).threadId;
		expect(listThreads(db, MODULE_1, scopeOf(lan), lan.id).map((t) => t.id)).toEqual([newer, pinned, older]);

		setThreadFlag(db, pinned, 'pinned', true, trainer.id, T0 + 2500);
		reply(minh, older, T0 + 3000);
		const threads = listThreads(db, MODULE_1, scopeOf(lan), lan.id);
		expect(threads.map((t) => t.id)).toEqual([pinned, older, newer]);
		expect(threads.map((t) => t.pinned)).toEqual([true, false, false]);
		expect(threads[1]!.lastPostAt).toBe(T0 + 3000);
	});

	it('lists a page of threads at a time, in the same order, with their counts', () => {
		const total = THREADS_PER_PAGE + 3;
		const ids = Array.from({ length: total }, (_, i) => startThread(lan, { title: `Chủ đề ${i}` }, T0 + i * 1000).threadId);
		const oldest = ids[0]!;
		reply(minh, oldest, T0 + total * 1000);
		setThreadFlag(db, ids[1]!, 'pinned', true, trainer.id, T0 + total * 1000 + 1);
		const newestFirst = [...ids].reverse().filter((id) => id !== oldest && id !== ids[1]);
		const expected = [ids[1]!, oldest, ...newestFirst];

		const first = listThreads(db, MODULE_1, scopeOf(lan), lan.id, 1);
		const second = listThreads(db, MODULE_1, scopeOf(lan), lan.id, 2);
		expect(first.map((t) => t.id)).toEqual(expected.slice(0, THREADS_PER_PAGE));
		expect(second.map((t) => t.id)).toEqual(expected.slice(THREADS_PER_PAGE));
		expect(first[1]).toMatchObject({ id: oldest, replyCount: 1, unread: 1 });
		expect(listThreads(db, MODULE_1, scopeOf(lan), lan.id, 3)).toEqual([]);
		expect(countThreads(db, MODULE_1, scopeOf(lan))).toBe(total);
	});

	it('counts only the threads a scope sees', () => {
		startThread(lan, {}, T0);
		startThread(hoa, { cohortId: thaiBinh }, T0 + 1);
		startThread(lan, { board: GENERAL }, T0 + 2);
		expect(countThreads(db, MODULE_1, scopeOf(lan))).toBe(1);
		expect(countThreads(db, MODULE_1, scopeOf(hoa))).toBe(1);
		expect(countThreads(db, MODULE_1, scopeOf(admin))).toBe(2);
		expect(countThreads(db, GENERAL, scopeOf(lan))).toBe(1);
	});

	it('counts replies, not the opening post, and names the author', () => {
		const { threadId } = startThread(trainer, { title: 'Thông báo' }, T0);
		const quiet = startThread(lan, { title: 'Chưa ai trả lời' }, T0 + 1).threadId;
		reply(lan, threadId, T0 + 1000);
		reply(minh, threadId, T0 + 2000);
		const threads = listThreads(db, MODULE_1, scopeOf(lan), lan.id);
		expect(threads.map((t) => [t.id, t.replyCount, t.authorName, t.authorIsTrainer])).toEqual([
			[threadId, 2, 'giangvien', true],
			[quiet, 0, 'lan', false]
		]);
	});

	it('counts posts by others the reader has not seen; own posts, read ones and deleted ones do not count', () => {
		const { threadId, postId: opening } = startThread(lan, {}, T0);
		const unread = (reader: User) =>
			listThreads(db, MODULE_1, scopeOf(reader), reader.id).find((t) => t.id === threadId)!.unread;

		expect(unread(lan)).toBe(0);
		expect(unread(minh)).toBe(1);
		expect(unread(trainer)).toBe(1);

		const answer = reply(minh, threadId, T0 + 1000);
		expect(unread(lan)).toBe(1);
		// replying marks everything up to one's own post as read
		expect(unread(minh)).toBe(0);
		expect(unread(trainer)).toBe(2);

		markRead(db, lan.id, threadId, answer);
		expect(unread(lan)).toBe(0);
		// an older read mark does not move the reader back
		markRead(db, lan.id, threadId, opening);
		expect(unread(lan)).toBe(0);

		const second = reply(minh, threadId, T0 + 2000);
		expect(unread(lan)).toBe(1);
		deletePost(db, second, T0 + 3000);
		expect(unread(lan)).toBe(0);
		expect(unread(trainer)).toBe(2);
	});

	it('writes nothing when a thread page shows nothing new', () => {
		const { threadId, postId } = startThread(lan, {}, T0);
		const changes = () => db.prepare('SELECT total_changes()').pluck().get() as number;
		const before = changes();
		// the author's own post is read already; seeing it again, or an older post, changes nothing
		markRead(db, lan.id, threadId, postId);
		markRead(db, lan.id, threadId, postId - 1);
		expect(changes()).toBe(before);
		markRead(db, minh.id, threadId, postId);
		expect(changes()).toBe(before + 1);
	});

	it('shows a learner their cohort’s threads and shared ones, never another cohort’s', () => {
		const own = startThread(lan, { title: 'Lớp Hưng Yên' }, T0).threadId;
		const shared = startThread(trainer, { title: 'Chung', cohortId: null }, T0 + 1).threadId;
		const theirs = startThread(hoa, { title: 'Lớp Thái Bình', cohortId: thaiBinh }, T0 + 2).threadId;
		const ids = (user: User) => listThreads(db, MODULE_1, scopeOf(user), user.id).map((t) => t.id);

		expect(ids(lan)).toEqual([shared, own]);
		expect(ids(hoa)).toEqual([theirs, shared]);
		expect(ids(trainer)).toEqual([shared, own]);
		expect(ids(otherTrainer)).toEqual([theirs, shared]);
		expect(ids(admin)).toEqual([theirs, shared, own]);
	});

	it('lists a hidden thread only for those who moderate it, marked hidden', () => {
		const visible = startThread(lan, { title: 'Bình thường' }, T0).threadId;
		const hidden = startThread(minh, { title: 'Bị ẩn' }, T0 + 1).threadId;
		const hiddenShared = startThread(minh, { title: 'Chung bị ẩn', cohortId: null }, T0 + 2).threadId;
		setThreadFlag(db, hidden, 'hidden', true, trainer.id, T0 + 10);
		setThreadFlag(db, hiddenShared, 'hidden', true, trainer.id, T0 + 10);
		const listed = (user: User) =>
			listThreads(db, MODULE_1, scopeOf(user), user.id).map((t) => [t.id, t.hidden]);

		expect(listed(lan)).toEqual([[visible, false]]);
		// even the author no longer sees it
		expect(listed(minh)).toEqual([[visible, false]]);
		expect(listed(trainer)).toEqual([
			[hiddenShared, true],
			[hidden, true],
			[visible, false]
		]);
		expect(listed(admin)).toEqual([
			[hiddenShared, true],
			[hidden, true],
			[visible, false]
		]);
		// a trainer of another cohort moderates shared threads, not this cohort's
		expect(listed(otherTrainer)).toEqual([[hiddenShared, true]]);

		// a trainer sitting in another cohort as a learner does not see that cohort's hidden threads
		const theirs = startThread(hoa, { title: 'Thái Bình bị ẩn', cohortId: thaiBinh }, T0 + 3).threadId;
		setThreadFlag(db, theirs, 'hidden', true, otherTrainer.id, T0 + 10);
		addMember(db, thaiBinh, trainer.id, 'learner', T0);
		expect(listed(trainer).map(([id]) => id)).toEqual([hiddenShared, hidden, visible]);
		expect(listed(otherTrainer)).toEqual([
			[theirs, true],
			[hiddenShared, true]
		]);

		setThreadFlag(db, hidden, 'hidden', false, trainer.id, T0 + 20);
		expect(listed(lan)).toEqual([
			[hidden, false],
			[visible, false]
		]);
	});

	it('lists only the threads of the board asked for', () => {
		const inModule = startThread(lan, { board: MODULE_1 }, T0).threadId;
		const inGeneral = startThread(lan, { board: GENERAL }, T0 + 1).threadId;
		startThread(lan, { board: { courseId: COURSE, moduleSlug: 'module-2' } }, T0 + 2);
		expect(listThreads(db, MODULE_1, scopeOf(lan), lan.id).map((t) => t.id)).toEqual([inModule]);
		expect(listThreads(db, GENERAL, scopeOf(lan), lan.id).map((t) => t.id)).toEqual([inGeneral]);
	});
});

describe('boardsWithNews', () => {
	it('counts, per module board and for the general board, the threads with posts the reader has not seen', () => {
		const m1a = startThread(minh, { board: MODULE_1 }, T0);
		startThread(trainer, { board: MODULE_1 }, T0 + 1);
		startThread(minh, { board: GENERAL, cohortId: null }, T0 + 2);
		// the reader's own thread and another cohort's thread bring no news
		startThread(lan, { board: { courseId: COURSE, moduleSlug: 'module-2' } }, T0 + 3);
		startThread(hoa, { board: { courseId: COURSE, moduleSlug: 'module-3' }, cohortId: thaiBinh }, T0 + 4);

		expect(boardsWithNews(db, COURSE, scopeOf(lan), lan.id)).toEqual(
			new Map<string | null, number>([
				['module-1', 2],
				[null, 1]
			])
		);

		markRead(db, lan.id, m1a.threadId, m1a.postId);
		expect(boardsWithNews(db, COURSE, scopeOf(lan), lan.id)).toEqual(
			new Map<string | null, number>([
				['module-1', 1],
				[null, 1]
			])
		);

		// another cohort's learner: only the shared general thread is news to her
		expect(boardsWithNews(db, COURSE, scopeOf(hoa), hoa.id)).toEqual(new Map([[null, 1]]));
		expect(boardsWithNews(db, 'ky-nang', scopeOf(lan, 'ky-nang'), lan.id)).toEqual(new Map());
	});

	it('leaves out hidden threads for learners but not for their trainer', () => {
		const { threadId } = startThread(minh, { board: MODULE_1 }, T0);
		setThreadFlag(db, threadId, 'hidden', true, trainer.id, T0 + 1);
		expect(boardsWithNews(db, COURSE, scopeOf(lan), lan.id)).toEqual(new Map());
		expect(boardsWithNews(db, COURSE, scopeOf(trainer), trainer.id)).toEqual(new Map([['module-1', 1]]));
	});
});

describe('replyToThread', () => {
	function snapshot(threadId: number) {
		return {
			thread: db.prepare('SELECT * FROM thread WHERE id = ?').get(threadId),
			posts: db.prepare('SELECT * FROM post ORDER BY id').all(),
			reads: db.prepare('SELECT * FROM thread_read ORDER BY user_id, thread_id').all(),
			index: db.prepare('SELECT rowid, title, body FROM post_search ORDER BY rowid').all(),
			throttle: db.prepare('SELECT * FROM throttle ORDER BY key').all()
		};
	}

	it('adds the post, moves the thread’s last activity and indexes the reply', () => {
		const { threadId } = startThread(lan, {}, T0);
		const postId = reply(minh, threadId, T0 + 5000, 'Câu trả lời về Đồng Tháp');
		expect(getPost(db, postId)).toMatchObject({ threadId, authorId: minh.id, createdAt: T0 + 5000, quoteOf: null });
		expect(getThread(db, threadId)!.lastPostAt).toBe(T0 + 5000);
		expect(countPosts(db, threadId)).toBe(2);
		expect(indexed(postId)).toEqual({ title: '', body: 'cau tra loi ve dong thap' });
	});

	it.each(['locked', 'hidden'] as const)('refuses a %s thread and changes nothing', (flag) => {
		const { threadId } = startThread(lan, {}, T0);
		setThreadFlag(db, threadId, flag, true, trainer.id, T0 + 1);
		const before = snapshot(threadId);
		expect(replyToThread(db, { threadId, authorId: minh.id, bodyMd: 'Vẫn muốn trả lời', quoteOf: null }, T0 + 2)).toEqual({
			ok: false,
			reason: flag
		});
		expect(snapshot(threadId)).toEqual(before);
		expect(countPosts(db, threadId)).toBe(1);
	});

	it('says a thread that does not exist is missing', () => {
		expect(replyToThread(db, { threadId: 999, authorId: minh.id, bodyMd: 'Ai đó?', quoteOf: null }, T0)).toEqual({
			ok: false,
			reason: 'missing'
		});
		expect(db.prepare('SELECT count(*) AS n FROM post').get()).toEqual({ n: 0 });
	});

	it('keeps a quote only of a post in the same thread', () => {
		const here = startThread(lan, {}, T0);
		const there = startThread(minh, {}, T0 + 1);
		const quotingHere = reply(minh, here.threadId, T0 + 2, 'Đồng ý', here.postId);
		const quotingThere = reply(minh, here.threadId, T0 + 3, 'Đồng ý', there.postId);
		const quotingNothing = reply(minh, here.threadId, T0 + 4, 'Đồng ý', 9999);
		const stored = (id: number) => (db.prepare('SELECT quote_of FROM post WHERE id = ?').get(id) as { quote_of: number | null }).quote_of;
		expect(stored(quotingHere)).toBe(here.postId);
		expect(stored(quotingThere)).toBeNull();
		expect(stored(quotingNothing)).toBeNull();
		expect(getPost(db, quotingHere)!.quoteOf).toBe(here.postId);
	});
});

describe('listPosts and pageOfPost', () => {
	it('pages a thread by POSTS_PER_PAGE in the order written', () => {
		expect(POSTS_PER_PAGE).toBe(25);
		const { threadId, postId: first } = startThread(lan, { body: 'Bài 1' }, T0);
		const ids = [first];
		for (let n = 2; n <= 30; n++) ids.push(reply(n % 2 ? lan : minh, threadId, T0 + n * 1000, `Bài ${n}`));

		const page1 = listPosts(db, threadId, 1);
		const page2 = listPosts(db, threadId, 2);
		expect(page1.map((p) => p.id)).toEqual(ids.slice(0, 25));
		expect(page2.map((p) => p.id)).toEqual(ids.slice(25));
		expect(page2.map((p) => p.bodyMd)).toEqual(['Bài 26', 'Bài 27', 'Bài 28', 'Bài 29', 'Bài 30']);
		expect(listPosts(db, threadId, 3)).toEqual([]);

		expect(pageOfPost(db, threadId, ids[0]!)).toBe(1);
		expect(pageOfPost(db, threadId, ids[24]!)).toBe(1);
		expect(pageOfPost(db, threadId, ids[25]!)).toBe(2);
		expect(pageOfPost(db, threadId, ids[29]!)).toBe(2);
	});

	it('counts only the thread’s own posts when placing a post', () => {
		const a = startThread(lan, {}, T0);
		const b = startThread(minh, {}, T0 + 1);
		for (let n = 0; n < 30; n++) reply(lan, a.threadId, T0 + 10 + n);
		const late = reply(minh, b.threadId, T0 + 100);
		expect(pageOfPost(db, b.threadId, late)).toBe(1);
		expect(listPosts(db, b.threadId, 1).map((p) => p.id)).toEqual([b.postId, late]);
	});
});

describe('editPost', () => {
	it('stores the new Markdown, its sanitised HTML and the time, and reindexes the post', () => {
		const { threadId, postId } = startThread(lan, { title: 'Tài liệu', body: 'Hỏi về Hà Nội' }, T0);
		const answer = reply(minh, threadId, T0 + 1000, 'Trả lời về Hải Phòng');
		expect(searchIds('ha noi')).toEqual([postId]);

		editPost(db, postId, 'Hỏi về **Đồng Tháp**\n\n<script>alert("xss")</script>\n\n<img src=x onerror=alert(1)>', T0 + 5000);
		const row = db.prepare('SELECT body_md, body_html, edited_at, deleted_at FROM post WHERE id = ?').get(postId) as {
			body_md: string;
			body_html: string;
			edited_at: number;
			deleted_at: number | null;
		};
		expect(row.body_md).toBe('Hỏi về **Đồng Tháp**\n\n<script>alert("xss")</script>\n\n<img src=x onerror=alert(1)>');
		expect(row.body_html).toContain('<strong>Đồng Tháp</strong>');
		expect(row.body_html).not.toMatch(/<script|onerror|alert/i);
		expect(row.edited_at).toBe(T0 + 5000);
		expect(row.deleted_at).toBeNull();
		expect(getPost(db, postId)!.editedAt).toBe(T0 + 5000);

		expect(searchIds('ha noi')).toEqual([]);
		expect(searchIds('dong thap')).toEqual([postId]);
		// the opening post keeps the thread's title in the index; a reply has none
		expect(indexed(postId)).toEqual({ title: 'tai lieu', body: 'hoi ve dong thap' });

		editPost(db, answer, 'Trả lời về Huế', T0 + 6000);
		expect(indexed(answer)).toEqual({ title: '', body: 'tra loi ve hue' });
		expect(searchIds('hai phong')).toEqual([]);
		expect(searchIds('tai lieu')).toEqual([postId]);
	});
});

describe('deletePost', () => {
	it('blanks the body, keeps the row marked deleted and takes it out of the index', () => {
		const { threadId } = startThread(lan, {}, T0);
		const postId = reply(minh, threadId, T0 + 1000, 'Nội dung **nhạy cảm** ở Đồng Tháp');
		expect(searchIds('dong thap')).toEqual([postId]);

		deletePost(db, postId, T0 + 2000);
		expect(db.prepare('SELECT body_md, body_html, deleted_at, thread_id, author_id FROM post WHERE id = ?').get(postId)).toEqual({
			body_md: '',
			body_html: '',
			deleted_at: T0 + 2000,
			thread_id: threadId,
			author_id: minh.id
		});
		expect(getPost(db, postId)!.deleted).toBe(true);
		expect(indexed(postId)).toBeUndefined();
		expect(searchIds('dong thap')).toEqual([]);
		expect(countPosts(db, threadId)).toBe(2);
		expect(listPosts(db, threadId, 1).map((p) => [p.id, p.deleted])).toEqual([
			[expect.any(Number), false],
			[postId, true]
		]);

		// deleting again keeps the first time
		deletePost(db, postId, T0 + 9000);
		expect(getPost(db, postId)).toMatchObject({ deleted: true, bodyMd: '' });
		expect((db.prepare('SELECT deleted_at FROM post WHERE id = ?').get(postId) as { deleted_at: number }).deleted_at).toBe(
			T0 + 2000
		);
	});
});

describe('postingWait', () => {
	it('uses the default of 5 posts a minute when the setting is absent', () => {
		expect(process.env.DISCUSSION_POSTS_PER_MINUTE).toBeUndefined();
		expect(config.postsPerMinute).toBe(5);
		expect(postRate().maxFailures).toBe(5);
	});

	it('lets an account make postsPerMinute posts in a minute, then asks it to wait', () => {
		const limit = config.postsPerMinute;
		const { threadId } = startThread(lan, {}, T0);
		for (let n = 1; n < limit - 1; n++) reply(lan, threadId, T0 + n * 1000);
		// limit - 1 posts so far
		expect(postingWait(db, lan.id, T0 + 5000)).toBe(0);

		reply(lan, threadId, T0 + 10_000);
		// the next post would be one more than allowed in the minute
		const wait = postingWait(db, lan.id, T0 + 10_000);
		expect(wait).toBe(postRate().lockMs);
		expect(postingWait(db, lan.id, T0 + 20_000)).toBe(wait - 10_000);
		expect(postingWait(db, lan.id, T0 + 10_000 + wait)).toBe(0);
		// others are not slowed by lan's posts
		expect(postingWait(db, minh.id, T0 + 10_000)).toBe(0);
	});

	it('does not slow down the same number of posts spread over more than a minute', () => {
		const { threadId } = startThread(lan, {}, T0);
		for (let n = 1; n < config.postsPerMinute; n++) reply(lan, threadId, T0 + n * 20_000);
		expect(postingWait(db, lan.id, T0 + config.postsPerMinute * 20_000)).toBe(0);
	});
});

describe('setThreadFlag', () => {
	function events() {
		return (
			db.prepare(`SELECT user_id, activity_id, verb, result, created_at FROM learning_event WHERE verb = 'moderated' ORDER BY id`).all() as {
				user_id: number;
				activity_id: number | null;
				verb: string;
				result: string;
				created_at: number;
			}[]
		).map((e) => ({ ...e, result: JSON.parse(e.result) as unknown }));
	}

	it.each([
		['pinned', (t: { pinned: boolean }) => t.pinned],
		['locked', (t: { locked: boolean }) => t.locked],
		['hidden', (t: { hidden: boolean }) => t.hidden]
	] as const)('sets and clears %s, logging who did what', (flag, read) => {
		const { threadId } = startThread(lan, {}, T0);
		const other = startThread(lan, {}, T0 + 1).threadId;
		setThreadFlag(db, threadId, flag, true, trainer.id, T0 + 1000);
		expect(read(getThread(db, threadId)!)).toBe(true);
		expect(read(getThread(db, other)!)).toBe(false);
		if (flag === 'hidden') {
			expect(db.prepare('SELECT hidden_at FROM thread WHERE id = ?').get(threadId)).toEqual({ hidden_at: T0 + 1000 });
		}

		setThreadFlag(db, threadId, flag, false, admin.id, T0 + 2000);
		expect(read(getThread(db, threadId)!)).toBe(false);

		expect(events()).toEqual([
			{ user_id: trainer.id, activity_id: null, verb: 'moderated', result: { thread: threadId, flag, on: true }, created_at: T0 + 1000 },
			{ user_id: admin.id, activity_id: null, verb: 'moderated', result: { thread: threadId, flag, on: false }, created_at: T0 + 2000 }
		]);
	});

	it('leaves the other flags alone', () => {
		const { threadId } = startThread(lan, {}, T0);
		setThreadFlag(db, threadId, 'locked', true, trainer.id, T0 + 1);
		setThreadFlag(db, threadId, 'pinned', true, trainer.id, T0 + 2);
		expect(getThread(db, threadId)).toMatchObject({ pinned: true, locked: true, hidden: false });
		setThreadFlag(db, threadId, 'pinned', false, trainer.id, T0 + 3);
		expect(getThread(db, threadId)).toMatchObject({ pinned: false, locked: true, hidden: false });
	});
});

describe('the folded search index', () => {
	it('holds the title and body folded the way queries are', () => {
		const { postId } = startThread(lan, { title: 'Phòng, chống MẠI DÂM', body: '*Đừng* ngại hỏi' }, T0);
		expect(indexed(postId)).toEqual({ title: foldForSearch('Phòng, chống MẠI DÂM'), body: 'dung ngai hoi' });
	});
});

describe('searchPosts', () => {
	it('finds what the reader may see, typed with or without diacritics, with the match marked', () => {
		const { threadId, postId } = startThread(lan, { title: 'Ở cơ sở', body: 'Nhóm chị em **bán dâm** ở Đồng Tháp.' });
		const replyId = reply(minh, threadId, T0 + 1, 'Xã tôi cũng có nhóm tự lực.');
		startThread(hoa, { cohortId: thaiBinh, title: 'Lớp khác', body: 'Đồng Tháp cũng được nhắc ở lớp khác.' });

		const hits = searchPosts(db, COURSE, scopeOf(lan), 'ban dam dong thap');
		expect(hits.map((h) => h.postId)).toEqual([postId]);
		expect(hits[0]!.snippetHtml).toContain('<mark>bán</mark> <mark>dâm</mark>');
		expect(hits[0]!.snippetHtml).toContain('<mark>Đồng</mark> <mark>Tháp</mark>');
		expect(hits[0]).toMatchObject({ threadId, threadTitle: 'Ở cơ sở', authorName: 'lan' });
		// another cohort's post stays out of this learner's results; the admin sees both
		expect(searchPosts(db, COURSE, scopeOf(lan), 'dong thap')).toHaveLength(1);
		expect(searchPosts(db, COURSE, scopeOf(admin), 'dong thap')).toHaveLength(2);
		// deleted posts and blank queries find nothing
		deletePost(db, replyId, T0 + 2);
		expect(searchPosts(db, COURSE, scopeOf(lan), 'tu luc')).toEqual([]);
		expect(searchPosts(db, COURSE, scopeOf(lan), ' ,. ')).toEqual([]);
	});
});

describe('reports and hidden posts', () => {
	it('takes one report per post and person, queues it for the cohort’s trainers only, and resolves it', () => {
		const { postId } = startThread(lan);
		expect(reportPost(db, postId, minh.id, ' Lộ thông tin cá nhân ', T0)).toEqual({ ok: true });
		expect(reportPost(db, postId, minh.id, 'lần nữa', T0 + 1)).toEqual({ ok: false, reason: 'duplicate' });
		expect(listOpenReports(db, trainer).map((r) => [r.postId, r.reason, r.reporter])).toEqual([[postId, 'Lộ thông tin cá nhân', 'minh']]);
		expect(listOpenReports(db, otherTrainer)).toEqual([]);
		expect(listOpenReports(db, admin)).toHaveLength(1);

		resolveReports(db, postId, trainer.id, true, T0 + 2);
		expect(listOpenReports(db, trainer)).toEqual([]);
		expect(getPost(db, postId)!.hidden).toBe(true);
		const events = db.prepare(`SELECT user_id, result FROM learning_event WHERE verb = 'moderated'`).all() as { user_id: number; result: string }[];
		expect(events.map((e) => [e.user_id, JSON.parse(e.result)])).toEqual([[trainer.id, { post: postId, resolved: true, hidden: true }]]);
	});

	it('leaves hidden posts out of unread counts and search, and shows them again when unhidden', () => {
		const { threadId } = startThread(lan, { body: 'Đồng Tháp' });
		const replyId = reply(minh, threadId, T0 + 1, 'Một bài ở Đồng Tháp');
		setPostHidden(db, replyId, true, trainer.id, T0 + 2);
		expect(listThreads(db, MODULE_1, scopeOf(lan), lan.id)[0]!.unread).toBe(0);
		expect(searchPosts(db, COURSE, scopeOf(lan), 'mot bai').map((h) => h.postId)).toEqual([]);
		setPostHidden(db, replyId, false, trainer.id, T0 + 3);
		expect(listThreads(db, MODULE_1, scopeOf(lan), lan.id)[0]!.unread).toBe(1);
		expect(searchPosts(db, COURSE, scopeOf(lan), 'mot bai').map((h) => h.postId)).toEqual([replyId]);
	});
});

describe('repliesToMe', () => {
	it('lists unread posts by others in threads the user wrote in, newest first, until read', () => {
		const { threadId } = startThread(lan);
		const other = startThread(minh, { title: 'Chủ đề của Minh' });
		const first = reply(minh, threadId, T0 + 1);
		const second = reply(trainer, threadId, T0 + 2);
		reply(hoa, other.threadId, T0 + 3); // a thread Lan never wrote in
		expect(repliesToMe(db, lan.id).map((r) => r.postId)).toEqual([second, first]);
		expect(repliesToMe(db, lan.id)[0]).toMatchObject({ threadId, courseId: COURSE, authorName: 'giangvien' });
		markRead(db, lan.id, threadId, second);
		expect(repliesToMe(db, lan.id)).toEqual([]);
	});
});
