// A module whose lesson says `completion: discussion` is completed by posting on its board,
// instead of by reading to the end. The discussions service calls this inside the transaction
// that stores the post, so the post and the completion it earns land together.
import { lessonActivityId } from '../courses/catalog';
import type { Db } from '../db/open';
import { boundCatalog } from './completion';
import { applyResult } from './record';

export function recordPosting(db: Db, userId: number, courseSlug: string, moduleSlug: string | null, now = Date.now()): void {
	if (moduleSlug === null) return;
	const catalog = boundCatalog(db);
	const course = catalog?.courses.find((c) => c.slug === courseSlug);
	const module = course?.modules.find((m) => m.slug === moduleSlug);
	if (!catalog || !course || module?.completion !== 'discussion') return;
	applyResult(db, userId, lessonActivityId(catalog, course, module), { completion: 'completed' }, now);
}
