// A problem an author must fix, in a form both the admin page and the CLI can translate.
import type { MessageKey } from '$lib/i18n';

export interface Problem {
	line: number;
	key: MessageKey;
	params?: Record<string, string | number>;
}

export interface LoadError extends Problem {
	/** path relative to the courses folder, e.g. "phong-chong-mai-dam/01-x/lesson.md" */
	file: string;
}
