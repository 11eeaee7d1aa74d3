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
import type { Availability } from './sequencing/delivery';
import type { NavigationView } from './sequencing/navigation';
import { closedByPrerequisites, lessonStatusOf } from './prerequisites';

export interface TocView {
	identifier: string;
	title: string;
	/** null for a folder of the table of contents */
	status: ActivityStatus | null;
	/** may the learner open it from the contents now, and if not why (SCORM 2004 sequencing, or
	 * SCORM 1.2 prerequisites: 'closed'); otherwise a SCO is 'open', a folder 'inOrder' (text only)
	 * unless the sequencing engine offers it */
	available: Exclude<Availability, 'hidden'>;
	children: TocView[];
}

export function contentUrl(attachment: Attachment, launchUrl: string): string {
	const path = launchUrl.split('/').map((part, i, all) => (i === all.length - 1 ? part : encodeURIComponent(part))).join('/');
	return `/scorm-content/${attachment.id}/${attachment.package.hash}/${path}`;
}

type AvailabilityOf = (identifier: string) => Availability | undefined;

function tocView(entries: TocEntry[], tracking: Map<number, Tracking>, ids: Map<string, number>, availabilityOf: AvailabilityOf): TocView[] {
	return entries.flatMap((entry): TocView[] => {
		if (availabilityOf(entry.identifier) === 'hidden') return [];
		// an item the manifest hides (isvisible="false", often a wrapper its rules need) is not
		// shown, but what it holds is
		if (!entry.visible) return tocView(entry.children, tracking, ids, availabilityOf);
		const sequenced = availabilityOf(entry.identifier);
		return [
			{
				identifier: entry.identifier,
				title: entry.title,
				status: entry.sco ? activityStatus(tracking.get(ids.get(entry.identifier)!)) : null,
				// a folder is a link where the sequencing engine lets the learner choose it (the choice
				// delivers the part its flow leads to: the random test's Post Test, a drawn test);
				// otherwise, and in packages without sequencing, text
				available: !entry.sco ? (sequenced === 'open' ? 'open' : 'inOrder') : sequenced && sequenced !== 'hidden' ? sequenced : 'open',
				children: tocView(entry.children, tracking, ids, availabilityOf)
			}
		];
	});
}

/** SCORM 1.2: the parts whose prerequisites do not hold yet for this learner (none for 2004,
 * whose sequencing rules decide instead). */
export function closedParts(attachment: Attachment, tracking: Map<number, Tracking>): Set<string> {
	if (attachment.package.version !== '1.2') return new Set();
	const ids = new Map(attachment.scos.map((s) => [s.identifier, s.activityId]));
	return closedByPrerequisites(attachment.toc, (identifier) => lessonStatusOf(tracking.get(ids.get(identifier) ?? -1)));
}

/** What the page shows: the SCO being delivered (none once a sequenced course has ended), the
 * contents, and where Previous and Continue lead: the engine's flow where the package has it,
 * else the neighbouring part when the learner may open it. */
export function playerView(db: Db, user: User, attachment: Attachment, sco: ScoActivity | null, nav: NavigationView | null) {
	const ids = new Map(attachment.scos.map((s) => [s.identifier, s.activityId]));
	const tracking = getTrackingFor(db, user.id, [...attachment.scos.map((s) => s.activityId), ...(attachment.packageActivityId === null ? [] : [attachment.packageActivityId])]);
	const closed = closedParts(attachment, tracking);
	const availabilityOf: AvailabilityOf = (identifier) => (nav ? nav.availability[identifier] : closed.has(identifier) ? 'closed' : undefined);
	const index = sco ? attachment.scos.indexOf(sco) : -1;
	const neighbour = (i: number) => {
		const other = sco ? attachment.scos[i] : undefined;
		if (!other) return null;
		const available = availabilityOf(other.identifier) ?? 'open';
		return available === 'open' ? { identifier: other.identifier, title: other.title } : null;
	};
	const done = countDone(attachment.scos.map((s) => ({ kind: 'scorm' as const, row: tracking.get(s.activityId) })));
	const flow = {
		continue: nav !== null && nav.canContinue && !nav.hide.includes('continue'),
		previous: nav !== null && nav.canPrevious && !nav.hide.includes('previous')
	};
	return {
		toc: tocView(attachment.toc, tracking, ids, availabilityOf),
		progress: { done, total: attachment.scos.length },
		/** SCORM 2004: the package's own result, its tree's rollup (what the module counts) */
		packageStatus: attachment.packageActivityId === null ? null : activityStatus(tracking.get(attachment.packageActivityId)),
		current: sco && {
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
		/** sequenced packages: their requests go to the server's engine; others move by address */
		sequenced: nav !== null,
		/** what the SCO's adl.nav.request_valid answers: the engine's own view, whatever the
		 * player's buttons hide (hideLMSUI hides the player's, not the SCO's, navigation) */
		requestValid: nav && sco ? { continue: nav.canContinue, previous: nav.canPrevious, choice: nav.choosable, jump: nav.jumpable } : null,
		flow,
		// a flow button stands where the neighbour's link would
		previous: flow.previous ? null : neighbour(index - 1),
		next: flow.continue ? null : neighbour(index + 1),
		hideExit: nav?.hide.includes('exit') ?? false
	};
}
