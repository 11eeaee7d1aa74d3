import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findFile } from './file-names';

let root: string;
beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'taphuan-names-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('findFile', () => {
	it('finds a file saved with an NFD name from its NFC name, folder by folder', () => {
		const folder = join(root, 'hình'.normalize('NFD'));
		mkdirSync(folder);
		writeFileSync(join(folder, 'ảnh.png'.normalize('NFD')), 'x');
		expect(findFile(root, join(root, 'hình', 'ảnh.png'))).toBe(join(folder, 'ảnh.png'.normalize('NFD')));
	});

	it('returns an exact match as it is, and null when nothing matches', () => {
		writeFileSync(join(root, 'ảnh.png'), 'x');
		expect(findFile(root, join(root, 'ảnh.png'))).toBe(join(root, 'ảnh.png'));
		expect(findFile(root, join(root, 'khác.png'))).toBeNull();
		expect(findFile(root, join(root, 'không', 'có.png'))).toBeNull();
	});
});
