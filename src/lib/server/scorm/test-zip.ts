// Builds small zips byte by byte for tests, including the hostile ones no zip tool will make:
// lying sizes, symlinks, encrypted flags, backslashes and drive letters in names.
import { crc32, deflateRawSync } from 'node:zlib';

export interface TestEntry {
	name: string;
	data?: string | Buffer;
	/** Unix mode, e.g. 0o120777 for a symlink */
	mode?: number;
	/** general purpose flags; bit 0 marks the entry encrypted */
	flags?: number;
	deflate?: boolean;
	/** uncompressed size to declare instead of the real one */
	declaredSize?: number;
}

export function buildZip(entries: TestEntry[]): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		const raw = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data ?? '', 'utf8');
		const body = entry.deflate ? deflateRawSync(raw) : raw;
		const name = Buffer.from(entry.name, 'utf8');
		const crc = crc32(raw);
		const size = entry.declaredSize ?? raw.length;
		const flags = (entry.flags ?? 0) | 0x800;
		const method = entry.deflate ? 8 : 0;
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(flags, 6);
		local.writeUInt16LE(method, 8);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(body.length, 18);
		local.writeUInt32LE(size, 22);
		local.writeUInt16LE(name.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE((3 << 8) | 20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(flags, 8);
		central.writeUInt16LE(method, 10);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(body.length, 20);
		central.writeUInt32LE(size, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(((entry.mode ?? (entry.name.endsWith('/') ? 0o040755 : 0o100644)) << 16) >>> 0, 38);
		central.writeUInt32LE(offset, 42);
		locals.push(local, name, body);
		centrals.push(central, name);
		offset += local.length + name.length + body.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, directory, end]);
}
