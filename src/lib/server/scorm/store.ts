// SCORM packages and where they are placed, in SQLite. A package placed in a course module is an
// "attachment"; each of its SCOs is an activity (kind 'scorm', item '<attachment>/<identifier>'),
// so tracking, reports and completion treat it like any other activity. Replacing the package
// keeps the attachment and matches SCOs by identifier, so learners keep their progress.
import type { Db } from '../db/open';
import type { PackageAnalysis } from './analysis';
import type { ScormPackage } from './manifest';
import type { SequencingTree } from './sequencing/tree';
import { flattenScos, tableOfContents, type Sco, type TocEntry } from './sco';

export interface StoredPackage {
	id: number;
	hash: string;
	version: ScormPackage['version'];
	title: string;
	manifest: ScormPackage;
	/** null for a package imported before packages were analysed */
	analysis: PackageAnalysis | null;
	zipBytes: number;
	importedAt: number;
}

export interface ScoActivity extends Sco {
	activityId: number;
}

export interface Attachment {
	id: number;
	courseSlug: string;
	moduleSlug: string;
	title: string;
	source: 'upload' | 'course-file';
	sourcePath: string | null;
	createdAt: number;
	updatedAt: number;
	package: StoredPackage;
	scos: ScoActivity[];
	toc: TocEntry[];
	/** SCORM 2004: the package as one activity, whose result is the rollup of its activity tree
	 * (sequencing/navigation.ts writes it); it stands for its SCOs in the module's completion */
	packageActivityId: number | null;
}

interface PackageRow {
	id: number;
	hash: string;
	version: '1.2' | '2004';
	title: string;
	manifest: string;
	analysis: string | null;
	zip_bytes: number;
	imported_at: number;
}

function toPackage(row: PackageRow): StoredPackage {
	return {
		id: row.id,
		hash: row.hash,
		version: row.version,
		title: row.title,
		manifest: JSON.parse(row.manifest) as ScormPackage,
		analysis: row.analysis ? (JSON.parse(row.analysis) as PackageAnalysis) : null,
		zipBytes: row.zip_bytes,
		importedAt: row.imported_at
	};
}

/** Records an imported package (once per zip) and returns its id. */
export function savePackage(
	db: Db,
	input: { hash: string; manifest: ScormPackage; sequencing?: SequencingTree | null; analysis?: PackageAnalysis; zipBytes: number; userId: number | null },
	now = Date.now()
): number {
	const analysis = input.analysis ? JSON.stringify(input.analysis) : null;
	const sequencing = input.sequencing ? JSON.stringify(input.sequencing) : null;
	const existing = db.prepare('SELECT id FROM scorm_package WHERE hash = ?').get(input.hash) as { id: number } | undefined;
	if (existing) {
		// imported before packages were analysed: the analysis of this import fills the gap
		if (analysis) db.prepare('UPDATE scorm_package SET analysis = ? WHERE id = ? AND analysis IS NULL').run(analysis, existing.id);
		// imported before sequencing was translated: likewise
		if (sequencing) db.prepare('UPDATE scorm_package SET sequencing = ? WHERE id = ? AND sequencing IS NULL').run(sequencing, existing.id);
		return existing.id;
	}
	const result = db
		.prepare(
			`INSERT INTO scorm_package (hash, version, title, manifest, analysis, sequencing, zip_bytes, imported_by, imported_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
		)
		.run(
			input.hash,
			input.manifest.version,
			input.manifest.organization.title,
			JSON.stringify(input.manifest),
			analysis,
			sequencing,
			input.zipBytes,
			input.userId,
			now
		);
	return Number(result.lastInsertRowid);
}

/** A SCORM 2004 package's activity tree (sequencing/translate.ts); null for 1.2. Read only where
 * sequencing runs, not with every attachment the catalog keeps in memory. */
export function packageSequencing(db: Db, packageId: number): SequencingTree | null {
	const row = db.prepare('SELECT sequencing FROM scorm_package WHERE id = ?').get(packageId) as { sequencing: string | null } | undefined;
	return row?.sequencing ? (JSON.parse(row.sequencing) as SequencingTree) : null;
}

export function getPackage(db: Db, id: number): StoredPackage | undefined {
	const row = db.prepare('SELECT * FROM scorm_package WHERE id = ?').get(id) as PackageRow | undefined;
	return row && toPackage(row);
}

/** Places a package in a module and creates an activity per SCO. */
export function attachPackage(
	db: Db,
	input: {
		courseSlug: string;
		moduleSlug: string;
		packageId: number;
		title: string;
		source: Attachment['source'];
		sourcePath?: string | null;
		userId: number | null;
	},
	now = Date.now()
): number {
	return db
		.transaction(() => {
			const result = db
				.prepare(
					`INSERT INTO scorm_attachment (course_id, module_slug, package_id, title, source, source_path, created_by, created_at, updated_at)
					 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
				)
				.run(input.courseSlug, input.moduleSlug, input.packageId, input.title, input.source, input.sourcePath ?? null, input.userId, now, now);
			const attachmentId = Number(result.lastInsertRowid);
			recordVersion(db, attachmentId, input.packageId, input.userId, now);
			syncScoActivities(db, attachmentId);
			return attachmentId;
		})
		.immediate();
}

/** Plays a new package in place of the old one; SCOs with the same identifier keep their
 * activity (and so every learner's tracking); new SCOs get new activities. */
export function replacePackage(db: Db, attachmentId: number, packageId: number, userId: number | null, now = Date.now()): void {
	db.transaction(() => {
		const changed = db
			.prepare('UPDATE scorm_attachment SET package_id = ?, updated_at = ? WHERE id = ? AND package_id != ? AND removed_at IS NULL')
			.run(packageId, now, attachmentId, packageId).changes;
		if (changed === 0) return;
		recordVersion(db, attachmentId, packageId, userId, now);
		syncScoActivities(db, attachmentId);
	}).immediate();
}

/** Takes a package out of its module. Tracking rows stay; the SCOs stop counting. */
export function removeAttachment(db: Db, attachmentId: number, now = Date.now()): boolean {
	return db.prepare('UPDATE scorm_attachment SET removed_at = ?, updated_at = ? WHERE id = ? AND removed_at IS NULL').run(now, now, attachmentId).changes > 0;
}

function recordVersion(db: Db, attachmentId: number, packageId: number, userId: number | null, now: number) {
	db.prepare('INSERT OR REPLACE INTO scorm_attachment_version (attachment_id, package_id, replaced_by, from_at) VALUES (?, ?, ?, ?)').run(
		attachmentId,
		packageId,
		userId,
		now
	);
}

function syncScoActivities(db: Db, attachmentId: number): void {
	const row = db
		.prepare(
			`SELECT a.course_id, a.module_slug, a.title, p.hash, p.manifest, p.version, p.title AS p_title
			 FROM scorm_attachment a JOIN scorm_package p ON p.id = a.package_id WHERE a.id = ?`
		)
		.get(attachmentId) as { course_id: string; module_slug: string; title: string; hash: string; manifest: string; version: string; p_title: string };
	const manifest = JSON.parse(row.manifest) as ScormPackage;
	const upsert = db.prepare(
		`INSERT INTO activity (course_id, module_slug, kind, item, title, content_hash) VALUES (?, ?, 'scorm', ?, ?, ?)
		 ON CONFLICT (course_id, module_slug, kind, item) DO UPDATE SET title = excluded.title, content_hash = excluded.content_hash`
	);
	for (const sco of flattenScos(manifest.items)) {
		upsert.run(row.course_id, row.module_slug, scoItem(attachmentId, sco.identifier), sco.title, row.hash);
	}
	if (row.version === '2004') upsert.run(row.course_id, row.module_slug, packageItem(attachmentId), row.title || row.p_title, row.hash);
}

/** Every attachment of a SCORM 2004 package has its package activity (attachments made before
 * there was one get it at start-up). */
export function syncPackageActivities(db: Db): void {
	const missing = db
		.prepare(
			`SELECT a.id FROM scorm_attachment a JOIN scorm_package p ON p.id = a.package_id
			 WHERE a.removed_at IS NULL AND p.version = '2004'
			   AND NOT EXISTS (SELECT 1 FROM activity x WHERE x.kind = 'scorm' AND x.course_id = a.course_id AND x.module_slug = a.module_slug AND x.item = CAST(a.id AS TEXT))`
		)
		.all() as { id: number }[];
	for (const { id } of missing) syncScoActivities(db, id);
}

export function scoItem(attachmentId: number, identifier: string): string {
	return `${attachmentId}/${identifier}`;
}

/** The package's own activity: the attachment id alone (a SCO's item has a slash). */
export function packageItem(attachmentId: number): string {
	return String(attachmentId);
}

/** Something that changes whenever an attachment is added, replaced or removed, so a process
 * can tell its cached list is stale (another server process may have made the change). */
export function attachmentsRevision(db: Db): string {
	const row = db.prepare('SELECT count(*) AS n, coalesce(max(updated_at), 0) AS at FROM scorm_attachment').get() as { n: number; at: number };
	return `${row.n}:${row.at}`;
}

/** Every attachment in use, with its package and SCO activities. */
export function listAttachments(db: Db): Attachment[] {
	const rows = db
		.prepare(
			`SELECT a.id, a.course_id, a.module_slug, a.title, a.source, a.source_path, a.created_at, a.updated_at,
			        p.id AS p_id, p.hash, p.version, p.title AS p_title, p.manifest, p.analysis, p.zip_bytes, p.imported_at
			 FROM scorm_attachment a JOIN scorm_package p ON p.id = a.package_id
			 WHERE a.removed_at IS NULL ORDER BY a.course_id, a.module_slug, a.id`
		)
		.all() as (PackageRow & {
		course_id: string;
		module_slug: string;
		source: Attachment['source'];
		source_path: string | null;
		created_at: number;
		updated_at: number;
		p_id: number;
		p_title: string;
	})[];
	const activityIds = db.prepare(`SELECT item, id FROM activity WHERE kind = 'scorm' AND course_id = ? AND module_slug = ?`);
	return rows.map((row) => {
		const pkg = toPackage({ ...row, id: row.p_id, title: row.p_title });
		const ids = new Map((activityIds.all(row.course_id, row.module_slug) as { item: string; id: number }[]).map((a) => [a.item, a.id]));
		return {
			id: row.id,
			courseSlug: row.course_id,
			moduleSlug: row.module_slug,
			title: row.title,
			source: row.source,
			sourcePath: row.source_path,
			createdAt: row.created_at,
			updatedAt: row.updated_at,
			package: pkg,
			scos: flattenScos(pkg.manifest.items).map((sco) => ({ ...sco, activityId: ids.get(scoItem(row.id, sco.identifier))! })),
			toc: tableOfContents(pkg.manifest.items),
			packageActivityId: pkg.version === '2004' ? (ids.get(packageItem(row.id)) ?? null) : null
		};
	});
}
