// What authors may write in quiz.md frontmatter. Unknown settings are errors.
import { z } from 'zod';
import { REVIEW_LEVELS, REVIEW_WHEN } from '$lib/quiz/review-level';

export const quizSchema = z
	.object({
		title: z.string().trim().min(1).max(200),
		passPercent: z.number().min(0).max(100),
		/** a number, or "unlimited" */
		maxAttempts: z.union([z.number().int().min(1).max(100), z.literal('unlimited')]).default('unlimited'),
		/** minutes; fractions allowed (0.5 = 30 seconds) */
		timeLimitMinutes: z.number().positive().max(600).optional(),
		shuffleQuestions: z.boolean().default(false),
		shuffleChoices: z.boolean().default(false),
		grading: z.enum(['highest', 'latest', 'average', 'first']).default('highest'),
		review: z
			.object({
				show: z.enum(REVIEW_LEVELS).default('explanations'),
				when: z.enum(REVIEW_WHEN).default('always')
			})
			.strict()
			.default({ show: 'explanations', when: 'always' }),
		questionsPerAttempt: z.number().int().positive().optional(),
		/** a question pool: group name → how many of that group's questions each attempt draws;
		 * every question then names its group (`{group=m1}`) */
		pool: z
			.record(z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/i), z.number().int().positive().max(500))
			.refine((pool) => Object.keys(pool).length > 0)
			.optional()
	})
	.strict();
