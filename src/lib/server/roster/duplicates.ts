// A username may appear once: once in the file (both lines are reported, so the trainer sees
// which two people clash) and not at all among existing accounts.
import type { Db } from '../db/open';
import type { RosterProblem } from './problems';
import type { RosterRow } from './rows';

export function findRepeatedUsernames(rows: Pick<RosterRow, 'line' | 'username'>[]): RosterProblem[] {
	const linesByName = new Map<string, number[]>();
	for (const row of rows) linesByName.set(row.username, [...(linesByName.get(row.username) ?? []), row.line]);
	const problems: RosterProblem[] = [];
	for (const [username, lines] of linesByName) {
		if (lines.length < 2) continue;
		for (const line of lines) {
			const others = lines.filter((other) => other !== line).join(', ');
			problems.push({ line, key: 'roster.usernameRepeated', params: { username, others } });
		}
	}
	return problems;
}

export function findTakenUsernames(db: Db, rows: Pick<RosterRow, 'line' | 'username'>[]): RosterProblem[] {
	// the username column compares without case (COLLATE NOCASE), like sign-in does
	const taken = new Set(
		(
			db
				.prepare('SELECT lower(username) AS username FROM user WHERE username IN (SELECT value FROM json_each(?))')
				.all(JSON.stringify(rows.map((row) => row.username))) as { username: string }[]
		).map((r) => r.username)
	);
	return rows
		.filter((row) => taken.has(row.username))
		.map((row) => ({ line: row.line, key: 'roster.usernameTaken', params: { username: row.username } }));
}
