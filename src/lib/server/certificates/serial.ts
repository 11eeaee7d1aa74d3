// Serial numbers as the issuer writes them ("0042/2026/HY-PCMD"): a course's serialFormat with
// {n} (or {n:4}, zero-padded to 4 digits) for the number and {year} for the year of issue. The
// number itself is allocated by service.ts, per issuer and year, inside the issuing transaction.

const PLACEHOLDER = /\{(n(?::(\d{1,2}))?|year)\}/g;

export type SerialFormatProblem = 'noNumber' | 'noYear' | 'unknownPlaceholder';

/** What is wrong with a format, or null: both placeholders are needed for the serial to be unique. */
export function serialFormatProblem(format: string): SerialFormatProblem | null {
	const rest = format.replace(PLACEHOLDER, '');
	if (/[{}]/.test(rest)) return 'unknownPlaceholder';
	const names = [...format.matchAll(PLACEHOLDER)].map((m) => (m[1]!.startsWith('n') ? 'n' : 'year'));
	if (!names.includes('n')) return 'noNumber';
	if (!names.includes('year')) return 'noYear';
	return null;
}

export function formatSerial(format: string, number: number, year: number): string {
	return format.replace(PLACEHOLDER, (_whole, name: string, width?: string) =>
		name === 'year' ? String(year) : String(number).padStart(width ? Number(width) : 0, '0')
	);
}

const YEAR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' });

/** The year of issue, in Viet Nam's time: a certificate issued at 00:30 on 1 January is next year's. */
export function yearInVietnam(ms: number): number {
	return Number(YEAR.format(ms));
}
