// Turning a checked package folder into something learners can open: recorded once, then placed
// in a course module (or put in place of an attachment's current package).
import type { Db } from '../db/open';
import type { ImportResult } from './import';
import { attachPackage, listAttachments, replacePackage, savePackage, type Attachment } from './store';

export type Placement =
	| { kind: 'attach'; courseSlug: string; moduleSlug: string; title: string | null; source?: Attachment['source']; sourcePath?: string | null }
	| { kind: 'replace'; attachmentId: number };

export function placePackage(
	db: Db,
	imported: Extract<ImportResult, { ok: true }>,
	zipBytes: number,
	placement: Placement,
	userId: number | null,
	now = Date.now()
): Attachment {
	const packageId = savePackage(db, { hash: imported.hash, manifest: imported.manifest, sequencing: imported.sequencing, analysis: imported.analysis, zipBytes, userId }, now);
	let attachmentId: number;
	if (placement.kind === 'attach') {
		attachmentId = attachPackage(
			db,
			{
				courseSlug: placement.courseSlug,
				moduleSlug: placement.moduleSlug,
				packageId,
				title: placement.title?.trim() || imported.manifest.organization.title,
				source: placement.source ?? 'upload',
				sourcePath: placement.sourcePath ?? null,
				userId
			},
			now
		);
	} else {
		attachmentId = placement.attachmentId;
		replacePackage(db, attachmentId, packageId, userId, now);
	}
	return listAttachments(db).find((attachment) => attachment.id === attachmentId)!;
}
