// Applies the numbered SQL migrations in order, each in its own transaction,
// recording progress in PRAGMA user_version so every file runs exactly once.
import type { Database } from 'better-sqlite3';

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

export const migrations: Migration[] = Object.entries(files)
	.map(([path, sql]) => {
		const name = path.split('/').pop()!;
		const match = /^(\d+)_/.exec(name);
		if (!match) throw new Error(`Migration file name must start with a number: ${name}`);
		return { version: Number(match[1]), name, sql };
	})
	.sort((a, b) => a.version - b.version);

export function migrate(db: Database, list: Migration[] = migrations): number[] {
	const current = db.pragma('user_version', { simple: true }) as number;
	const applied: number[] = [];
	for (const migration of list) {
		if (migration.version <= current) continue;
		db.transaction(() => {
			db.exec(migration.sql);
			db.pragma(`user_version = ${migration.version}`);
		}).immediate();
		applied.push(migration.version);
	}
	return applied;
}
