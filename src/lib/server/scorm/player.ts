// What the player page shows: the package's table of contents with each SCO's status, and the
// SCO to launch with the data model it starts from.
import type { Db } from '../db/open';
import { getTrackingFor, type Tracking } from '../tracking/service';
import { activityStatus, countDone, type ActivityStatus } from '../tracking/status';
import type { User } from '../users/service';
import type { TocEntry } from './sco';
import type { Attachment, ScoActivity } from './store';
import { getScoState } from './runtime/commit';
import { launchData } from './runtime/launch';

export interface TocView {
	identifier: string;
	title: string;
	/** null for a folder of the table of contents */
	status: ActivityStatus | null;
	children: TocView[];
}

export function contentUrl(attachment: Attachment, launchUrl: string): string {
	const path = launchUrl.split('/').map((part, i, all) => (i === all.length - 1 ? part : encodeURIComponent(part))).join('/');
	return `/scorm-content/${attachment.id}/${attachment.package.hash}/${path}`;
}

function tocView(entries: TocEntry[], tracking: Map<number, Tracking>, ids: Map<string, number>): TocView[] {
	return entries
		.filter((entry) => entry.visible)
		.map((entry) => ({
			identifier: entry.identifier,
			title: entry.title,
			status: entry.sco ? activityStatus(tracking.get(ids.get(entry.identifier)!)) : null,
			children: tocView(entry.children, tracking, ids)
		}));
}

export function playerView(db: Db, user: User, attachment: Attachment, sco: ScoActivity) {
	const ids = new Map(attachment.scos.map((s) => [s.identifier, s.activityId]));
	const tracking = getTrackingFor(db, user.id, attachment.scos.map((s) => s.activityId));
	const index = attachment.scos.indexOf(sco);
	const neighbour = (i: number) => {
		const other = attachment.scos[i];
		return other ? { identifier: other.identifier, title: other.title } : null;
	};
	const done = countDone(attachment.scos.map((s) => ({ kind: 'scorm' as const, row: tracking.get(s.activityId) })));
	return {
		toc: tocView(attachment.toc, tracking, ids),
		progress: { done, total: attachment.scos.length },
		current: {
			identifier: sco.identifier,
			title: sco.title,
			activityId: sco.activityId,
			scormType: sco.scormType,
			src: contentUrl(attachment, sco.launchUrl),
			launch: launchData({
				version: attachment.package.version,
				sco,
				learner: { id: user.id, name: user.displayName },
				tracking: tracking.get(sco.activityId) ?? null,
				state: getScoState(db, user.id, sco.activityId)
			})
		},
		previous: neighbour(index - 1),
		next: neighbour(index + 1)
	};
}
