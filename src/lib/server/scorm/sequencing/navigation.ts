// The player's questions to the sequencing engine, for one learner and one SCORM 2004 package:
// which SCO to open (refused when the rules forbid it), what the contents and the Continue and
// Previous buttons offer, and what a navigation request leads to, whether the learner made it
// (a button, the contents) or the SCO did when it ended (adl.nav.request). Each is one
// runSequencing request: the learner's state is read, changed and saved in one transaction.
import type { Db } from '../../db/open';
import { applyResult, openAttempt } from '../../tracking/record';
import { getTracking, getTrackingFor } from '../../tracking/service';
import type { ScoReport } from '../runtime/cmi';
import { getScoState } from '../runtime/commit';
import type { TocEntry } from '../sco';
import { packageSequencing, type Attachment } from '../store';
import { availability, deliver, type Availability, type Delivery } from './delivery';
import { NAVIGATION_REQUESTS, type AttemptEnd, type Engine, type NavigationRequest, type Outcome } from './engine';
import { attemptEndFrom, packageResult } from './result';
import { runSequencing, type SequencedPackage } from './state';
import { findActivity, type HideLmsUi } from './tree';

/** The package's sequencing, or null when the player needs none (SCORM 1.2). */
export function sequencedPackage(db: Db, attachment: Attachment): SequencedPackage | null {
	if (attachment.package.version !== '2004') return null;
	const tree = packageSequencing(db, attachment.package.id);
	return tree ? { attachmentId: attachment.id, packageId: attachment.package.id, tree } : null;
}

/** What the player shows around the SCO: each activity of the contents, Continue and Previous. */
export interface NavigationView {
	availability: Record<string, Availability>;
	canContinue: boolean;
	canPrevious: boolean;
	/** the controls the SCO on screen draws itself (adlnav:hideLMSUI) */
	hide: HideLmsUi[];
	/** the SCOs a choice would deliver now: what the SCO's `adl.nav.request_valid.choice` answers
	 * (clusters are left out, as in the contents: see `scorm/player.ts`) */
	choosable: string[];
	/** the SCOs a `{target=…}jump` would deliver now: what `adl.nav.request_valid.jump` answers */
	jumpable: string[];
}

function tocIds(entries: TocEntry[]): string[] {
	return entries.flatMap((entry) => [entry.identifier, ...tocIds(entry.children)]);
}

function scosIn(open: Set<string>, attachment: Attachment): string[] {
	return attachment.scos.map((sco) => sco.identifier).filter((id) => open.has(id));
}

function view(engine: Engine, pkg: SequencedPackage, attachment: Attachment): NavigationView {
	const current = engine.active() ? engine.current() : null;
	return {
		availability: Object.fromEntries(availability(engine, tocIds(attachment.toc))),
		canContinue: current !== null && engine.canContinue(),
		canPrevious: current !== null && engine.canPrevious(),
		hide: current === null ? [] : (findActivity(pkg.tree.root, current)?.hideLmsUi ?? []),
		choosable: scosIn(engine.choosable(), attachment),
		jumpable: scosIn(engine.jumpable(), attachment)
	};
}

/**
 * The package's result, the rollup of its tree (the root's status), through the tracking door:
 * written after every request that may have changed it, in the same transaction.
 */
function recordPackage(db: Db, userId: number, attachment: Attachment, pkg: SequencedPackage, engine: Engine): void {
	if (attachment.packageActivityId === null) return;
	const root = engine.status(pkg.tree.root.id);
	if (!root) return;
	const result = packageResult(root);
	if (result.completion === undefined && result.success === undefined && result.score === undefined) return;
	applyResult(db, userId, attachment.packageActivityId, result);
}

/** What was stored of a SCO's attempt, told to the engine when its end never reached it. */
function storedEnd(db: Db, userId: number, attachment: Attachment) {
	return (identifier: string): AttemptEnd => {
		const sco = attachment.scos.find((s) => s.identifier === identifier);
		if (!sco) return {};
		const tracking = getTrackingFor(db, userId, [sco.activityId]).get(sco.activityId) ?? null;
		return attemptEndFrom(tracking, getScoState(db, userId, sco.activityId));
	};
}

/**
 * The SCO to open for `asked` (null: where the learner should be), decided by the engine, with the
 * view once it is delivered. `asked` may name a cluster of the contents: its flow picks the SCO.
 */
export function openForLearner(db: Db, userId: number, attachment: Attachment, pkg: SequencedPackage, asked: string | null): { delivery: Delivery; view: NavigationView } {
	const leaves = attachment.scos.map((sco) => sco.identifier);
	try {
		return runSequencing(db, userId, pkg, (engine) => openIn(engine, db, userId, attachment, pkg, asked, leaves));
	} catch (err) {
		if (err instanceof Refused) return { delivery: err.delivery, view: err.view };
		throw err;
	}
}

/** A refused launch changes nothing: thrown out of the transaction, which rolls back whatever the
 * engine did on the way (ending the attempt on screen before trying the choice). */
class Refused extends Error {
	constructor(
		readonly delivery: Delivery,
		readonly view: NavigationView
	) {
		super('launch refused by the sequencing rules');
	}
}

function openIn(engine: Engine, db: Db, userId: number, attachment: Attachment, pkg: SequencedPackage, asked: string | null, leaves: string[]) {
	const delivery = deliver(engine, asked, leaves, storedEnd(db, userId, attachment));
	if (!delivery.ok) throw new Refused(delivery, view(engine, pkg, attachment));
	// the package is opened (an attempt on it the first time); an attempt left open may have ended
	if (attachment.packageActivityId !== null && !getTracking(db, userId, attachment.packageActivityId)) {
		openAttempt(db, userId, attachment.packageActivityId, { countsAsAttempt: true });
	}
	recordPackage(db, userId, attachment, pkg, engine);
	return { delivery, view: view(engine, pkg, attachment) };
}

/** The contents as they stand when nothing is being delivered (the course has ended). */
export function endedView(db: Db, userId: number, attachment: Attachment, pkg: SequencedPackage): NavigationView {
	return runSequencing(db, userId, pkg, (engine) => view(engine, pkg, attachment));
}

/** A navigation request as the player or a SCO wrote it: `continue`, `{target=x}choice`… */
export function parseRequest(text: string): { request: NavigationRequest; target?: string } | null {
	const targeted = /^\{target=([^}]+)\}(choice|jump)$/.exec(text);
	if (targeted) return { request: targeted[2] as 'choice' | 'jump', target: targeted[1] };
	return (NAVIGATION_REQUESTS as readonly string[]).includes(text) && text !== 'choice' && text !== 'jump' ? { request: text as NavigationRequest } : null;
}

/** What the player does next: open `deliver`, or show that the course `ended`, or stay. */
export interface NavigationAnswer {
	accepted: boolean;
	deliver: string | null;
	ended: boolean;
}

const answer = (outcome: Outcome): NavigationAnswer => ({ accepted: outcome.accepted, deliver: outcome.delivered, ended: outcome.ended });

/**
 * A learner's request from the player. The SCO on screen (`from`) has ended by now; if its end has
 * not reached the engine (it ended itself without a request), the engine ends its attempt with
 * what was stored and then runs the request, so its post-condition rules are applied as SN says.
 */
export function navigateForLearner(db: Db, userId: number, attachment: Attachment, pkg: SequencedPackage, text: string, from: string | null): NavigationAnswer {
	const parsed = parseRequest(text);
	if (!parsed) return { accepted: false, deliver: null, ended: false };
	return runSequencing(db, userId, pkg, (engine) => {
		const current = engine.current();
		const outcome =
			engine.active() && current !== null && current === from
				? engine.endAttempt({ ...storedEnd(db, userId, attachment)(current), navRequest: text })
				: engine.navigate(parsed.request, parsed.target);
		recordPackage(db, userId, attachment, pkg, engine);
		return answer(outcome);
	});
}

/**
 * A SCO's session ended: its last report goes to the engine (End Attempt, rollup, the package's
 * result), with the navigation request that ended it when there is one (its own adl.nav.request,
 * or the learner's button that closed it). Without one, scorm-again keeps the activity current
 * and active, so the learner's next request still applies its exit and post-condition rules.
 */
export function endForLearner(
	db: Db,
	userId: number,
	attachment: Attachment,
	pkg: SequencedPackage,
	identifier: string,
	report: Pick<ScoReport, 'completion' | 'completionKnown' | 'success' | 'scoreScaled' | 'progressMeasure' | 'exit'> | null,
	navRequest: string | null
): NavigationAnswer | null {
	if (navRequest !== null && !parseRequest(navRequest)) navRequest = null;
	return runSequencing(db, userId, pkg, (engine) => {
		if (!engine.active() || engine.current() !== identifier) return null;
		const end: AttemptEnd = navRequest === null ? {} : { navRequest };
		if (report) {
			if (report.completionKnown && (report.completion === 'completed' || report.completion === 'incomplete')) end.completion = report.completion;
			if (report.success === 'passed' || report.success === 'failed') end.success = report.success;
			if (report.scoreScaled !== null) end.scaled = report.scoreScaled;
			if (report.progressMeasure !== null) end.progress = report.progressMeasure;
			if (report.exit) end.exit = report.exit;
		}
		const outcome = engine.endAttempt(end);
		recordPackage(db, userId, attachment, pkg, engine);
		// no request: the player waits for the learner, as if nothing had been answered
		return navRequest === null ? null : answer(outcome);
	});
}
