#!/usr/bin/env node
// Starts the built server with the documented defaults, so `npm start` needs no settings.
// Migrations run and courses load inside the server's start-up hook.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

process.env.PORT ??= '3000';
process.env.HOST ??= '0.0.0.0';
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
process.env.DATABASE_PATH ??= resolve('data/taphuan.db');
process.env.COURSES_DIR ??= resolve('courses');
// Discussion posts and imports later stay well under this; it guards against huge bodies.
process.env.BODY_SIZE_LIMIT ??= '1M';
// An idle keep-alive connection is kept 65 s (Node's own default is 5 s). A quiz page autosaves
// every few seconds: with 5 s, a save sent just as the server closes the idle connection meets a
// reset (460 of 10,000 exam-day autosaves on a busy machine, docs/BENCHMARKS.md). Clients and
// reverse proxies keep theirs 60 s or less, so they close first. Headers get a second more.
process.env.KEEP_ALIVE_TIMEOUT ??= '65';
process.env.HEADERS_TIMEOUT ??= '66';

if (!existsSync(resolve('build/index.js'))) {
	console.error('The server is not built yet. Run `npm run build` (or `npm start`, which builds first).');
	process.exit(1);
}
mkdirSync(dirname(process.env.DATABASE_PATH), { recursive: true });
console.log(`[taphuan] database: ${process.env.DATABASE_PATH}`);
console.log(`[taphuan] courses:  ${process.env.COURSES_DIR}`);
console.log(`[taphuan] open ${process.env.ORIGIN} in a browser`);
await import(resolve('build/index.js'));
