// What is wrong with a roster file, as catalogue keys the page translates: one problem per
// source line and column, so a trainer can fix the file in Excel and upload it again.
import type { MessageKey, Params } from '$lib/i18n';

export type RosterField = 'username' | 'displayName' | 'organisation' | 'commune' | 'province' | 'password';

export interface RosterProblem {
	/** the line in the file, counting the header as line 1; absent for the file as a whole */
	line?: number;
	key: Extract<MessageKey<'manage'>, `roster.${string}`>;
	params?: Params;
}

/** The report for a file nothing was imported from. */
export interface RosterReport {
	rowCount: number;
	/** the first problems, in line order; `problemCount` says how many there are in all */
	problems: RosterProblem[];
	problemCount: number;
}

/** A thousand bad rows would make an unreadable page; the first ones are enough to start fixing. */
export const MAX_REPORTED_PROBLEMS = 200;

export function toReport(rowCount: number, problems: RosterProblem[]): RosterReport {
	const sorted = [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
	return { rowCount, problems: sorted.slice(0, MAX_REPORTED_PROBLEMS), problemCount: problems.length };
}
