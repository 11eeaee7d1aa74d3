// adl.nav.request_valid in the browser (RTE 4.4.2): the SCO asks whether a navigation request
// would be honoured, and the answer comes from the server's sequencing engine, which decided the
// delivery (the API in the browser runs no sequencing of its own, so scorm-again would answer
// 'unknown' for continue and previous, and 'false' for every choice). The answers are those of
// the moment the SCO was delivered, as the player's own buttons and contents are.
export interface RequestValidity {
	continue: boolean;
	previous: boolean;
	/** the SCOs a `{target=…}choice` would deliver */
	choice: string[];
}

interface RequestValidApi {
	adl: { nav: { request_valid: { continue: string; previous: string } } };
}

/**
 * scorm-again's own hook for `adl.nav.request_valid.choice.{target=…}`: its `scoItemIdValidator`
 * setting. scorm-again asks the same hook for `jump`, which therefore answers as choice does
 * (never 'true' for a target the engine would not deliver).
 */
export function requestValidSettings(valid: RequestValidity): { scoItemIdValidator: (target: string) => boolean } {
	const choosable = new Set(valid.choice);
	return { scoItemIdValidator: (target) => choosable.has(target) };
}

/** Continue and previous are data model elements, read-only to the SCO; set before Initialize. */
export function setRequestValid(api: RequestValidApi, valid: RequestValidity): void {
	api.adl.nav.request_valid.continue = String(valid.continue);
	api.adl.nav.request_valid.previous = String(valid.previous);
}
