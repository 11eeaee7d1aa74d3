// The content rules a machine can check on the real course: an orientation module (0), a
// discussion module (7) and a final assessment (8) frame the teaching; every teaching module (1–6) has
// objectives, discussion questions, a lesson of the agreed length with an English summary and
// references, and a quiz of 8–12 questions mixing the question types; and no stigmatising term
// appears anywhere in the course's text.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeQuestion } from '../quiz/grade';
import { otherStyleWords } from '../text/spelling';
import { loadCourses } from './loader';

const COURSES_DIR = new URL('../../../../courses', import.meta.url).pathname;
const VI_CATALOGUE = new URL('../../i18n/vi', import.meta.url).pathname;
const COURSE = 'phong-chong-mai-dam';

const { courses, errors } = loadCourses(COURSES_DIR);
const course = courses.find((c) => c.slug === COURSE);
const teaching = (course?.modules ?? []).filter((m) => m.number >= 1 && m.number <= 6);

function lessonBody(folder: string): string {
	const source = readFileSync(join(COURSES_DIR, COURSE, folder, 'lesson.md'), 'utf8');
	return source.replace(/^---[\s\S]*?\n---\n/, '');
}

function textFiles(dir: string, pattern = /\.(md|html|svg)$/): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return textFiles(path, pattern);
		return pattern.test(name) ? [path] : [];
	});
}

/** `file:line: text` for every line of the files where `offends` finds something. */
function offendingLines(files: string[], offends: (line: string) => boolean): string[] {
	return files.flatMap((path) =>
		readFileSync(path, 'utf8')
			.normalize('NFC')
			.split('\n')
			.flatMap((line, i) => (offends(line) ? [`${path.slice(path.indexOf(COURSE) >= 0 ? path.indexOf(COURSE) : path.indexOf('i18n'))}:${i + 1}: ${line.trim().slice(0, 100)}`] : []))
	);
}

const courseFiles = textFiles(join(COURSES_DIR, COURSE));

/** Terms the curriculum's terminology guide rules out (FACTS.md, "Terminology"). */
const STIGMATISING = [/gái điếm/i, /(^|[^\p{L}])đĩ(?![\p{L}])/iu, /(^|[^\p{L}])cave(?![\p{L}])/iu, /prostitute/i, /high-risk group/i];

describe(`the course ${COURSE}`, () => {
	it('loads without errors', () => {
		expect(errors).toEqual([]);
		expect(course).toBeDefined();
	});

	it('has the six teaching modules of the 2022 training', () => {
		expect(teaching.map((m) => m.number)).toEqual([1, 2, 3, 4, 5, 6]);
	});

	for (const module of teaching) {
		describe(`module ${module.folder}`, () => {
			it('states objectives and discussion questions', () => {
				expect(module.objectives.length).toBeGreaterThanOrEqual(3);
				expect(module.discussionQuestions.length).toBeGreaterThanOrEqual(1);
				expect(module.summary.length).toBeGreaterThan(0);
			});

			it('has a lesson of roughly 1,500–3,000 words with a case, key points, an English summary and references', () => {
				const words = lessonBody(module.folder).split(/\s+/).filter(Boolean).length;
				expect(words).toBeGreaterThanOrEqual(1_400);
				expect(words).toBeLessThanOrEqual(3_300);
				const titles = module.lesson.sections.map((s) => s.title);
				expect(titles.some((t) => t.startsWith('Tình huống'))).toBe(true);
				expect(titles).toContain('Những điểm cần ghi nhớ');
				expect(titles).toContain('English summary');
				expect(titles).toContain('Tài liệu tham khảo');
			});

			it('has a quiz of 8–12 questions mixing the question types, each explained', () => {
				const quiz = module.quiz;
				expect(quiz).not.toBeNull();
				expect(quiz!.questions.length).toBeGreaterThanOrEqual(8);
				expect(quiz!.questions.length).toBeLessThanOrEqual(12);
				expect(new Set(quiz!.questions.map((q) => q.type)).size).toBeGreaterThanOrEqual(4);
				for (const question of quiz!.questions) expect(question.explanationHtml, question.id).not.toBe('');
			});
		});
	}

	it('opens with an orientation module (0) that shows the real pages, and closes with a discussion module (7)', () => {
		const orientation = course?.modules.find((m) => m.number === 0);
		expect(orientation?.objectives.length).toBeGreaterThanOrEqual(3);
		expect(orientation?.quiz).toBeNull();
		expect(orientation?.lesson.sections.map((s) => s.title)).toContain('English summary');
		// screenshots taken by `npm run screenshots`, each described for screen readers
		const images = [...orientation!.lesson.html.matchAll(/<img [^>]*>/g)].map(([tag]) => tag);
		expect(images.length).toBeGreaterThanOrEqual(4);
		for (const tag of images) expect(tag).toMatch(/alt="[^"]{20,}"/);
		const discussion = course?.modules.find((m) => m.number === 7);
		expect(discussion?.completion).toBe('discussion');
		expect(discussion?.discussionQuestions.length).toBeGreaterThanOrEqual(3);
	});

	it('ends with a final assessment (8): a pool of at least 40 questions over modules 1–6, all six types, 20 drawn per attempt', () => {
		const final = course?.modules.find((m) => m.number === 8);
		expect(final?.slug).toBe('kiem-tra-cuoi-khoa');
		expect(final?.lesson.sections.map((s) => s.title)).toContain('English summary');
		const quiz = final!.quiz!;
		expect(quiz.questions.length).toBeGreaterThanOrEqual(40);
		expect(quiz.settings.questionsPerAttempt).toBe(20);
		expect(Object.keys(quiz.settings.pool ?? {}).sort()).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6']);
		expect(new Set(quiz.questions.map((q) => q.type))).toEqual(new Set(['single', 'multiple', 'truefalse', 'short', 'matching', 'ordering']));
		// every group holds more than its quota, so a second attempt is not the same test
		for (const [group, quota] of Object.entries(quiz.settings.pool!)) {
			expect(quiz.questions.filter((q) => q.group === group).length, group).toBeGreaterThan(quota);
		}
		for (const question of quiz.questions) expect(question.explanationHtml, question.id).not.toBe('');
		expect(quiz.settings).toMatchObject({ passPercent: 70, maxAttempts: 2, timeLimitMinutes: 40, shuffleQuestions: true });
		expect(quiz.settings.review.when).toBe('after-close');
	});

	it('draws its lesson checklists as plain bullet lists, nothing that looks like a control to tap', () => {
		const checklists = (course?.modules ?? []).filter((m) => /^- \[ \] /m.test(lessonBody(m.folder)));
		expect(checklists.length).toBeGreaterThanOrEqual(3);
		for (const module of checklists) {
			const html = module.lesson.html;
			expect(html, module.slug).not.toMatch(/<input|☐|☑|\[ \]/);
			// the checklist items are ordinary list items of their own text
			expect(html, module.slug).toMatch(/<ul>\n<li>(<p>)?[^<✓]/);
		}
	});

	it('uses no stigmatising term in any file', () => {
		const offending: string[] = [];
		for (const path of textFiles(join(COURSES_DIR, COURSE))) {
			readFileSync(path, 'utf8')
				.split('\n')
				.forEach((line, i) => {
					// a term in quotation marks is being named (e.g. "say X, not “Y”"), not used
					const used = line.replace(/“[^”]*”|"[^"]*"/g, '');
					for (const term of STIGMATISING) {
						if (term.test(used)) offending.push(`${path.slice(COURSES_DIR.length + 1)}:${i + 1}: ${line.trim().slice(0, 80)}`);
					}
				});
		}
		expect(offending).toEqual([]);
	});

	it('writes in one spelling style, course and Vietnamese interface alike: hoà, khoá, tuỳ, tỉ lệ (docs/authoring.md)', () => {
		const files = [...courseFiles, ...textFiles(VI_CATALOGUE, /\.ts$/)];
		const offending = offendingLines(files, (line) => otherStyleWords(line).length > 0);
		expect(offending).toEqual([]);
	});

	it('uses the 2025 map: no "thị trấn" as a level of today\'s local government', () => {
		// the old phrase may be quoted (“…”) as the name the 2003–2008 documents used, nowhere else
		const offending = offendingLines(courseFiles, (line) => /thị trấn/i.test(line.replace(/“[^”]*”/g, '')));
		expect(offending).toEqual([]);
	});

	it('calls the 16–17-year-old brackets of Điều 327/328 "tình tiết định khung tăng nặng", never the general "tình tiết tăng nặng"', () => {
		// the general aggravating circumstances may be named only as what the brackets are not
		// (Điều 52), or in the glossary as the words to avoid
		const offending = offendingLines(courseFiles, (line) => /tình tiết tăng nặng/i.test(line) && !/Điều 52/.test(line) && !/^\s*avoid:/.test(line));
		expect(offending).toEqual([]);
		const named = offendingLines(courseFiles, (line) => /Điều 32[78]/.test(line) && /định khung tăng nặng/.test(line));
		expect(named.length).toBeGreaterThanOrEqual(3);
	});

	it('accepts every short answer however the learner ends or quotes it', () => {
		const shorts = (course?.modules ?? []).flatMap((m) => (m.quiz?.questions ?? []).filter((q) => q.type === 'short'));
		expect(shorts.length).toBeGreaterThanOrEqual(5);
		for (const question of shorts) {
			if (question.type !== 'short') continue;
			for (const accepted of question.accepted) {
				for (const text of [`${accepted}.`, `“${accepted}”`, `"${accepted}".`, ` ${accepted} ! `]) {
					expect(gradeQuestion(question, { type: 'short', text }).correct, `${question.id}: ${text}`).toBe(true);
				}
			}
		}
	});
});
