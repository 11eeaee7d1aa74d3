// The local service directory ("Danh bạ hỗ trợ"): one list for the province, kept by trainers and
// admins, read by every signed-in user. A province has hundreds of entries at most, so a search
// reads them all and filters here, with the roster's tone-insensitive comparison.
import type { ServiceType } from '$lib/directory/types';
import type { Db } from '../db/open';
import { vietnamDateTime } from '../sessions/time';
import { searchKey } from '../text/search-key';

export interface EntryInput {
	serviceType: ServiceType;
	name: string;
	address: string;
	commune: string;
	phone: string;
	hours: string;
	cost: string;
	notes: string;
}

export interface DirectoryEntry extends EntryInput {
	id: number;
	/** YYYY-MM-DD in Viet Nam, or null when nobody has checked it */
	checkedOn: string | null;
	checkedByName: string;
	createdAt: number;
	updatedAt: number;
}

interface EntryRow {
	id: number;
	service_type: ServiceType;
	name: string;
	address: string;
	commune: string;
	phone: string;
	hours: string;
	cost: string;
	notes: string;
	checked_on: string | null;
	checked_by_name: string;
	created_at: number;
	updated_at: number;
}

function toEntry(row: EntryRow): DirectoryEntry {
	return {
		id: row.id,
		serviceType: row.service_type,
		name: row.name,
		address: row.address,
		commune: row.commune,
		phone: row.phone,
		hours: row.hours,
		cost: row.cost,
		notes: row.notes,
		checkedOn: row.checked_on,
		checkedByName: row.checked_by_name,
		createdAt: row.created_at,
		updatedAt: row.updated_at
	};
}

/** Who checked an entry and when; `byUser` is null when the name came from a file. */
export interface Check {
	on: string;
	byName: string;
	byUser: number | null;
}

export function todayInVietnam(now = Date.now()): string {
	return vietnamDateTime(now).date;
}

/**
 * An entry must be checked again when its last check is six months old or more (or it was never
 * checked): phone numbers and opening hours change, and a wrong one fails a person in need.
 */
export const STALE_AFTER_MONTHS = 6;

/** The day six months before `today` (both YYYY-MM-DD); the 31st falls back to the month's end. */
export function monthsBefore(today: string, months: number): string {
	const [year, month, day] = today.split('-').map(Number) as [number, number, number];
	const target = new Date(Date.UTC(year, month - 1 - months, 1));
	const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
	target.setUTCDate(Math.min(day, lastDay));
	return target.toISOString().slice(0, 10);
}

export function isStale(entry: Pick<DirectoryEntry, 'checkedOn'>, today: string): boolean {
	return entry.checkedOn === null || entry.checkedOn <= monthsBefore(today, STALE_AFTER_MONTHS);
}

const ORDER = 'ORDER BY service_type, commune, name COLLATE NOCASE, id';

export function listEntries(db: Db): DirectoryEntry[] {
	return (db.prepare(`SELECT * FROM directory_entry ${ORDER}`).all() as EntryRow[]).map(toEntry);
}

export function getEntry(db: Db, id: number): DirectoryEntry | null {
	const row = db.prepare('SELECT * FROM directory_entry WHERE id = ?').get(id) as EntryRow | undefined;
	return row ? toEntry(row) : null;
}

export function countEntries(db: Db): number {
	return db.prepare('SELECT count(*) FROM directory_entry').pluck().get() as number;
}

export function countStaleEntries(db: Db, today = todayInVietnam()): number {
	return db
		.prepare('SELECT count(*) FROM directory_entry WHERE checked_on IS NULL OR checked_on <= ?')
		.pluck()
		.get(monthsBefore(today, STALE_AFTER_MONTHS)) as number;
}

const FIELDS = {
	service_type: '@serviceType',
	name: '@name',
	address: '@address',
	commune: '@commune',
	phone: '@phone',
	hours: '@hours',
	cost: '@cost',
	notes: '@notes'
};

function params(input: EntryInput) {
	return {
		serviceType: input.serviceType,
		name: input.name,
		address: input.address,
		commune: input.commune,
		phone: input.phone,
		hours: input.hours,
		cost: input.cost,
		notes: input.notes
	};
}

/** A new entry; `check` when the person adding it has just confirmed the details. */
export function createEntry(db: Db, input: EntryInput, check: Check | null, now = Date.now()): DirectoryEntry {
	const columns = Object.keys(FIELDS).join(', ');
	const values = Object.values(FIELDS).join(', ');
	const id = db
		.prepare(
			`INSERT INTO directory_entry (${columns}, checked_on, checked_by_name, checked_by, created_at, updated_at)
			 VALUES (${values}, @checkedOn, @checkedByName, @checkedBy, @now, @now)`
		)
		.run({ ...params(input), checkedOn: check?.on ?? null, checkedByName: check?.byName ?? '', checkedBy: check?.byUser ?? null, now })
		.lastInsertRowid;
	return getEntry(db, Number(id))!;
}

/** Changes the details; the check stays as it was unless `check` is given. False when gone. */
export function updateEntry(db: Db, id: number, input: EntryInput, check: Check | null, now = Date.now()): boolean {
	const set = Object.entries(FIELDS)
		.map(([column, param]) => `${column} = ${param}`)
		.join(', ');
	const checkSet = check ? ', checked_on = @checkedOn, checked_by_name = @checkedByName, checked_by = @checkedBy' : '';
	const result = db
		.prepare(`UPDATE directory_entry SET ${set}${checkSet}, updated_at = @now WHERE id = @id`)
		.run({ ...params(input), ...(check ? { checkedOn: check.on, checkedByName: check.byName, checkedBy: check.byUser } : {}), now, id });
	return result.changes === 1;
}

/** "Đã kiểm tra hôm nay": the details were confirmed, nothing else changes. */
export function markChecked(db: Db, id: number, check: Check, now = Date.now()): boolean {
	const result = db
		.prepare('UPDATE directory_entry SET checked_on = ?, checked_by_name = ?, checked_by = ?, updated_at = ? WHERE id = ?')
		.run(check.on, check.byName, check.byUser, now, id);
	return result.changes === 1;
}

export function deleteEntry(db: Db, id: number): boolean {
	return db.prepare('DELETE FROM directory_entry WHERE id = ?').run(id).changes === 1;
}

export interface DirectoryFilter {
	type?: ServiceType | null;
	/** part of a commune's name, tone marks optional ("tan hung" finds "xã Tân Hưng") */
	commune?: string;
	/** words anywhere in the name, address, notes or commune */
	query?: string;
}

/**
 * The entries a search shows. A commune search also shows the entries for the whole province
 * (no commune: a hotline, a provincial centre), after the commune's own.
 */
export function searchEntries(entries: DirectoryEntry[], filter: DirectoryFilter): DirectoryEntry[] {
	const commune = searchKey(filter.commune?.trim() ?? '');
	const words = searchKey(filter.query?.trim() ?? '')
		.split(/\s+/)
		.filter(Boolean);
	const matching = entries.filter((entry) => {
		if (filter.type && entry.serviceType !== filter.type) return false;
		if (commune && entry.commune !== '' && !searchKey(entry.commune).includes(commune)) return false;
		if (words.length) {
			const text = searchKey(`${entry.name} ${entry.address} ${entry.commune} ${entry.notes}`);
			if (!words.every((word) => text.includes(word))) return false;
		}
		return true;
	});
	if (!commune) return matching;
	return [...matching.filter((e) => e.commune !== ''), ...matching.filter((e) => e.commune === '')];
}

/** The communes named in the directory, for the search box's suggestions. */
export function listCommunes(entries: DirectoryEntry[]): string[] {
	return [...new Set(entries.map((e) => e.commune).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'vi'));
}
