import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { formatLoadError } from './format';
import { loadCourses, mediaUrl } from './loader';
import type { LoadError } from './problems';

const REAL_COURSES = fileURLToPath(new URL('../../../../courses', import.meta.url));

const COURSE_MD = `---
title: Khoá học thử
summary: Một khoá học nhỏ để kiểm tra trình nạp.
---

Giới thiệu **khoá học**.
`;

// Line numbers matter below: the body's `## Tình huống` is line 10 of the file.
const LESSON_MD = `---
title: Mở đầu
summary: Làm quen với khoá học.
estimatedMinutes: 15
objectives:
  - Biết cách học trực tuyến
discussionQuestions:
  - Bạn mong đợi gì?
---
## Tình huống

Một cán bộ xã gặp [văn bản](media/a.svg) mới.

![Sơ đồ](media/a.svg)

## Câu hỏi

Bạn sẽ làm gì?
`;

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>';

const roots: string[] = [];

afterEach(() => {
	for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A courses folder holding the given files (paths relative to it). */
function coursesFolder(files: Record<string, string>): string {
	const root = mkdtempSync(join(tmpdir(), 'taphuan-courses-'));
	roots.push(root);
	for (const [path, content] of Object.entries(files)) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), content);
	}
	return root;
}

/** A valid course `slug` with one module, with any file replaced or added. */
function validCourse(slug: string, overrides: Record<string, string> = {}): Record<string, string> {
	return {
		[`${slug}/course.md`]: COURSE_MD,
		[`${slug}/01-mo-dau/lesson.md`]: LESSON_MD,
		[`${slug}/01-mo-dau/media/a.svg`]: SVG,
		...overrides
	};
}

/** A lesson with the given frontmatter lines and body. */
function lesson(frontmatter: string[], body = '## Mục một\n\nNội dung.\n'): string {
	return ['---', ...frontmatter, '---', body].join('\n');
}

function load(files: Record<string, string>) {
	return loadCourses(coursesFolder(files));
}

function only(errors: LoadError[]): LoadError {
	expect(errors).toHaveLength(1);
	return errors[0]!;
}

describe('loadCourses with a valid course', () => {
	it('loads the course, its modules, sections and frontmatter', () => {
		const { courses, errors } = load(validCourse('khoa-thu'));
		expect(errors).toEqual([]);
		expect(courses).toHaveLength(1);
		const course = courses[0]!;
		expect(course).toMatchObject({
			slug: 'khoa-thu',
			title: 'Khoá học thử',
			summary: 'Một khoá học nhỏ để kiểm tra trình nạp.',
			language: 'vi'
		});
		expect(course.introHtml).toContain('<strong>khoá học</strong>');
		expect(course.modules).toHaveLength(1);
		const module = course.modules[0]!;
		expect(module).toMatchObject({
			slug: 'mo-dau',
			folder: '01-mo-dau',
			number: 1,
			title: 'Mở đầu',
			summary: 'Làm quen với khoá học.',
			estimatedMinutes: 15,
			objectives: ['Biết cách học trực tuyến'],
			discussionQuestions: ['Bạn mong đợi gì?']
		});
		expect(module.lesson.sections).toEqual([
			{ id: 'tinh-huong', title: 'Tình huống' },
			{ id: 'cau-hoi', title: 'Câu hỏi' }
		]);
		expect(module.lesson.html).toContain('<h2 id="tinh-huong">Tình huống</h2>');
		expect(module.lesson.contentHash).toMatch(/^[0-9a-f]{16}$/);
	});

	it('renders a directory directive as a link to the directory filtered by its type, in the course language', () => {
		const files = validCourse('khoa-thu', {
			'khoa-thu/01-mo-dau/lesson.md': lesson(['title: Mở đầu', 'estimatedMinutes: 10'], '## Mục\n\nKhi cần xét nghiệm:\n\n::danh-ba xet-nghiem-hiv\n\n::danh-ba\n')
		});
		const { courses, errors } = load(files);
		expect(errors).toEqual([]);
		const html = courses[0]!.modules[0]!.lesson.html;
		expect(html).toContain('<p><a href="/danh-ba?loai=xet-nghiem-hiv">Danh bạ hỗ trợ: các nơi “Xét nghiệm HIV” trong tỉnh</a></p>');
		expect(html).toContain('<a href="/danh-ba">');
		expect(html).not.toContain('::');
	});

	it('reads the course glossary and links its terms on their first use in each lesson', () => {
		const glossary = [
			'---',
			'title: Thuật ngữ',
			'terms:',
			'  - id: giam-hai',
			'    term: giảm hại',
			'    english: harm reduction',
			'    definition: Các biện pháp **giảm tác hại**.',
			'    avoid: [từ cũ]',
			'---',
			'Giới thiệu.'
		].join('\n');
		const files = validCourse('khoa-thu', {
			'khoa-thu/glossary.md': glossary,
			'khoa-thu/01-mo-dau/lesson.md': lesson(['title: Mở đầu', 'estimatedMinutes: 10'], '## Mục\n\nGiảm hại là gì? Giảm hại.\n')
		});
		const { courses, errors } = load(files);
		expect(errors).toEqual([]);
		expect(courses[0]!.glossary).toMatchObject({
			title: 'Thuật ngữ',
			terms: [{ id: 'giam-hai', term: 'giảm hại', english: 'harm reduction', definitionHtml: 'Các biện pháp <strong>giảm tác hại</strong>.', avoid: ['từ cũ'], matches: ['giảm hại'] }]
		});
		expect(courses[0]!.modules[0]!.lesson.html).toContain('<a href="/courses/khoa-thu/thuat-ngu#giam-hai">Giảm hại</a> là gì? Giảm hại.');
	});

	it('refuses a glossary with a term given twice or a missing definition, at their lines', () => {
		const glossary = ['---', 'title: Thuật ngữ', 'terms:', '  - id: a', '    term: A', '    english: a', '    definition: x', '  - id: a', '    term: B', '    english: b', '---'].join('\n');
		const { courses, errors } = load(validCourse('khoa-thu', { 'khoa-thu/glossary.md': glossary }));
		expect(courses).toEqual([]);
		expect(errors).toMatchObject([{ file: 'khoa-thu/glossary.md', line: 8, key: 'loader.missingSetting', params: { name: 'terms.1.definition' } }]);
		const twice = glossary.replace("'    english: b',", '') .replace('    english: b', '    english: b\n    definition: y');
		const second = load(validCourse('khoa-thu', { 'khoa-thu/glossary.md': twice }));
		expect(second.errors).toMatchObject([{ file: 'khoa-thu/glossary.md', line: 8, key: 'loader.glossaryDuplicateId', params: { id: 'a', line: 4 } }]);
	});

	it('rewrites media links and images to the URL they are served at', () => {
		const { courses } = load(validCourse('khoa-thu'));
		const html = courses[0]!.modules[0]!.lesson.html;
		const url = '/courses/khoa-thu/mo-dau/media/a.svg';
		expect(html).toContain(`<img src="${url}" alt="Sơ đồ"`);
		expect(html).toContain(`<a href="${url}">văn bản</a>`);
		expect(html).not.toContain('src="media/');
		expect(mediaUrl('khoa-thu', 'mo-dau', './media/a.svg')).toBe(url);
	});

	it('orders modules by number, or by the modules list when there is one', () => {
		const second = lesson(['title: Học phần hai', 'estimatedMinutes: 5']);
		const byNumber = load(validCourse('khoa-thu', { 'khoa-thu/02-hai/lesson.md': second }));
		expect(byNumber.errors).toEqual([]);
		expect(byNumber.courses[0]!.modules.map((m) => m.slug)).toEqual(['mo-dau', 'hai']);

		const listed = COURSE_MD.replace('---\n\n', 'modules:\n  - 02-hai\n  - 01-mo-dau\n---\n\n');
		const byList = load(
			validCourse('khoa-thu', { 'khoa-thu/course.md': listed, 'khoa-thu/02-hai/lesson.md': second })
		);
		expect(byList.errors).toEqual([]);
		expect(byList.courses[0]!.modules.map((m) => m.slug)).toEqual(['hai', 'mo-dau']);
	});

	it('keeps a module\'s identity when its folder is renumbered, and refuses two modules of one name', () => {
		const renumbered = load({
			'khoa-thu/course.md': COURSE_MD,
			'khoa-thu/05-mo-dau/lesson.md': LESSON_MD,
			'khoa-thu/05-mo-dau/media/a.svg': SVG
		});
		expect(renumbered.courses[0]!.modules[0]).toMatchObject({ slug: 'mo-dau', folder: '05-mo-dau', number: 5 });

		const twice = load(
			validCourse('khoa-thu', { 'khoa-thu/02-mo-dau/lesson.md': lesson(['title: Lại mở đầu', 'estimatedMinutes: 5']) })
		);
		expect(twice.courses).toEqual([]);
		expect(twice.errors).toEqual([
			{ file: 'khoa-thu/02-mo-dau', line: 0, key: 'loader.duplicateModuleSlug', params: { other: '01-mo-dau' } }
		]);
	});

	it('reads files written in decomposed Unicode (NFD) as NFC, quiz answers too, and finds media saved with NFD names', () => {
		const nfd = (text: string) => text.normalize('NFD');
		const quiz = ['---', 'title: Kiểm tra', 'passPercent: 50', '---', '## Cơ quan nào? {#co-quan}', '', '= Hội Liên hiệp Phụ nữ', ''].join('\n');
		const { courses, errors } = load(
			validCourse('khoa-thu', {
				'khoa-thu/course.md': nfd(COURSE_MD),
				'khoa-thu/01-mo-dau/lesson.md': nfd(`${LESSON_MD}\n![Ảnh](media/ảnh.svg)\n`),
				'khoa-thu/01-mo-dau/quiz.md': nfd(quiz),
				// as a Mac names the file
				[`khoa-thu/01-mo-dau/media/${nfd('ảnh.svg')}`]: SVG
			})
		);
		expect(errors).toEqual([]);
		const course = courses[0]!;
		const module = course.modules[0]!;
		expect(course.title).toBe('Khoá học thử');
		expect(module.quiz!.settings.title).toBe('Kiểm tra');
		expect(module.title).toBe('Mở đầu');
		expect(module.objectives).toEqual(['Biết cách học trực tuyến']);
		expect(module.lesson.sections).toEqual([
			{ id: 'tinh-huong', title: 'Tình huống' },
			{ id: 'cau-hoi', title: 'Câu hỏi' }
		]);
		expect(module.lesson.html).toContain('<h2 id="tinh-huong">Tình huống</h2>');
		const question = module.quiz!.questions[0]!;
		expect(question.title).toBe('Cơ quan nào?');
		expect(question.accepted).toEqual(['Hội Liên hiệp Phụ nữ']);
	});

	it('reads files saved with Windows line endings', () => {
		const crlf = (text: string) => text.replace(/\n/g, '\r\n');
		const { courses, errors } = load(
			validCourse('khoa-thu', {
				'khoa-thu/course.md': crlf(COURSE_MD),
				'khoa-thu/01-mo-dau/lesson.md': crlf(LESSON_MD),
				// the last frontmatter line is the one a stray \r would spoil
				'khoa-thu/02-hai/lesson.md': crlf(
					lesson(['title: Hai', 'estimatedMinutes: 20'], '## Mục\n\n![](media/../../x)\n')
				)
			})
		);
		expect(errors).toEqual([
			{ file: 'khoa-thu/02-hai/lesson.md', line: 7, key: 'loader.missingMedia', params: { path: 'media/../../x' } }
		]);
		const fixed = load(
			validCourse('khoa-thu', {
				'khoa-thu/course.md': crlf(COURSE_MD),
				'khoa-thu/01-mo-dau/lesson.md': crlf(LESSON_MD),
				'khoa-thu/02-hai/lesson.md': crlf(lesson(['title: Hai', 'estimatedMinutes: 20']))
			})
		);
		expect(fixed.errors).toEqual([]);
		const [first, second] = fixed.courses[0]!.modules;
		expect(first!.estimatedMinutes).toBe(15);
		expect(first!.discussionQuestions).toEqual(['Bạn mong đợi gì?']);
		expect(first!.lesson.sections).toHaveLength(2);
		expect(second!.estimatedMinutes).toBe(20);
	});

	it('loads a valid course beside a broken one, and not the broken one', () => {
		const { courses, errors } = load({
			...validCourse('khoa-hong', { 'khoa-hong/01-mo-dau/lesson.md': lesson(['title: Thiếu thời lượng']) }),
			...validCourse('khoa-tot')
		});
		expect(courses.map((c) => c.slug)).toEqual(['khoa-tot']);
		expect(errors.map((e) => e.file)).toEqual(['khoa-hong/01-mo-dau/lesson.md']);
	});
});

describe('loadCourses reports each problem with its file and line', () => {
	const FILE = 'khoa-thu/01-mo-dau/lesson.md';

	function lessonErrors(source: string): { errors: LoadError[]; loaded: number } {
		const { courses, errors } = load(validCourse('khoa-thu', { [FILE]: source }));
		return { errors, loaded: courses.length };
	}

	it('a YAML syntax error, at its line', () => {
		const { errors, loaded } = lessonErrors(
			lesson(['title: Mở đầu', 'estimatedMinutes: 10', 'objectives: [một, hai'])
		);
		expect(loaded).toBe(0);
		expect(only(errors)).toMatchObject({ file: FILE, line: 4, key: 'loader.yamlSyntax' });
		expect(errors[0]!.params?.detail).toBeTruthy();
	});

	it('a setting given twice, at its second line', () => {
		const { errors } = lessonErrors(
			lesson(['title: Mở đầu', 'estimatedMinutes: 10', 'title: Lần nữa'])
		);
		expect(only(errors)).toMatchObject({ file: FILE, line: 4, key: 'loader.yamlSyntax' });
	});

	it('a missing title', () => {
		const { errors, loaded } = lessonErrors(lesson(['summary: Tóm tắt', 'estimatedMinutes: 10']));
		expect(loaded).toBe(0);
		expect(only(errors)).toMatchObject({
			file: FILE,
			line: 2,
			key: 'loader.missingSetting',
			params: { name: 'title' }
		});
	});

	it('a missing title in course.md', () => {
		const { courses, errors } = load(
			validCourse('khoa-thu', { 'khoa-thu/course.md': '---\nsummary: Tóm tắt\n---\nNội dung\n' })
		);
		expect(courses).toEqual([]);
		expect(only(errors)).toMatchObject({
			file: 'khoa-thu/course.md',
			line: 2,
			key: 'loader.missingSetting',
			params: { name: 'title' }
		});
	});

	it('estimatedMinutes of the wrong type, at that key’s line', () => {
		const { errors, loaded } = lessonErrors(
			lesson(['title: Mở đầu', 'summary: Tóm tắt', 'estimatedMinutes: mười lăm', 'objectives: []'])
		);
		expect(loaded).toBe(0);
		expect(only(errors)).toMatchObject({
			file: FILE,
			line: 4,
			key: 'loader.invalidSetting',
			params: { name: 'estimatedMinutes' }
		});
	});

	it('an unknown setting, at its line', () => {
		const { errors, loaded } = lessonErrors(
			lesson(['title: Mở đầu', 'estimatedMinutes: 10', 'estimatedMinute: 10', 'objectives: []'])
		);
		expect(loaded).toBe(0);
		expect(only(errors)).toMatchObject({
			file: FILE,
			line: 4,
			key: 'loader.unknownSetting',
			params: { name: 'estimatedMinute' }
		});
	});

	it('a directive of an unknown name or directory type, at its line; code blocks are left alone', () => {
		// frontmatter: lines 1–4; body from line 5
		const source = lesson(
			['title: Mở đầu', 'estimatedMinutes: 10'],
			'## Mục\n\n::danh-ba xet-nghiem\n\n::lien-he cong-an\n\n```\n::khong-kiem-tra\n```\n'
		);
		const { errors, loaded } = lessonErrors(source);
		expect(loaded).toBe(0);
		expect(errors).toMatchObject([
			{ file: FILE, line: 7, key: 'loader.directoryType', params: { type: 'xet-nghiem' } },
			{ file: FILE, line: 9, key: 'loader.unknownDirective', params: { text: '::lien-he cong-an' } }
		]);
	});

	it('a missing media file, at the body line where it appears', () => {
		// frontmatter: lines 1–4; body: line 5 `## Mục`, line 6 blank, line 7 text, line 8 blank
		const source = lesson(
			['title: Mở đầu', 'estimatedMinutes: 10'],
			'## Mục\n\nCó ảnh đây.\n\nXem ![ảnh](media/khong-co.png) nhé.\n'
		);
		const { errors, loaded } = lessonErrors(source);
		expect(loaded).toBe(0);
		expect(only(errors)).toMatchObject({
			file: FILE,
			line: 9,
			key: 'loader.missingMedia',
			params: { path: 'media/khong-co.png' }
		});
	});

	it('a media link with a stray %, without stopping the other courses from loading', () => {
		const { courses, errors } = load({
			...validCourse('khoa-thu', {
				[FILE]: lesson(['title: Mở đầu', 'estimatedMinutes: 10'], '## Mục\n\n![](media/100%.png)\n')
			}),
			...validCourse('khoa-tot')
		});
		expect(courses.map((c) => c.slug)).toEqual(['khoa-tot']);
		expect(only(errors)).toMatchObject({
			file: FILE,
			line: 7,
			key: 'loader.missingMedia',
			params: { path: 'media/100%.png' }
		});
	});

	it('a media path that climbs out of the media folder', () => {
		const { errors } = lessonErrors(
			lesson(['title: Mở đầu', 'estimatedMinutes: 10'], '## Mục\n\n![](media/../lesson.md)\n')
		);
		expect(only(errors)).toMatchObject({ file: FILE, line: 7, key: 'loader.missingMedia' });
	});

	it('a lesson without any ## section', () => {
		const { errors, loaded } = lessonErrors(
			lesson(['title: Mở đầu', 'estimatedMinutes: 10'], '# Tiêu đề lớn\n\n### Mục nhỏ\n\nNội dung.\n')
		);
		expect(loaded).toBe(0);
		expect(only(errors)).toMatchObject({ file: FILE, line: 5, key: 'loader.noSections' });
	});

	it('a lesson without frontmatter', () => {
		const { errors } = lessonErrors('## Mục\n\nNội dung.\n');
		expect(only(errors)).toMatchObject({ file: FILE, line: 1, key: 'loader.noFrontmatter' });
	});

	it('a badly named module folder', () => {
		const { courses, errors } = load(
			validCourse('khoa-thu', {
				'khoa-thu/1-hai/lesson.md': lesson(['title: Hai', 'estimatedMinutes: 5'])
			})
		);
		expect(courses).toEqual([]);
		expect(only(errors)).toMatchObject({ file: 'khoa-thu/1-hai', line: 0, key: 'loader.badModuleFolder' });
	});

	it('a module folder without lesson.md', () => {
		const { courses, errors } = load(
			validCourse('khoa-thu', { 'khoa-thu/02-hai/media/a.svg': SVG })
		);
		expect(courses).toEqual([]);
		expect(only(errors)).toMatchObject({
			file: 'khoa-thu/02-hai/lesson.md',
			line: 0,
			key: 'loader.missingLesson'
		});
	});

	it('two modules with the same number', () => {
		const { courses, errors } = load(
			validCourse('khoa-thu', {
				'khoa-thu/01-trung/lesson.md': lesson(['title: Trùng số', 'estimatedMinutes: 5'])
			})
		);
		expect(courses).toEqual([]);
		expect(only(errors)).toMatchObject({
			file: 'khoa-thu/01-trung',
			line: 0,
			key: 'loader.duplicateModuleNumber',
			params: { other: '01-mo-dau' }
		});
	});

	it('an image from another site, with its line', () => {
		const { courses, errors } = load(
			validCourse('khoa-thu', {
				'khoa-thu/01-mo-dau/lesson.md': lesson(['title: Mở đầu', 'estimatedMinutes: 10'], '## Mục\n\n![ảnh](https://example.org/a.png)\n')
			})
		);
		expect(courses).toEqual([]);
		expect(only(errors)).toMatchObject({
			file: 'khoa-thu/01-mo-dau/lesson.md',
			line: 7,
			key: 'loader.externalImage',
			params: { path: 'https://example.org/a.png' }
		});
	});

	it('a modules list naming a folder that does not exist', () => {
		const listed = COURSE_MD.replace('---\n\n', 'modules:\n  - 01-mo-dau\n  - 02-khong-co\n---\n\n');
		const { courses, errors } = load(validCourse('khoa-thu', { 'khoa-thu/course.md': listed }));
		expect(courses).toEqual([]);
		expect(only(errors)).toMatchObject({
			file: 'khoa-thu/course.md',
			line: 4,
			key: 'loader.unknownModule',
			params: { name: '02-khong-co' }
		});
	});

	it('a module missing from the modules list', () => {
		const listed = COURSE_MD.replace('---\n\n', 'modules:\n  - 01-mo-dau\n---\n\n');
		const { courses, errors } = load(
			validCourse('khoa-thu', {
				'khoa-thu/course.md': listed,
				'khoa-thu/02-hai/lesson.md': lesson(['title: Hai', 'estimatedMinutes: 5'])
			})
		);
		expect(courses).toEqual([]);
		expect(only(errors)).toMatchObject({ line: 4, key: 'loader.moduleNotListed', params: { name: '02-hai' } });
	});

	it('a course without modules, or without course.md', () => {
		const { courses, errors } = load({
			'rong/course.md': COURSE_MD,
			'thieu/01-mo-dau/lesson.md': LESSON_MD
		});
		expect(courses).toEqual([]);
		expect(errors).toEqual([
			{ file: 'rong/course.md', line: 0, key: 'loader.noModules' },
			{ file: 'thieu/course.md', line: 0, key: 'loader.missingCourseFile' }
		]);
	});

	it('a course folder with capitals or spaces', () => {
		const { errors } = load(validCourse('Khoa Thu'));
		expect(only(errors)).toMatchObject({ file: 'Khoa Thu', line: 0, key: 'loader.badCourseFolder' });
	});

	it('a courses folder that does not exist', () => {
		const missing = join(coursesFolder({}), 'khong-co');
		const { courses, errors } = loadCourses(missing);
		expect(courses).toEqual([]);
		expect(only(errors)).toMatchObject({ line: 0, key: 'loader.noCoursesFolder' });
	});
});

describe('the real courses folder', () => {
	it('loads without errors', () => {
		const { courses, errors } = loadCourses(REAL_COURSES);
		expect(errors.map((e) => formatLoadError(e, 'en'))).toEqual([]);
		expect(courses.length).toBeGreaterThanOrEqual(1);
		for (const course of courses) {
			expect(course.modules.length).toBeGreaterThanOrEqual(1);
			for (const module of course.modules) expect(module.lesson.sections.length).toBeGreaterThan(0);
		}
	});
});

describe('formatLoadError', () => {
	it('gives file:line: message in the chosen language', () => {
		const error: LoadError = {
			file: 'khoa-thu/01-mo-dau/lesson.md',
			line: 4,
			key: 'loader.unknownSetting',
			params: { name: 'estimatedMinute' }
		};
		expect(formatLoadError(error, 'en')).toBe(
			'khoa-thu/01-mo-dau/lesson.md:4: unknown setting “estimatedMinute”'
		);
		expect(formatLoadError(error, 'vi')).toBe(
			'khoa-thu/01-mo-dau/lesson.md:4: thiết lập không được hỗ trợ: “estimatedMinute”'
		);
	});

	it('leaves the line out when there is none', () => {
		expect(formatLoadError({ file: 'khoa-thu/1-hai', line: 0, key: 'loader.badModuleFolder' }, 'en')).toBe(
			'khoa-thu/1-hai: a module folder must be named NN-module-name, e.g. 01-legal-framework'
		);
	});
});

describe('how a module is completed', () => {
	it('is by reading unless the lesson says discussion; anything else is an error on its line', () => {
		const byReading = load(validCourse('khoa-thu'));
		expect(byReading.courses[0]!.modules[0]!.completion).toBe('read');
		const byPosting = load(
			validCourse('khoa-thu', {
				'khoa-thu/02-thao-luan/lesson.md': lesson(['title: Thảo luận', 'estimatedMinutes: 10', 'completion: discussion'])
			})
		);
		expect(byPosting.errors).toEqual([]);
		expect(byPosting.courses[0]!.modules[1]).toMatchObject({ slug: 'thao-luan', completion: 'discussion' });
		const wrong = load(
			validCourse('khoa-thu', {
				'khoa-thu/02-thao-luan/lesson.md': lesson(['title: Thảo luận', 'estimatedMinutes: 10', 'completion: posting'])
			})
		);
		expect(wrong.errors).toMatchObject([{ file: 'khoa-thu/02-thao-luan/lesson.md', line: 4, key: 'loader.invalidSetting' }]);
	});
});

describe('the course completion rule', () => {
	const QUIZ = ['---', 'title: Kiểm tra', 'passPercent: 50', '---', '## Cơ quan nào? {#co-quan}', '', '= Hội Liên hiệp Phụ nữ', ''].join('\n');
	/** A course of three modules (mo-dau, phap-luat, kiem-tra with a quiz) whose course.md has these lines. */
	function withCompletion(lines: string[]) {
		return load(
			validCourse('khoa-thu', {
				'khoa-thu/course.md': ['---', 'title: Khoá học thử', 'summary: Tóm tắt.', ...lines, '---', '', 'Giới thiệu.', ''].join('\n'),
				'khoa-thu/02-phap-luat/lesson.md': lesson(['title: Pháp luật', 'estimatedMinutes: 10']),
				'khoa-thu/03-kiem-tra/lesson.md': lesson(['title: Kiểm tra cuối khoá', 'estimatedMinutes: 10']),
				'khoa-thu/03-kiem-tra/quiz.md': QUIZ
			})
		);
	}

	it('is every module and nothing else when absent or written the old way (all-modules)', () => {
		for (const lines of [[], ['completion: all-modules']]) {
			const { courses, errors } = withCompletion(lines);
			expect(errors).toEqual([]);
			expect(courses[0]!.completion).toEqual({ modules: ['mo-dau', 'phap-luat', 'kiem-tra'], finalAssessment: null, sessions: 0, minStudyMinutes: 0 });
		}
	});

	it('reads required modules (in course order), the final assessment, sessions and study time', () => {
		const { courses, errors } = withCompletion([
			'completion:',
			'  modules: [phap-luat, mo-dau]',
			'  finalAssessment: kiem-tra',
			'  sessions: 2',
			'  minStudyMinutes: 90'
		]);
		expect(errors).toEqual([]);
		expect(courses[0]!.completion).toEqual({ modules: ['mo-dau', 'phap-luat'], finalAssessment: 'kiem-tra', sessions: 2, minStudyMinutes: 90 });
	});

	it('reports an unknown module slug, a final assessment without a quiz, bad numbers and unknown settings on their lines', () => {
		const unknown = withCompletion(['completion:', '  modules:', '    - mo-dau', '    - khong-co', '  finalAssessment: chua-co']);
		expect(unknown.courses).toEqual([]);
		expect(unknown.errors).toEqual([
			{ file: 'khoa-thu/course.md', line: 7, key: 'loader.completionUnknownModule', params: { name: 'khong-co', known: 'mo-dau, phap-luat, kiem-tra' } },
			{ file: 'khoa-thu/course.md', line: 8, key: 'loader.completionUnknownModule', params: { name: 'chua-co', known: 'mo-dau, phap-luat, kiem-tra' } }
		]);
		const noQuiz = withCompletion(['completion:', '  finalAssessment: phap-luat']);
		expect(noQuiz.errors).toEqual([{ file: 'khoa-thu/course.md', line: 5, key: 'loader.completionFinalWithoutQuiz', params: { name: 'phap-luat' } }]);
		const negative = withCompletion(['completion:', '  sessions: -1', '  minStudyMinutes: 30']);
		expect(negative.errors).toMatchObject([{ file: 'khoa-thu/course.md', line: 5, key: 'loader.invalidSetting', params: { name: 'completion.sessions' } }]);
		const fraction = withCompletion(['completion:', '  sessions: 1', '  minStudyMinutes: 2.5']);
		expect(fraction.errors).toMatchObject([{ file: 'khoa-thu/course.md', line: 6, key: 'loader.invalidSetting', params: { name: 'completion.minStudyMinutes' } }]);
		const typo = withCompletion(['completion:', '  session: 1']);
		expect(typo.errors).toEqual([{ file: 'khoa-thu/course.md', line: 5, key: 'loader.unknownSetting', params: { name: 'completion.session' } }]);
		const oldWord = withCompletion(['completion: some-modules']);
		expect(oldWord.errors).toMatchObject([{ file: 'khoa-thu/course.md', line: 4, key: 'loader.invalidSetting', params: { name: 'completion' } }]);
		const empty = withCompletion(['completion:', '  modules: []']);
		expect(empty.errors).toMatchObject([{ file: 'khoa-thu/course.md', line: 5, key: 'loader.invalidSetting', params: { name: 'completion.modules' } }]);
	});
});

describe('the certificate block of course.md', () => {
	const courseWith = (block: string[]) =>
		['---', 'title: Khoá học thử', 'summary: Tóm tắt.', 'certificate:', ...block, '---', '', 'Giới thiệu.', ''].join('\n');

	it('is read with its defaults, and a course without it issues no certificate', () => {
		const plain = load(validCourse('khoa-thu'));
		expect(plain.courses[0]!.certificate).toBeNull();
		const { courses, errors } = load(
			validCourse('khoa-thu', {
				'khoa-thu/course.md': courseWith(['  issuer: Sở Y tế tỉnh Hưng Yên', '  signerTitle: Giám đốc', '  hours: 24']),
				'khoa-thu/con-dau.png': 'png'
			})
		);
		expect(errors).toEqual([]);
		expect(courses[0]!.certificate).toEqual({
			issuer: 'Sở Y tế tỉnh Hưng Yên',
			signerTitle: 'Giám đốc',
			signerName: null,
			hours: 24,
			serialFormat: '{n:4}/{year}/CN',
			sealImage: null
		});
	});

	it('reports a bad serial format, a missing seal image and an unknown setting at their own lines', () => {
		const { courses, errors } = load(
			validCourse('khoa-thu', {
				'khoa-thu/course.md': courseWith(['  issuer: Sở Y tế', '  signerTitle: Giám đốc', '  serialFormat: "{n:4}/HY"', '  sealImage: khong-co.png'])
			})
		);
		expect(courses).toEqual([]);
		expect(errors.map((e) => formatLoadError(e, 'en'))).toEqual([
			'khoa-thu/course.md:7: the certificate serial format “{n:4}/HY” must have {n} (or {n:4}) for the number and {year} for the year of issue, and no other placeholder in { }',
			'khoa-thu/course.md:8: file “khong-co.png” not found'
		]);
		const unknown = load(
			validCourse('khoa-thu', { 'khoa-thu/course.md': courseWith(['  issuer: Sở Y tế', '  signerTitle: Giám đốc', '  signer: Ông A']) })
		);
		expect(formatLoadError(only(unknown.errors), 'en')).toMatch(/^khoa-thu\/course\.md:7: .*certificate\.signer/);
		const missing = load(validCourse('khoa-thu', { 'khoa-thu/course.md': courseWith(['  issuer: Sở Y tế']) }));
		expect(formatLoadError(only(missing.errors), 'en')).toMatch(/^khoa-thu\/course\.md:4: .*certificate\.signerTitle/);
	});
});
