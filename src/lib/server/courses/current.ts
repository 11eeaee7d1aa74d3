// The catalog this server process serves: loaded at start-up (hooks.server.ts `init`), and again
// when an administrator reloads the courses, whichever server process took that request.
import { config } from '../config';
import { getDb } from '../db';
import { writeIfPossible } from '../db/errors';
import type { Db } from '../db/open';
import { recordMissedMilestones, useCatalog } from '../tracking/completion';
import { buildCatalog, withScorm, type Catalog } from './catalog';

/** Tells the other server processes sharing the database that the courses were read again. */
export function markCatalogReloaded(db: Db, now = Date.now()): void {
	db.prepare('UPDATE catalog_reload SET reloaded_at = max(reloaded_at + 1, ?) WHERE id = 1').run(now);
}

export function catalogReloadMark(db: Db): number {
	return db.prepare('SELECT reloaded_at FROM catalog_reload WHERE id = 1').pluck().get() as number;
}

export interface CatalogHolder {
	get(): Catalog;
	/** reads the courses again, here and, through the database, in every other server process */
	reload(): Catalog;
}

export function catalogHolder(db: () => Db, coursesDir: () => string): CatalogHolder {
	let current: Catalog | undefined;
	let seenMark = 0;
	const load = () => {
		// noted first: a reload elsewhere while this one reads the files is caught next time
		seenMark = catalogReloadMark(db());
		current = buildCatalog(db(), coursesDir());
		// completion finds an activity's module through this catalog; completions that the rows
		// show but nobody recorded (older databases, a course edit) are recorded now
		useCatalog(db(), holder.get);
		writeIfPossible(() => recordMissedMilestones(db(), current!));
		return current;
	};
	const holder: CatalogHolder = {
		get() {
			if (!current || catalogReloadMark(db()) !== seenMark) load();
			// Markdown is read when reloaded; SCORM attachments can change at any time, from any process
			current = withScorm(db(), current!);
			return current;
		},
		reload() {
			writeIfPossible(() => markCatalogReloaded(db()));
			return load();
		}
	};
	return holder;
}

const holder = catalogHolder(getDb, () => config.coursesDir);

export const getCatalog = (): Catalog => holder.get();
export const reloadCatalog = (): Catalog => holder.reload();
