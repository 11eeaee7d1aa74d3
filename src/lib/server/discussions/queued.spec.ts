import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password';
import { addMember, createCohort } from '../cohorts/service';
import { syncCatalog } from '../courses/catalog';
import { lessonModule, testCourse } from '../courses/test-courses';
import { openDatabase, type Db } from '../db/open';
import { insertUser, type User } from '../users/service';
import { discussionScope } from './access';
import { setThreadFlag } from './moderation';
import { applyQueuedPost, PostingWait, type QueuedPost } from './queued';
import { countPosts, createThread, postRate } from './service';

const T0 = Date.UTC(2025, 2, 1);
const course = testCourse([lessonModule('mot', 1)]);

let passwordHash: string;
beforeAll(async () => {
	passwordHash = await hashPassword('hoa sen trong đầm');
});

let db: Db;
let lan: User;
let trainer: User;
let cohort: number;
let threadId: number;

beforeEach(() => {
	db = openDatabase(':memory:');
	syncCatalog(db, [course], T0);
	lan = insertUser(db, { username: 'lan', displayName: 'Lan', password: '', role: 'learner' }, passwordHash);
	trainer = insertUser(db, { username: 'thay', displayName: 'Thầy', password: '', role: 'trainer' }, passwordHash);
	cohort = createCohort(db, { name: 'Hưng Yên', enrolCode: 'HY-01', courseIds: [course.slug], trainerIds: [trainer.id], createdBy: null }, T0).id;
	addMember(db, cohort, lan.id, 'learner', T0);
	threadId = createThread(db, { board: { courseId: course.slug, moduleSlug: 'mot' }, cohortId: cohort, authorId: trainer.id, title: 'Hỏi', bodyMd: 'Câu hỏi.' }, T0).threadId;
});

const reply = (op: string, body = 'Trả lời viết khi không có mạng.'): QueuedPost & { op: string } => ({
	kind: 'reply',
	course: course.slug,
	thread: threadId,
	body,
	op,
	learner: 'lan'
});
const apply = (post: QueuedPost & { op: string }, now = T0 + 60_000) => applyQueuedPost(db, lan, course, discussionScope(db, lan, course.slug), post, now);
const ownPosts = () => (db.prepare('SELECT count(*) AS n FROM post WHERE author_id = ?').get(lan.id) as { n: number }).n;

describe('a reply queued offline', () => {
	it('is posted once, however often it is delivered', () => {
		const first = apply(reply('reply-00000001'));
		const again = apply(reply('reply-00000001'), T0 + 120_000);
		expect(first).toMatchObject({ posted: expect.stringMatching(new RegExp(`^/courses/khoa-thu/discussions/${threadId}\\?post=\\d+$`)) });
		expect(again).toEqual(first);
		expect(ownPosts()).toBe(1);
		expect(countPosts(db, threadId)).toBe(2);
	});

	it('to a thread locked meanwhile is returned with the reason, and nothing is posted', () => {
		setThreadFlag(db, threadId, 'locked', true, trainer.id);
		expect(apply(reply('reply-00000002'))).toEqual({ returned: 'discussion.threadLocked' });
		expect(ownPosts()).toBe(0);
	});

	it('that the forms would refuse is returned with the form’s reason', () => {
		expect(apply(reply('reply-00000003', '   '))).toEqual({ returned: 'discussion.bodyRequired' });
		expect(ownPosts()).toBe(0);
	});

	it('waits when the account posted too fast: nothing written, nothing recorded, so it is applied when sent again', () => {
		for (let i = 0; i < postRate().maxFailures; i++) apply(reply(`burst-0000000${i}`));
		const before = ownPosts();
		expect(() => apply(reply('reply-00000004'))).toThrow(PostingWait);
		expect(ownPosts()).toBe(before);
		expect(db.prepare("SELECT count(*) AS n FROM applied_operation WHERE op_id = 'reply-00000004'").get()).toEqual({ n: 0 });
		expect(apply(reply('reply-00000004'), T0 + 60 * 60_000)).toHaveProperty('posted');
	});
});

describe('a new thread queued offline', () => {
	it('is started once on the module board of the learner’s cohort', () => {
		const post: QueuedPost & { op: string } = { kind: 'thread', course: course.slug, module: 'mot', title: 'Câu hỏi mới', body: 'Nội dung.', op: 'thread-0000001', learner: 'lan' };
		const first = apply(post);
		expect(apply(post)).toEqual(first);
		expect(db.prepare('SELECT title, cohort_id AS cohort FROM thread WHERE author_id = ?').all(lan.id)).toEqual([{ title: 'Câu hỏi mới', cohort }]);
	});

	it('to a board that is not the learner’s is returned', () => {
		const post: QueuedPost & { op: string } = { kind: 'thread', course: course.slug, module: 'khong-co', title: 'Câu hỏi', body: 'Nội dung.', op: 'thread-0000002', learner: 'lan' };
		expect(apply(post)).toEqual({ returned: 'discussion.notYourBoard' });
	});
});
