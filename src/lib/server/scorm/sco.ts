// The launchable items of a package, in table-of-contents order: what a learner can open and
// what is tracked. Aggregations (items without a resource) only group; hidden items still count.
import { DEFAULT_DELIVERY_CONTROLS, type DeliveryControls, type ScormItem, type ScormPackage, type ScormVersion } from './manifest';
import type { ScoRules } from './runtime/cmi';

export interface Sco {
	identifier: string;
	title: string;
	/** 'asset': content that cannot talk to the API; opening it completes it */
	scormType: 'sco' | 'asset';
	launchUrl: string;
	dataFromLms: string | null;
	maxTimeAllowed: string | null;
	timeLimitAction: string | null;
	rules: Omit<ScoRules, 'credit'>;
	deliveryControls: DeliveryControls;
	/** objective ids the manifest declares for it, cmi.objectives' first entries on every launch */
	objectiveIds: string[];
}

/** A table-of-contents entry: a launchable SCO, or a folder of entries. */
export interface TocEntry {
	identifier: string;
	title: string;
	visible: boolean;
	sco: Sco | null;
	/** SCORM 1.2 prerequisites (prerequisites.ts); packages stored before they were read have none */
	prerequisites: string | null;
	children: TocEntry[];
}

export function scoOf(item: ScormItem): Sco | null {
	if (!item.resource || !item.launchUrl) return null;
	return {
		identifier: item.identifier,
		title: item.title,
		scormType: item.resource.scormType,
		launchUrl: item.launchUrl,
		dataFromLms: item.dataFromLms,
		maxTimeAllowed: item.maxTimeAllowed,
		timeLimitAction: item.timeLimitAction,
		rules: {
			masteryScore: item.masteryScore,
			scaledPassingScore: item.scaledPassingScore,
			completionThreshold: item.completionThreshold
		},
		// packages stored before these were read have neither: the SCORM defaults then
		deliveryControls: item.deliveryControls ?? DEFAULT_DELIVERY_CONTROLS,
		objectiveIds: item.objectiveIds ?? []
	};
}

export function tableOfContents(items: readonly ScormItem[]): TocEntry[] {
	return items.map((item) => ({
		identifier: item.identifier,
		title: item.title,
		visible: item.visible,
		sco: scoOf(item),
		prerequisites: item.prerequisites ?? null,
		children: tableOfContents(item.children)
	}));
}

export function flattenScos(items: readonly ScormItem[]): Sco[] {
	return items.flatMap((item) => {
		const sco = scoOf(item);
		return [...(sco ? [sco] : []), ...flattenScos(item.children)];
	});
}

export function versionLabel(version: ScormVersion, manifest: Pick<ScormPackage, 'schemaVersion'>): string {
	return version === '1.2' ? 'SCORM 1.2' : `SCORM 2004${manifest.schemaVersion?.match(/\d(rd|th) Edition/i) ? ` ${manifest.schemaVersion.replace(/^2004\s*/i, '')}` : ''}`;
}
