import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/open';
import { countStaleEntries, createEntry, isStale, listEntries, markChecked, monthsBefore, searchEntries, type EntryInput } from './service';

const entry = (fields: Partial<EntryInput>): EntryInput => ({
	serviceType: 'xet-nghiem-hiv',
	name: 'Phòng khám (ví dụ)',
	address: '',
	commune: '',
	phone: '',
	hours: '',
	cost: '',
	notes: '',
	...fields
});

let db: Db;
beforeEach(() => {
	db = openDatabase(':memory:');
});

describe('the directory search', () => {
	it('finds a commune typed without tone marks, and shows the province-wide entries after it', () => {
		createEntry(db, entry({ name: 'Đường dây nóng (ví dụ)', serviceType: 'duong-day-nong' }), null);
		createEntry(db, entry({ name: 'Trạm y tế xã Tân Hưng (ví dụ)', commune: 'xã Tân Hưng' }), null);
		createEntry(db, entry({ name: 'Trạm y tế xã Đông Hoà (ví dụ)', commune: 'xã Đông Hoà' }), null);
		const found = searchEntries(listEntries(db), { commune: 'tan hung' });
		expect(found.map((e) => e.name)).toEqual(['Trạm y tế xã Tân Hưng (ví dụ)', 'Đường dây nóng (ví dụ)']);
		expect(searchEntries(listEntries(db), { commune: 'dong hoa', type: 'xet-nghiem-hiv' }).map((e) => e.name)).toEqual(['Trạm y tế xã Đông Hoà (ví dụ)']);
		expect(searchEntries(listEntries(db), { query: 'DUONG day' }).map((e) => e.name)).toEqual(['Đường dây nóng (ví dụ)']);
	});
});

describe('entries to check again', () => {
	it('are those never checked or last checked six months ago or more', () => {
		expect(monthsBefore('2026-12-06', 6)).toBe('2026-06-06');
		expect(monthsBefore('2026-08-31', 6)).toBe('2026-02-28');
		expect(isStale({ checkedOn: null }, '2026-12-06')).toBe(true);
		expect(isStale({ checkedOn: '2026-06-06' }, '2026-12-06')).toBe(true);
		expect(isStale({ checkedOn: '2026-06-07' }, '2026-12-06')).toBe(false);
		const old = createEntry(db, entry({}), { on: '2026-01-10', byName: 'Trần Thị Giảng', byUser: null });
		createEntry(db, entry({}), { on: '2026-11-30', byName: 'Trần Thị Giảng', byUser: null });
		expect(countStaleEntries(db, '2026-12-06')).toBe(1);
		markChecked(db, old.id, { on: '2026-12-06', byName: 'Trần Thị Giảng', byUser: null });
		expect(countStaleEntries(db, '2026-12-06')).toBe(0);
	});
});
