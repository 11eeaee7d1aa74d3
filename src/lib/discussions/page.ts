// The discussion pages' only script (served by src/routes/discussions.js; boards and threads have
// no SvelteKit client). Every form there is a plain POST that works without JavaScript, and the
// server answers a refused or previewed post with the page and the typed text. This adds what the
// client's form enhancement did, for a phone on a slow connection and for screen readers.

/**
 * Back to the form the server answered: after a refused post the field in error (or the form's
 * message) has the focus, so it is heard; after "Preview", the preview does.
 */
function focusAnswer() {
	const target =
		document.querySelector<HTMLElement>('main [aria-invalid="true"]') ??
		document.querySelector<HTMLElement>('main .form-message[role="alert"], main p.error[role="alert"]') ??
		document.querySelector<HTMLElement>('main .preview');
	if (!target) return;
	if (!target.matches('input, select, textarea, button')) target.tabIndex = -1;
	target.focus();
}

/**
 * One submission per form: a second tap while a slow network carries the first would post the
 * reply twice. The buttons are not disabled, since a disabled "Preview" button would not send its
 * `intent` with the form.
 */
function sendOnce() {
	let sending = new WeakSet<HTMLFormElement>();
	document.addEventListener('submit', (event) => {
		const form = event.target;
		if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'post') return;
		if (sending.has(form)) event.preventDefault();
		else sending.add(form);
	});
	// back to the page from the browser's page cache: its forms may be sent again
	window.addEventListener('pageshow', (event) => {
		if (event.persisted) sending = new WeakSet();
	});
}

// after the browser has scrolled to the form's #fragment: that scroll moves the focus to the page
window.addEventListener('load', () => requestAnimationFrame(focusAnswer));
sendOnce();
