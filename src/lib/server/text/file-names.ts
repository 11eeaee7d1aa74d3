// File names in any Unicode form. Course text is read in NFC (./nfc.ts), but a file saved on a
// Mac, or unpacked from its zip, may be named in NFD: "ảnh.png" in lesson.md must still find it.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { nfc } from './nfc';

/**
 * The file on disk that `path` (inside the folder `root`) names, each name below `root` matched
 * in whatever Unicode form it was saved in; null when there is none.
 */
export function findFile(root: string, path: string): string | null {
	if (existsSync(path)) return path;
	let found = root;
	for (const name of relative(root, path).split(sep)) {
		const exact = join(found, name);
		if (existsSync(exact)) {
			found = exact;
			continue;
		}
		let entries: string[];
		try {
			entries = readdirSync(found);
		} catch {
			return null;
		}
		const wanted = nfc(name);
		const match = entries.find((entry) => nfc(entry) === wanted);
		if (match === undefined) return null;
		found = join(found, match);
	}
	return found;
}
