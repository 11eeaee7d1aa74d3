// The floor for this machine: the bytes of one real response (body and headers, captured by the
// lesson benchmark) served from memory by a minimal node:http server, with as many worker
// processes as the app gets (node:cluster, as scripts/cluster.js). No framework, no database, no
// rendering: what Node itself costs to answer a request.
// Env: RESPONSE (a JSON file: { headers, body: base64 }), PORT, WORKERS.
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const workers = Number(process.env.WORKERS ?? 1);
if (cluster.isPrimary && workers > 1) {
	for (let i = 0; i < workers; i++) cluster.fork();
	process.on('SIGTERM', () => {
		for (const worker of Object.values(cluster.workers ?? {})) worker?.kill();
		process.exit(0);
	});
} else {
	const { headers, body } = JSON.parse(readFileSync(String(process.env.RESPONSE), 'utf8'));
	const bytes = Buffer.from(body, 'base64');
	createServer((_request, response) => {
		response.writeHead(200, { ...headers, 'content-length': bytes.byteLength });
		response.end(bytes);
	}).listen(Number(process.env.PORT), '127.0.0.1');
}
