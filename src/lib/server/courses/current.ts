// The catalog this server process serves, loaded once at start-up (hooks.server.ts `init`).
import { config } from '../config';
import { getDb } from '../db';
import { buildCatalog, withScorm, type Catalog } from './catalog';

let current: Catalog | undefined;

export function getCatalog(): Catalog {
	current ??= reloadCatalog();
	// Markdown is read once; SCORM attachments can change at any time, from any server process.
	current = withScorm(getDb(), current);
	return current;
}

export function reloadCatalog(): Catalog {
	current = buildCatalog(getDb(), config.coursesDir);
	return current;
}
