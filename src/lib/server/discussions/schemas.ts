// Discussion forms. Error messages are catalogue keys.
import { z } from 'zod';
import { MAX_BODY_LENGTH, MAX_TITLE_LENGTH, postShowsNothing } from './service';

const body = z
	.string('discussion.bodyRequired')
	.refine((text) => text.trim().length > 0, 'discussion.bodyRequired')
	.refine((text) => text.length <= MAX_BODY_LENGTH, 'discussion.bodyTooLong')
	// typed, but nothing would show (only HTML, which is not shown): refused, the text kept in the form
	.refine((text) => text.trim().length === 0 || text.length > MAX_BODY_LENGTH || !postShowsNothing(text), 'discussion.bodyShowsNothing');

export const threadSchema = z.object({
	title: z
		.string('discussion.titleRequired')
		.trim()
		.min(1, 'discussion.titleRequired')
		.max(MAX_TITLE_LENGTH, 'discussion.titleTooLong'),
	body,
	cohortId: z.coerce.number().int().positive().optional()
});

export const replySchema = z.object({
	body,
	quoteOf: z.coerce.number().int().positive().optional()
});

export const editSchema = z.object({ body, postId: z.coerce.number().int().positive() });
