// Hand-built courses for unit tests of the services that read the catalogue.
import type { Course, Module } from './loader';

/** A module as the loader would return it, with two sections: `mo-dau` and `ket-luan`. */
export function lessonModule(
	slug: string,
	number: number,
	{ contentHash = `hash-${slug}`, title = `Học phần ${number}` } = {}
): Module {
	return {
		slug,
		folder: `${String(number).padStart(2, '0')}-${slug}`,
		number,
		title,
		summary: '',
		estimatedMinutes: 10,
		objectives: [],
		discussionQuestions: [],
		completion: 'read',
		lesson: {
			html: '<h2 id="mo-dau">Mở đầu</h2><h2 id="ket-luan">Kết luận</h2>',
			sections: [
				{ id: 'mo-dau', title: 'Mở đầu' },
				{ id: 'ket-luan', title: 'Kết luận' }
			],
			contentHash
		},
		quiz: null,
		dir: `/khong-dung/${slug}`
	};
}

export function testCourse(modules: Module[], title = 'Khoá học thử'): Course {
	return {
		slug: 'khoa-thu',
		title,
		summary: 'Tóm tắt',
		language: 'vi',
		moduleCompletion: 'quiz-passed',
		completion: { modules: modules.map((m) => m.slug), finalAssessment: null, sessions: 0, minStudyMinutes: 0 },
		sharedDiscussions: false,
		introHtml: '',
		glossary: null,
		modules,
		scorm: [],
		certificate: null
	};
}
