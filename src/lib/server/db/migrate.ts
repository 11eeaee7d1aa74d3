// Applies the numbered SQL migrations in order, each in its own transaction,
// recording progress in PRAGMA user_version so every file runs exactly once.
import type { Database } from 'better-sqlite3';
import { convertSnapshotQuestion } from '../quiz/question-store';
import { nfc } from '../text/nfc';

const files = import.meta.glob('./migrations/*.sql', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

export interface Migration {
	version: number;
	name: string;
	sql: string;
}

/** First line of a migration that rebuilds a table other tables point at (SQLite's documented
 * way: foreign keys off while the table is swapped, then every reference checked). */
const FOREIGN_KEYS_OFF = '-- migrate: foreign-keys-off';

/** A line of a migration that frees much of the file (015 dropped the attempts' snapshots): once
 * the migrations are applied, the file is rewritten without its free pages, so that it and every
 * backup shrink at once rather than keeping the space for data to come. */
const VACUUM_AFTER = '-- migrate: vacuum-after';

export const migrations: Migration[] = Object.entries(files)
	.map(([path, sql]) => {
		const name = path.split('/').pop()!;
		const match = /^(\d+)_/.exec(name);
		if (!match) throw new Error(`Migration file name must start with a number: ${name}`);
		return { version: Number(match[1]), name, sql };
	})
	.sort((a, b) => a.version - b.version);

const schemaVersion = (db: Database) => db.pragma('user_version', { simple: true }) as number;

const withFunctions = new WeakSet<Database>();

/**
 * SQL functions SQLite lacks, for migrations to call. Registered once per connection, before the
 * first pending migration: SQLite refuses to redefine a function while a statement runs.
 * - `nfc(text)`: the text in Unicode NFC (src/lib/server/text/nfc.ts), NULL and numbers as they are;
 * - `quiz_question_hash(json)`, `quiz_question_body(json)`, `quiz_question_order(json, 'choices' |
 *   'rights' | 'steps')`: a question of an attempt's snapshot split into its stored form (its
 *   SHA-256, its JSON) and the attempt's display order (src/lib/server/quiz/question-store.ts);
 *   they throw if the split would change the question;
 * - `migration_check(ok, message)`: throws `message` unless `ok`, so that a migration finding
 *   data it cannot convert stops with nothing changed.
 */
function addMigrationFunctions(db: Database): void {
	if (withFunctions.has(db)) return;
	db.function('nfc', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? nfc(value) : value));
	db.function('quiz_question_hash', { deterministic: true }, (json: unknown) => convertSnapshotQuestion(String(json)).hash);
	db.function('quiz_question_body', { deterministic: true }, (json: unknown) => convertSnapshotQuestion(String(json)).body);
	db.function('quiz_question_order', { deterministic: true }, (json: unknown, list: unknown) => {
		const { order } = convertSnapshotQuestion(String(json));
		if (list === 'choices' || list === 'rights' || list === 'steps') return order[list];
		throw new Error(`quiz_question_order: no list ${String(list)}`);
	});
	db.function('migration_check', (ok: unknown, message: unknown) => {
		if (!ok) throw new Error(String(message));
		return 1;
	});
	withFunctions.add(db);
}

export function migrate(db: Database, list: Migration[] = migrations): number[] {
	const applied: number[] = [];
	let vacuum = false;
	for (const migration of list) {
		if (migration.version <= schemaVersion(db)) continue;
		addMigrationFunctions(db);
		const keysOff = migration.sql.startsWith(FOREIGN_KEYS_OFF) && db.pragma('foreign_keys', { simple: true }) === 1;
		// the pragma is a no-op inside a transaction, so it is switched around it
		if (keysOff) db.pragma('foreign_keys = OFF');
		try {
			const ran = db.transaction(() => {
				// another server process starting at the same moment may have applied it while
				// this one waited for the write lock
				if (migration.version <= schemaVersion(db)) return false;
				db.exec(migration.sql);
				const broken = db.pragma('foreign_key_check') as unknown[];
				if (broken.length > 0) {
					throw new Error(`${migration.name} leaves ${broken.length} broken foreign keys: ${JSON.stringify(broken.slice(0, 5))}`);
				}
				db.pragma(`user_version = ${migration.version}`);
				return true;
			}).immediate();
			if (ran) applied.push(migration.version);
			if (ran && migration.sql.includes(VACUUM_AFTER)) vacuum = true;
		} finally {
			if (keysOff) db.pragma('foreign_keys = ON');
		}
	}
	if (vacuum && (db.pragma('freelist_count', { simple: true }) as number) > 0) {
		try {
			db.exec('VACUUM');
		} catch {
			// another connection kept reading past the busy timeout: the data is migrated all the
			// same, and the file keeps its size until the next VACUUM (docs/operations.md, Upgrade)
		}
	}
	return applied;
}
