// What authors may write in course.md and lesson.md frontmatter. Unknown settings are errors,
// so a typo ("estimatedMinute") is caught instead of silently ignored.
import { z } from 'zod';

const text = z.string().trim().min(1);

/** The course completion rule. `completion: all-modules` (and no completion at all) means every
 * module, nothing else. Slugs are checked against the course's modules by the loader. */
const completionSchema = z.preprocess(
	(value) => (value === undefined || value === null || value === 'all-modules' ? {} : value),
	z
		.object({
			/** required modules: all (default) or a list of module slugs */
			modules: z.union([z.literal('all'), z.array(text).min(1)]).default('all'),
			/** the slug of a module whose quiz must be passed */
			finalAssessment: text.optional(),
			/** in-person sessions to attend, at least */
			sessions: z.number().int().min(0).max(1000).default(0),
			/** total time on task across the course's modules, in minutes */
			minStudyMinutes: z.number().int().min(0).max(100_000).default(0)
		})
		.strict()
);

export const courseSchema = z
	.object({
		title: text.max(200),
		summary: text.max(1000),
		language: z.enum(['vi', 'en']).default('vi'),
		/** module folder names in the order learners see them; default: by folder number */
		modules: z.array(text).optional(),
		/** what completes the course (see completionSchema); `all-modules` is the old way of
		 * saying the default */
		completion: completionSchema,
		/** a module with a quiz is complete when its lesson is completed and its quiz passed
		 * (default), or only submitted */
		moduleCompletion: z.enum(['quiz-passed', 'quiz-submitted']).default('quiz-passed'),
		/** true: every cohort of the course talks on the same boards; default: each cohort its own */
		sharedDiscussions: z.boolean().default(false),
		/** SCORM packages kept beside the Markdown, each placed in a module:
		 * `- { module: ky-nang-tu-van, file: goi/ky-nang.zip, title: "..." }` */
		scorm: z
			.array(z.object({ module: text, file: text, title: text.max(200).optional() }).strict())
			.default([])
	})
	.strict();

export const lessonSchema = z
	.object({
		title: text.max(200),
		summary: text.max(1000).optional(),
		estimatedMinutes: z.number().int().positive().max(600),
		objectives: z.array(text).default([]),
		discussionQuestions: z.array(text).default([]),
		/** read: the lesson is completed by reading it to the end (default);
		 * discussion: by posting at least once on the module's discussion board */
		completion: z.enum(['read', 'discussion']).default('read')
	})
	.strict();

export type CourseFrontmatter = z.infer<typeof courseSchema>;
export type LessonFrontmatter = z.infer<typeof lessonSchema>;
