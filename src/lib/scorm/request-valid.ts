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
	/** the SCOs a `{target=…}jump` would deliver: no control mode limits a jump (SN SB.2.13), only
	 * what the Delivery Request Process refuses (a disabled activity on the way, a limit reached) */
	jump: string[];
}

interface RequestValidApi {
	adl: { nav: { request_valid: { continue: string; previous: string } } };
	GetValue(element: string): string;
	isInitialized(): boolean;
	isTerminated(): boolean;
	lastErrorCode: string;
}

/**
 * scorm-again's own hook for `adl.nav.request_valid.choice.{target=…}`: its `scoItemIdValidator`
 * setting. scorm-again 3.4.3 asks the same hook for `jump`; `setRequestValid` answers jump itself.
 */
export function requestValidSettings(valid: RequestValidity): { scoItemIdValidator: (target: string) => boolean } {
	const choosable = new Set(valid.choice);
	return { scoItemIdValidator: (target) => choosable.has(target) };
}

const JUMP = /^adl\.nav\.request_valid\.jump\.\{target=([^}]+)\}$/;

/**
 * Continue and previous are data model elements, read-only to the SCO; set before Initialize.
 * `jump.{target=…}` is answered from the engine's own list, apart from choice (a package that
 * lets no one choose may still let its SCOs jump).
 */
export function setRequestValid(api: RequestValidApi, valid: RequestValidity): void {
	api.adl.nav.request_valid.continue = String(valid.continue);
	api.adl.nav.request_valid.previous = String(valid.previous);
	const jumpable = new Set(valid.jump);
	const getValue = api.GetValue.bind(api);
	api.GetValue = (element: string) => {
		const target = JUMP.exec(String(element))?.[1];
		// before Initialize or after Terminate, scorm-again's own answer (and error code)
		if (target === undefined || !api.isInitialized() || api.isTerminated()) return getValue(element);
		api.lastErrorCode = '0';
		return String(jumpable.has(target));
	};
}
