import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/open';
import { exportDirectory, importDirectoryCsv, readDate } from './csv';
import { createEntry, listEntries } from './service';

const bytes = (text: string) => new TextEncoder().encode(text);
const NOW = Date.UTC(2026, 11, 6, 3);

let db: Db;
beforeEach(() => {
	db = openDatabase(':memory:');
});

describe('the directory CSV', () => {
	it('imports back what it exported, updating the same entries', () => {
		createEntry(db, { serviceType: 'duong-day-nong', name: 'Đường dây nóng (ví dụ)', address: '', commune: '', phone: '+84 000 000 000', hours: '24/7', cost: 'Miễn phí', notes: '=không phải công thức', }, { on: '2026-11-01', byName: 'Trần Thị Giảng', byUser: null });
		const before = listEntries(db);
		const file = exportDirectory(db);
		expect(file.startsWith('\uFEFF')).toBe(true);
		expect(file).toContain("'+84 000 000 000");
		expect(importDirectoryCsv(db, bytes(file), NOW)).toEqual({ ok: true, added: 0, updated: 1 });
		expect(listEntries(db).map(({ updatedAt: _, ...e }) => e)).toEqual(before.map(({ updatedAt: _, ...e }) => e));
	});

	it('reports every bad line and stores nothing', () => {
		const file = [
			'Loai dich vu;Ten co so, don vi;Xa, phuong, dac khu;So dien thoai;Kiem tra lan cuoi;Ma',
			'Xét nghiệm HIV;Phòng khám (ví dụ);xã Tân Hưng;0000 000 000;30/06/2026;',
			'khám mắt;Nơi khác (ví dụ);;;;',
			'tro-giup-phap-ly;;;abc;31/02/2026;',
			'cong-an;Công an (ví dụ);;;;99'
		].join('\n');
		const result = importDirectoryCsv(db, bytes(file), NOW);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.map((p) => [p.line, p.key])).toEqual([
			[3, 'directory.csv.unknownType'],
			[4, 'directory.csv.blank'],
			[4, 'directory.csv.badPhone'],
			[4, 'directory.csv.badDate'],
			[5, 'directory.csv.unknownId']
		]);
		expect(listEntries(db)).toEqual([]);
	});

	it('refuses a workbook and a file without the required columns', () => {
		const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]);
		expect(importDirectoryCsv(db, xlsx, NOW)).toMatchObject({ ok: false, problems: [{ key: 'directory.csv.spreadsheet' }] });
		expect(importDirectoryCsv(db, bytes('Tên\nA'), NOW)).toMatchObject({ ok: false, problems: [{ key: 'directory.csv.missingColumn' }] });
	});

	it('reads the dates people type', () => {
		expect(readDate('2026-06-30')).toBe('2026-06-30');
		expect(readDate('30/6/2026')).toBe('2026-06-30');
		expect(readDate('31/02/2026')).toBeNull();
	});
});
