#!/usr/bin/env node
// Serves with every core: node:cluster runs WORKERS copies of the server (scripts/start.js, default
// one per core) on the same port, each accepting connections from the one listening socket; this
// process only starts them and starts again one that stops. They share the SQLite database file
// (WAL: reads run side by side, writes take turns).
// Docs: docs/operations.md#several-cores.
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';

const workers = Number(process.env.WORKERS ?? availableParallelism());
if (!Number.isInteger(workers) || workers < 1) {
	console.error(`WORKERS must be a whole number of at least 1, not "${process.env.WORKERS}".`);
	process.exit(2);
}

if (cluster.isWorker) {
	// adapter-node closes the server on SIGTERM/SIGINT, lets the requests in progress finish and
	// then says so; the channel to this primary would keep the worker alive after that
	process.once('sveltekit:shutdown', () => cluster.worker?.disconnect());
	await import('./start.js');
} else {
	/** a worker that dies within this long of starting is not started again: it would only die again */
	const CRASH_LOOP_MS = 10_000;
	let stopping = false;
	let exitCode = 0;
	const startedAt = new Map();
	// Each worker's V8 grows its heap by at most HEAP_GROWTH_PERCENT (default 25) before it
	// collects, instead of letting it double under load: with several workers on one machine their
	// memory adds up. Measured with two workers (docs/BENCHMARKS.md, "Memory"): peak memory of the
	// whole server 357 -> 226 MB on the lesson load, 430-480 -> 320 MB on the discussion burst,
	// which, already saturating both cores, got slower (more garbage collection). 0 keeps V8's own.
	const heapGrowth = Number(process.env.HEAP_GROWTH_PERCENT ?? 25);
	if (!Number.isInteger(heapGrowth) || heapGrowth < 0) {
		console.error(`HEAP_GROWTH_PERCENT must be a whole number (0 for V8's default), not "${process.env.HEAP_GROWTH_PERCENT}".`);
		process.exit(2);
	}
	// Each new connection is taken by whichever worker is free to accept it (SCHED_NONE), not handed
	// round by this process (Node's default on Linux): a worker busy with a long piece of work then
	// takes no new learners meanwhile. Exam day's 1,000 starts within 3 s, alternated runs
	// (docs/BENCHMARKS.md, "Exam day, sixth part"): 90-111 starts a second against 72-100, and
	// 14-17 ms of server CPU per start and page against 16-21. NODE_CLUSTER_SCHED_POLICY=rr (Node's
	// own setting) brings round robin back. Must be set before setupPrimary or the first fork.
	if (process.env.NODE_CLUSTER_SCHED_POLICY === undefined) cluster.schedulingPolicy = cluster.SCHED_NONE;
	if (heapGrowth > 0) cluster.setupPrimary({ execArgv: [...process.execArgv, `--heap-growing-percent=${heapGrowth}`] });

	const fork = () => {
		const worker = cluster.fork();
		startedAt.set(worker.id, Date.now());
		return worker;
	};

	// The first worker migrates the database and records the courses' activities alone; the
	// others start once it listens, so start-up writes never race.
	fork().once('listening', () => {
		for (let i = 1; i < workers; i++) fork();
	});

	cluster.on('exit', (worker, code, signal) => {
		const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
		startedAt.delete(worker.id);
		if (stopping) {
			if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
			return;
		}
		console.error(`[taphuan] worker ${worker.process.pid} stopped (${signal ?? `code ${code}`})`);
		if (lived < CRASH_LOOP_MS) {
			console.error('[taphuan] it stopped right after starting; see the error above. Stopping everything.');
			stopping = true;
			exitCode = 1;
			for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
			if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
			return;
		}
		fork();
	});

	// Each worker finishes the requests it has (adapter-node's graceful shutdown), then exits.
	for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT'])) {
		process.on(signal, () => {
			stopping = true;
			for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
			if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
		});
	}
	const scheduling = cluster.schedulingPolicy === cluster.SCHED_NONE ? 'each accepts its own connections' : 'connections handed round';
	console.log(`[taphuan] ${workers} worker process(es) on one port (node:cluster, ${scheduling})`);
}
