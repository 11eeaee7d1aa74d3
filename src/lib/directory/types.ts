// The fixed list of service types in the local service directory, shared by the server (checks,
// CSV, the lesson directive) and the pages (labels). The codes are the directory's URL words
// (/danh-ba?loai=xet-nghiem-hiv) and what authors write in a lesson, so they never change.
export const SERVICE_TYPES = [
	'xet-nghiem-hiv',
	'prep-arv',
	'methadone',
	'y-te-xam-hai',
	'tro-giup-phap-ly',
	'cong-an',
	'cong-tac-xa-hoi',
	'nha-tam-lanh',
	'duong-day-nong',
	'hoi-phu-nu',
	'khac'
] as const;

export type ServiceType = (typeof SERVICE_TYPES)[number];

export function isServiceType(value: string): value is ServiceType {
	return (SERVICE_TYPES as readonly string[]).includes(value);
}

/** The catalogue key of a type's name, in the `directory` area. */
export function serviceTypeKey(type: ServiceType) {
	return `directory.type.${type}` as const;
}

/** A phone number as a `tel:` address: digits and a leading +, nothing else. */
export function telHref(phone: string): string | null {
	const digits = phone.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
	return digits.replace(/\D/g, '').length >= 3 ? `tel:${digits}` : null;
}

/** "2026-06-30" as people read a day: 30/06/2026 in Vietnamese, 30 Jun 2026 in English. */
export function formatDay(locale: 'vi' | 'en', day: string): string {
	const [year, month, date] = day.split('-');
	if (locale === 'vi') return `${date}/${month}/${year}`;
	return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(Number(year), Number(month) - 1, Number(date)));
}
