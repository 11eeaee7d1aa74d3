// Zips files so that the same files always give the same bytes: entries sorted by name, one
// fixed date (set in local time, as zip's DOS dates are, and without the UTC extra field), fixed
// permissions. A package can then be checked, cached and compared by its hash.
import { ZipFile } from 'yazl';

const FILE_MODE = 0o100644;

export async function zipDeterministic(files: Map<string, Buffer>): Promise<Buffer> {
	// made here, not once at start-up, so its local fields are 2000-01-01 00:00 in any time zone
	const date = new Date(2000, 0, 1, 0, 0, 0);
	const zip = new ZipFile();
	for (const name of [...files.keys()].sort()) {
		zip.addBuffer(files.get(name)!, name, { mtime: date, mode: FILE_MODE, forceDosTimestamp: true, compress: true });
	}
	zip.end();
	const chunks: Buffer[] = [];
	for await (const chunk of zip.outputStream) chunks.push(Buffer.from(chunk as Buffer));
	return Buffer.concat(chunks);
}
