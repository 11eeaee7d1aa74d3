// Text is kept in one Unicode form, NFC ("ệ" is one character). Some Vietnamese keyboards and
// macOS send NFD ("e" followed by two combining marks): it looks the same but compares
// different, so one organisation typed both ways showed twice in a filter and split the learners.
// Every input boundary (forms, JSON bodies, roster files, course files, SCORM titles, command-line
// options, search queries) passes text through here before it is compared or stored.

export function nfc(text: string): string {
	return text.normalize('NFC');
}

/** Every string inside a parsed JSON value, in NFC (object keys too); other values as they are. */
export function nfcDeep(value: unknown): unknown {
	if (typeof value === 'string') return nfc(value);
	if (Array.isArray(value)) return value.map(nfcDeep);
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([key, inner]) => [nfc(key), nfcDeep(inner)]));
	}
	return value;
}
