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

/** The certificate issued on completing the course (src/lib/server/certificates); a course
 * without this block issues none. */
export const certificateSchema = z
	.object({
		/** the issuing authority, printed at the top and in the register: serials run per issuer */
		issuer: text.max(200),
		/** the signer's title, e.g. "Giám đốc" (a role, so the file need not name a person) */
		signerTitle: text.max(200),
		/** the signer's name, printed under the signature when given */
		signerName: text.max(200).optional(),
		/** hours of study printed on the certificate (số giờ) */
		hours: z.number().positive().max(1000).optional(),
		/** {n} or {n:4} (the number, zero-padded to 4 digits) and {year}; default {n:4}/{year}/CN */
		serialFormat: text.max(100).default('{n:4}/{year}/CN'),
		/** a PNG or JPEG in the course folder, printed beside the signature (seal, signature) */
		sealImage: text.optional()
	})
	.strict();

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
			.default([]),
		certificate: certificateSchema.optional()
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
export type CertificateFrontmatter = z.infer<typeof certificateSchema>;
export type LessonFrontmatter = z.infer<typeof lessonSchema>;
