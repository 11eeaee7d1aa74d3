// Demo entries for the support directory, so a new installation shows the page working. Every one
// is plainly invented: the name says "(ví dụ)", the phone numbers are zeros, and no real place is
// named. A directory that already has entries is left alone: demo data never mixes into real ones.
import type { ServiceType } from '$lib/directory/types';
import type { Db } from '../db/open';
import { countEntries, createEntry, monthsBefore, todayInVietnam } from '../directory/service';

interface DemoEntry {
	type: ServiceType;
	name: string;
	/** index into the demo's communes; null for the whole province */
	commune: number | null;
	hours: string;
	cost: string;
	/** months since it was checked; null for never (so the stale flag shows too) */
	checkedMonthsAgo: number | null;
}

const ENTRIES: readonly DemoEntry[] = [
	{ type: 'xet-nghiem-hiv', name: 'Trạm y tế {commune} (ví dụ)', commune: 0, hours: 'Thứ Hai – Thứ Sáu, 7:30–16:30', cost: 'Miễn phí', checkedMonthsAgo: 1 },
	{ type: 'prep-arv', name: 'Phòng khám ngoại trú HIV của tỉnh (ví dụ)', commune: 1, hours: 'Thứ Hai – Thứ Bảy, 7:30–11:30', cost: 'Bảo hiểm y tế chi trả', checkedMonthsAgo: 2 },
	{ type: 'methadone', name: 'Cơ sở điều trị methadone (ví dụ)', commune: 1, hours: 'Hằng ngày, 6:30–10:30', cost: 'Theo quy định', checkedMonthsAgo: 8 },
	{ type: 'y-te-xam-hai', name: 'Bệnh viện đa khoa tỉnh, khoa cấp cứu (ví dụ)', commune: 1, hours: '24 giờ', cost: 'Bảo hiểm y tế chi trả', checkedMonthsAgo: 3 },
	{ type: 'tro-giup-phap-ly', name: 'Trung tâm trợ giúp pháp lý nhà nước (ví dụ)', commune: null, hours: 'Giờ hành chính', cost: 'Miễn phí cho người thuộc diện được trợ giúp', checkedMonthsAgo: null },
	{ type: 'cong-an', name: 'Công an {commune} (ví dụ)', commune: 0, hours: '24 giờ', cost: '', checkedMonthsAgo: 1 },
	{ type: 'cong-tac-xa-hoi', name: 'Trung tâm công tác xã hội (ví dụ)', commune: 2, hours: 'Giờ hành chính', cost: 'Miễn phí', checkedMonthsAgo: 4 },
	{ type: 'nha-tam-lanh', name: 'Nơi tạm lánh (ví dụ)', commune: null, hours: '24 giờ, gọi trước', cost: 'Miễn phí', checkedMonthsAgo: 7 },
	{ type: 'duong-day-nong', name: 'Đường dây nóng hỗ trợ (ví dụ)', commune: null, hours: '24 giờ', cost: 'Miễn phí', checkedMonthsAgo: 2 },
	{ type: 'hoi-phu-nu', name: 'Hội Liên hiệp Phụ nữ {commune} (ví dụ)', commune: 2, hours: 'Giờ hành chính', cost: '', checkedMonthsAgo: 1 }
];

/** Adds the demo entries when the directory is empty; returns how many were added. */
export function fillDemoDirectory(db: Db, communes: readonly string[], now: number): number {
	if (countEntries(db) > 0) return 0;
	const today = todayInVietnam(now);
	ENTRIES.forEach((entry, i) => {
		const commune = entry.commune === null ? '' : (communes[entry.commune % communes.length] ?? '');
		createEntry(
			db,
			{
				serviceType: entry.type,
				name: entry.name.replace('{commune}', commune),
				address: commune ? `Địa chỉ ví dụ, ${commune}` : 'Địa chỉ ví dụ',
				commune,
				// obviously not a number anyone has: zeros and the entry's place in the list
				phone: `0000 000 ${String(i + 1).padStart(3, '0')}`,
				hours: entry.hours,
				cost: entry.cost,
				notes: 'Thông tin ví dụ của dữ liệu mẫu, không dùng để liên hệ.'
			},
			entry.checkedMonthsAgo === null ? null : { on: monthsBefore(today, entry.checkedMonthsAgo), byName: 'Giảng viên (ví dụ)', byUser: null },
			now
		);
	});
	return ENTRIES.length;
}
