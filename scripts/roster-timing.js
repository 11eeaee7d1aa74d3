#!/usr/bin/env node
// How long a roster import takes on this machine: `node scripts/roster-timing.js [rows]`
// (default 1,000). Runs the real import (read, validate, hash, one transaction) on a scratch
// database and prints each step's time. The modules are loaded through Vite, with the same
// $lib alias and bundled migrations as the command-line tools (scripts/vite.cli.config.ts).
//
// Measured on the project's 2-core machine, 1,000 rows (112 KB), 2 hashes at a time: 16.2 s when
// the machine was otherwise quiet (read and validate 0.3 s; the rest is argon2, about 13 ms a
// password side by side against 22-27 ms one after another, and about 0.1 s of inserts), 22-26 s
// with other work running, about 40 s with the machine fully loaded by other jobs.
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { createServer } from 'vite';

const rows = Number(process.argv[2] ?? 1000);
const root = fileURLToPath(new URL('..', import.meta.url));
const vite = await createServer({
	root,
	configFile: false,
	logLevel: 'error',
	resolve: { alias: { $lib: `${root}src/lib` } },
	server: { middlewareMode: true, hmr: false, watch: null },
	appType: 'custom'
});
try {
	const { openDatabase } = await vite.ssrLoadModule('/src/lib/server/db/open.ts');
	const { createCohort } = await vite.ssrLoadModule('/src/lib/server/cohorts/service.ts');
	const { readRoster } = await vite.ssrLoadModule('/src/lib/server/roster/read.ts');
	const { importRoster } = await vite.ssrLoadModule('/src/lib/server/roster/import.ts');
	const { HASH_CONCURRENCY } = await vite.ssrLoadModule('/src/lib/server/roster/hash.ts');

	const db = openDatabase(':memory:');
	db.prepare(`INSERT INTO course (id, title, loaded_at) VALUES ('khoa', 'Khoá', 0)`).run();
	const cohort = createCohort(db, { name: 'Lớp đo', enrolCode: 'DO-01', courseIds: ['khoa'], trainerIds: [], createdBy: null });
	const lines = Array.from(
		{ length: rows },
		(_, i) => `hocvien${i + 1};Nguyễn Thị Học Viên ${i + 1};Hội Liên hiệp Phụ nữ xã Tân Hưng;xã Tân Hưng;Hưng Yên;`
	);
	const csv = new TextEncoder().encode(`\uFEFFTên đăng nhập;Họ và tên;Cơ quan, đơn vị;Xã, phường;Tỉnh, thành phố;Mật khẩu\r\n${lines.join('\r\n')}\r\n`);

	const started = performance.now();
	const read = readRoster(csv);
	const readMs = performance.now() - started;
	if (!read.ok) throw new Error(`the generated roster was refused: ${JSON.stringify(read.problems.slice(0, 3))}`);
	const result = await importRoster(db, cohort.id, read.rows);
	const totalMs = performance.now() - started;
	if (!result.ok) throw new Error('the import was refused');
	console.log(
		`${rows} rows (${(csv.length / 1024).toFixed(0)} KB) on ${availableParallelism()} core(s), ${HASH_CONCURRENCY} hashes at a time:\n` +
			`  read and validate  ${readMs.toFixed(0)} ms\n` +
			`  hash and insert    ${(totalMs - readMs).toFixed(0)} ms\n` +
			`  total              ${(totalMs / 1000).toFixed(1)} s (${(totalMs / rows).toFixed(1)} ms a row)`
	);
} finally {
	await vite.close();
}
