// The process-wide database handle used by routes. Services never import this:
// they take the handle as a parameter, so tests can give each its own database.
import { config } from '../config';
import { openDatabase, type Db } from './open';

let handle: Db | undefined;

export function getDb(): Db {
	handle ??= openDatabase(config.databasePath);
	return handle;
}

export type { Db };
