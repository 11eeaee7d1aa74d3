// Reads a SCORM 1.2 / 2004 imsmanifest.xml into a plain table of contents the player can use.
// The XML is hostile until proven otherwise: no DOCTYPE entities, titles kept as plain text,
// every launch file checked against the package's own files.
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { refuse, ScormRefusal, type ScormResult } from './problems';
import { sequencingCollection, translateOrganization } from './sequencing/translate';
import type { SequencingTree } from './sequencing/tree';
import { attr, child, children, parser, text, type XmlNode } from './xml';

export type ScormVersion = '1.2' | '2004';

export interface ScormResource {
	identifier: string;
	scormType: 'sco' | 'asset';
	/** href with every xml:base applied, relative to the package root; null when absent */
	href: string | null;
	dependencies: string[];
}

export interface ScormItem {
	identifier: string;
	title: string;
	visible: boolean;
	/** aggregations (folders of the table of contents) have no resource */
	resource: ScormResource | null;
	/** href plus the item's parameters, ready to load relative to the package root */
	launchUrl: string | null;
	parameters: string | null;
	/** SCORM 1.2, 0–100 */
	masteryScore: number | null;
	maxTimeAllowed: string | null;
	timeLimitAction: string | null;
	dataFromLms: string | null;
	/** SCORM 1.2 adlcp:prerequisites (aicc_script, see prerequisites.ts); null when absent */
	prerequisites: string | null;
	/** SCORM 2004, 0–1 */
	completionThreshold: number | null;
	/** SCORM 2004 primary objective's minNormalizedMeasure when it is satisfied by measure, −1–1 */
	scaledPassingScore: number | null;
	/** SCORM 2004 imsss:deliveryControls (the defaults when absent, and always for 1.2) */
	deliveryControls: DeliveryControls;
	/** SCORM 2004 objective ids from imsss:objectives, the primary objective first: cmi.objectives
	 * starts with them on every launch (RTE 4.2.17) */
	objectiveIds: string[];
	children: ScormItem[];
}

/** SCORM 2004 SN 3.13: what the LMS assumes about an attempt the content did not report on. */
export interface DeliveryControls {
	tracked: boolean;
	/** false (the default): the attempt is completed when it ends, unless the content said otherwise */
	completionSetByContent: boolean;
	/** false (the default): the primary objective is satisfied when the attempt ends, unless the content said otherwise */
	objectiveSetByContent: boolean;
}

export const DEFAULT_DELIVERY_CONTROLS: DeliveryControls = Object.freeze({ tracked: true, completionSetByContent: false, objectiveSetByContent: false });

export interface ScormPackage {
	identifier: string;
	version: ScormVersion;
	/** metadata/schemaversion as written, e.g. "2004 3rd Edition"; null when absent */
	schemaVersion: string | null;
	organization: { identifier: string; title: string };
	items: ScormItem[];
	resources: ScormResource[];
}

/** `sequencing`: the SCORM 2004 activity tree (sequencing/translate.ts); null for SCORM 1.2 */
export type ManifestResult = ScormResult<{ manifest: ScormPackage; sequencing: SequencingTree | null }>;

export const MANIFEST_NAME = 'imsmanifest.xml';

/** The manifest must sit at the zip's root; when it is only deeper, say where it is. */
export function findManifest(files: readonly string[]): ScormResult<{ path: string }> {
	if (files.includes(MANIFEST_NAME)) return { ok: true, path: MANIFEST_NAME };
	const nested = files.filter((file) => path.posix.basename(file).toLowerCase() === MANIFEST_NAME).sort((a, b) => a.length - b.length)[0];
	if (nested) return { ok: false, problem: { key: 'scorm.manifestInSubfolder', params: { folder: path.posix.dirname(nested) } } };
	return { ok: false, problem: { key: 'scorm.noManifest' } };
}

/**
 * Parses `xmlText`; `fileExists` answers for a path relative to the package root (forward
 * slashes, URL-decoded) and is used to check that every launch file is really there.
 */
export function parseManifest(xmlText: string, fileExists: (file: string) => boolean): ManifestResult {
	try {
		return { ok: true, ...readManifest(xmlText, fileExists) };
	} catch (err) {
		if (err instanceof ScormRefusal) return { ok: false, problem: err.problem };
		throw err;
	}
}

function readManifest(xmlText: string, fileExists: (file: string) => boolean): { manifest: ScormPackage; sequencing: SequencingTree | null } {
	const xml = xmlText.replace(/^\uFEFF/, '');
	// External entities (XXE) and entity expansion (billion laughs) both need a DOCTYPE with an
	// internal subset; no SCORM package needs one, so refuse rather than trust a parser setting.
	const withoutComments = xml.replace(/<!--[\s\S]*?-->/g, '');
	if (/<!DOCTYPE[^>[]*\[/i.test(withoutComments) || /<!ENTITY/i.test(withoutComments)) refuse('scorm.doctype');
	const valid = XMLValidator.validate(xml);
	if (valid !== true) refuse('scorm.badXml', { line: valid.err.line });

	const root = children(parser.parse(xml) as XmlNode, 'manifest')[0];
	if (!root) refuse('scorm.notManifest');
	const identifier = required(root, 'manifest', 'identifier');
	const schemaVersion = text(child(child(root, 'metadata'), 'schemaversion')) || null;
	const version = scormVersion(schemaVersion, xml);

	const resources = readResources(root);
	const organization = defaultOrganization(root);
	const title = text(child(organization, 'title'));
	if (!title) refuse('scorm.missingField', { element: 'organization', field: 'title' });
	const collection = sequencingCollection(root);
	const items = children(organization, 'item').map((item) => readItem(item, resources, collection));

	// SCOs are tracked by their item identifier: two items with one identifier would share a record
	const seen = new Set<string>();
	for (const item of walk(items)) {
		if (seen.has(item.identifier)) refuse('scorm.duplicateItem', { identifier: item.identifier });
		seen.add(item.identifier);
	}
	for (const item of walk(items)) checkLaunch(item, fileExists);
	if (!walk(items).some((item) => item.launchUrl)) refuse('scorm.nothingToLaunch');

	const manifest: ScormPackage = {
		identifier,
		version,
		schemaVersion,
		organization: { identifier: required(organization, 'organization', 'identifier'), title },
		items,
		resources: [...resources.values()]
	};
	return { manifest, sequencing: version === '2004' ? translateOrganization(organization, collection, title) : null };
}

function scormVersion(schemaVersion: string | null, xml: string): ScormVersion {
	const declared = schemaVersion?.trim().toLowerCase() ?? '';
	if (declared === '1.2') return '1.2';
	if (declared === 'cam 1.3' || /^2004\b/.test(declared)) return '2004';
	// No usable metadata: the adlcp namespace still tells the two apart.
	if (/xmlns(:\w+)?\s*=\s*["']http:\/\/www\.adlnet\.org\/xsd\/adlcp_rootv1p2["']/.test(xml)) return '1.2';
	if (/xmlns(:\w+)?\s*=\s*["']http:\/\/www\.adlnet\.org\/xsd\/adlcp_v1p3["']/.test(xml)) return '2004';
	return refuse('scorm.unknownVersion');
}

function defaultOrganization(root: XmlNode): XmlNode {
	const organizations = child(root, 'organizations');
	const all = children(organizations, 'organization');
	if (all.length === 0) refuse('scorm.noOrganization');
	for (const organization of all) required(organization, 'organization', 'identifier');
	const wanted = attr(organizations, 'default');
	return all.find((organization) => attr(organization, 'identifier') === wanted) ?? all[0]!;
}

function readResources(root: XmlNode): Map<string, ScormResource> {
	const resourcesNode = child(root, 'resources');
	const base = joinBase(attr(root, 'base'), attr(resourcesNode, 'base'));
	const resources = new Map<string, ScormResource>();
	for (const node of children(resourcesNode, 'resource')) {
		const identifier = required(node, 'resource', 'identifier');
		const href = attr(node, 'href');
		resources.set(identifier, {
			identifier,
			scormType: attr(node, 'scormtype').toLowerCase() === 'sco' ? 'sco' : 'asset',
			href: href ? joinBase(base, attr(node, 'base'), href) : null,
			dependencies: children(node, 'dependency').map((dependency) => attr(dependency, 'identifierref')).filter(Boolean)
		});
	}
	return resources;
}

/**
 * An item's sequencing element by name: its own, else the one of the shared set its IDRef names
 * (SCORM 2004 CAM 5.1.2: what the item declares overrides the collection, element by element).
 */
function sequencingPart(node: XmlNode, collection: Map<string, XmlNode>, name: string): XmlNode | undefined {
	const local = child(node, 'sequencing');
	return child(local, name) ?? child(collection.get(attr(local, 'IDRef')), name);
}

function readDeliveryControls(node: XmlNode | undefined): DeliveryControls {
	const flag = (name: keyof DeliveryControls) => {
		const value = attr(node, name).toLowerCase();
		return value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : DEFAULT_DELIVERY_CONTROLS[name];
	};
	return { tracked: flag('tracked'), completionSetByContent: flag('completionSetByContent'), objectiveSetByContent: flag('objectiveSetByContent') };
}

function readObjectiveIds(objectives: XmlNode | undefined): string[] {
	const ids = [...children(objectives, 'primaryObjective'), ...children(objectives, 'objective')]
		.map((objective) => attr(objective, 'objectiveID'))
		.filter(Boolean);
	return [...new Set(ids)];
}

function readItem(node: XmlNode, resources: Map<string, ScormResource>, collection: Map<string, XmlNode>): ScormItem {
	const identifier = required(node, 'item', 'identifier');
	const title = text(child(node, 'title')) || identifier;
	const ref = attr(node, 'identifierref');
	const resource = ref ? resources.get(ref) : null;
	if (resource === undefined) refuse('scorm.missingResource', { item: title, resource: ref });
	const parameters = attr(node, 'parameters') || null;
	const objectives = sequencingPart(node, collection, 'objectives');
	const primary = child(objectives, 'primaryObjective');
	const byMeasure = attr(primary, 'satisfiedByMeasure').toLowerCase() === 'true';
	const threshold = child(node, 'completionThreshold');
	return {
		identifier,
		title,
		visible: attr(node, 'isvisible').toLowerCase() !== 'false',
		resource,
		launchUrl: resource?.href ? withParameters(resource.href, parameters) : null,
		parameters,
		masteryScore: numberOrNull(text(child(node, 'masteryscore'))),
		maxTimeAllowed: text(child(node, 'maxtimeallowed')) || null,
		timeLimitAction: text(child(node, 'timelimitaction')) || null,
		dataFromLms: text(child(node, 'datafromlms')) || null,
		prerequisites: text(child(node, 'prerequisites')) || null,
		// 2004 3rd Edition writes the threshold as text, 4th Edition as minProgressMeasure.
		completionThreshold: numberOrNull(text(threshold) || attr(threshold, 'minProgressMeasure')),
		scaledPassingScore: byMeasure ? numberOrNull(text(child(primary, 'minNormalizedMeasure')) || '1') : null,
		deliveryControls: readDeliveryControls(sequencingPart(node, collection, 'deliveryControls')),
		objectiveIds: readObjectiveIds(objectives),
		children: children(node, 'item').map((item) => readItem(item, resources, collection))
	};
}

function checkLaunch(item: ScormItem, fileExists: (file: string) => boolean): void {
	const resource = item.resource;
	if (!resource) return;
	if (!resource.href) refuse('scorm.noLaunch', { resource: resource.identifier });
	if (/^[a-z][a-z0-9+.-]*:/i.test(resource.href)) return; // an external URL: nothing to find in the package
	// A root-relative path would load from the site, not from the package.
	const file = resource.href.startsWith('/') ? null : launchFile(resource.href);
	if (file === null) refuse('scorm.unsafePath', { name: resource.href });
	if (!fileExists(file)) refuse('scorm.missingFile', { file, resource: resource.identifier });
}

/** The package file an href points at, or null if it would leave the package. */
export function launchFile(href: string): string | null {
	const withoutQuery = href.replace(/[?#].*$/, '');
	let decoded: string;
	try {
		decoded = decodeURIComponent(withoutQuery);
	} catch {
		decoded = withoutQuery;
	}
	const normalised = path.posix.normalize(decoded.replace(/^\/+/, ''));
	if (normalised === '..' || normalised.startsWith('../') || decoded.includes('\\')) return null;
	return normalised;
}

/**
 * Appends an item's parameters to its resource's href as the SCORM CAM says: leading `?` and `&`
 * are dropped; a `#fragment` is added only if the href has none; otherwise the parameters join
 * the query with `?` or `&`, before any fragment the href already has.
 */
export function withParameters(href: string, parameters: string | null): string {
	const params = (parameters ?? '').trim().replace(/^[?&]+/, '');
	if (!params) return href;
	const hashAt = href.indexOf('#');
	const beforeHash = hashAt === -1 ? href : href.slice(0, hashAt);
	const fragment = hashAt === -1 ? '' : href.slice(hashAt);
	if (params.startsWith('#')) return fragment ? href : href + params;
	const separator = beforeHash.includes('?') ? (/[?&]$/.test(beforeHash) ? '' : '&') : '?';
	return beforeHash + separator + params + fragment;
}

/** xml:base values and the href, joined as relative URLs: each base is a folder. */
function joinBase(...parts: string[]): string {
	return parts.filter(Boolean).reduce((joined, part) => {
		if (/^[a-z][a-z0-9+.-]*:/i.test(part) || part.startsWith('/')) return part;
		if (!joined) return part;
		return joined.endsWith('/') ? joined + part : `${joined}/${part}`;
	}, '');
}

function* iterate(items: ScormItem[]): Generator<ScormItem> {
	for (const item of items) {
		yield item;
		yield* iterate(item.children);
	}
}

function walk(items: ScormItem[]): ScormItem[] {
	return [...iterate(items)];
}

function required(node: XmlNode, element: string, field: string): string {
	const value = attr(node, field);
	if (!value) refuse('scorm.missingField', { element, field });
	return value;
}

function numberOrNull(value: string): number | null {
	if (!value.trim()) return null;
	const number = Number(value);
	return Number.isFinite(number) ? number : null;
}
