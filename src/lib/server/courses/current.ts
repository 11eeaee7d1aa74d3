// The catalog this server process serves, loaded once at start-up (hooks.server.ts `init`).
import { config } from '../config';
import { getDb } from '../db';
import { buildCatalog, type Catalog } from './catalog';

let current: Catalog | undefined;

export function getCatalog(): Catalog {
	current ??= reloadCatalog();
	return current;
}

export function reloadCatalog(): Catalog {
	current = buildCatalog(getDb(), config.coursesDir);
	return current;
}
