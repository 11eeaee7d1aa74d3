// What a page shows of an entry: the fields, the type's catalogue key and the `tel:` address.
import { serviceTypeKey, telHref } from '$lib/directory/types';
import type { DirectoryEntry } from './service';

export function entryView(entry: DirectoryEntry) {
	return {
		id: entry.id,
		typeKey: serviceTypeKey(entry.serviceType),
		name: entry.name,
		address: entry.address,
		commune: entry.commune,
		phone: entry.phone,
		tel: telHref(entry.phone),
		hours: entry.hours,
		cost: entry.cost,
		notes: entry.notes,
		checkedOn: entry.checkedOn,
		checkedByName: entry.checkedByName
	};
}

export type EntryView = ReturnType<typeof entryView>;
