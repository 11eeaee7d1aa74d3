// Trainers' and admins' moderation. Every action is recorded in the event log with who and when.
import type { Db } from '../db/open';
import { logEvent } from '../tracking/service';

export type ThreadFlag = 'pinned' | 'locked' | 'hidden';

export function setThreadFlag(db: Db, threadId: number, flag: ThreadFlag, on: boolean, moderatorId: number, now = Date.now()) {
	db.transaction(() => {
		if (flag === 'hidden') {
			db.prepare('UPDATE thread SET hidden_at = ? WHERE id = ?').run(on ? now : null, threadId);
		} else {
			// the column is named by the flag, which the type restricts to two known names
			db.prepare(`UPDATE thread SET ${flag === 'pinned' ? 'pinned' : 'locked'} = ? WHERE id = ?`).run(on ? 1 : 0, threadId);
		}
		logEvent(db, moderatorId, null, 'moderated', { thread: threadId, flag, on }, now);
	}).immediate();
}
