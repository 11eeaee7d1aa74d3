// Shapes shared by the discussion pages and components (browser-safe), and the addresses of a
// thread page's forms.

export interface ThreadSummary {
	id: number;
	title: string;
	authorName: string;
	authorIsTrainer: boolean;
	pinned: boolean;
	locked: boolean;
	hidden: boolean;
	replyCount: number;
	lastPostAt: number;
	unread: number;
}

/** The address of a board: a module's, or the course's general one (`moduleSlug` null). */
/** The id of the reminder not to identify anyone, shown above each posting form and named by its text area. */
export const PRIVACY_REMINDER_ID = 'privacy-reminder';

export function boardPath(courseSlug: string, moduleSlug: string | null): string {
	return moduleSlug ? `/courses/${courseSlug}/${moduleSlug}/discussions` : `/courses/${courseSlug}/discussions`;
}

/** What a board page (a module's or the course's general one) renders. */
export interface BoardView {
	course: { slug: string; title: string };
	module: { slug: string; title: string; number: number } | null;
	questions: string[];
	/** the threads of one page of the board, and where that page is among them */
	threads: ThreadSummary[];
	page: number;
	pages: number;
	cohorts: { id: number; name: string }[];
	/** where the browser keeps the new-thread form's draft (./drafts.ts draftKey) */
	draftKey: string;
	canPost: boolean;
	/** on the general board: the module boards, each with how many of its threads have news */
	moduleBoards: { slug: string; title: string; news: number }[];
}

/** What a thread page keeps in view when one of its forms is sent. */
export interface ThreadPlace {
	page: number;
	quote?: number | null;
	edit?: number | null;
}

/**
 * A thread form's action, e.g. `?page=2&quote=7&/reply#reply`. The page has no client script to
 * keep it on screen, so the browser posts and shows the server's answer: when a post is refused
 * or previewed, that answer is the same page (same posts, the quote, the post being edited) with
 * the typed text, and the fragment brings the reader back to the form.
 */
export function threadAction(name: string, place: ThreadPlace, anchor: string): string {
	const query = new URLSearchParams({ page: String(place.page) });
	if (place.quote) query.set('quote', String(place.quote));
	if (place.edit) query.set('edit', String(place.edit));
	// SvelteKit takes the first parameter starting with "/" as the action's name
	return `?${query}&/${name}#${anchor}`;
}
