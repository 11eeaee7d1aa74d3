// The quiz attempt page's only script (served at /quiz-attempt.js by src/routes/[script].js; the page has no
// SvelteKit client). The page is a plain form that saves and submits without JavaScript; this
// adds what needs it: answers saved as they change, the status of saving, the countdown and the
// submission when time is up, and position swaps in ordering questions. Its texts are in the
// page, rendered by the server from the catalogues (the <template> of messages), not in here.
import { fill } from '$lib/i18n';
import { createAutosave, forgetUnsaved, type SaveState } from './autosave';
import { formatTimeLeft, isUrgent, minutesToAnnounce, timeLeft } from './countdown';
import { answerOffline, sendFromResult } from './offline-attempt';
import { choosePosition } from './ordering';
import { statusText, type StatusTexts } from './save-status';

type Messages = StatusTexts & { minutesLeft?: string; otherDevice?: string };

function readMessages(): Messages {
	const template = document.querySelector<HTMLTemplateElement>('template[data-quiz-messages]');
	const messages: Record<string, string> = {};
	for (const element of template?.content.querySelectorAll<HTMLElement>('[data-message]') ?? []) {
		messages[element.dataset.message!] = element.textContent ?? '';
	}
	return messages;
}

/** Counts down from the server's clock and calls `onExpire` once when time is up. */
function runCountdown(element: HTMLElement, messages: Messages, onExpire: () => void) {
	const deadlineAt = Number(element.dataset.deadlineAt);
	// the phone's clock may be wrong; only its difference to the server's matters
	const skew = Number(element.dataset.serverNow) - Date.now();
	const label = element.querySelector<HTMLElement>('[data-time-left]');
	const announcer = document.querySelector<HTMLElement>('[data-countdown-announcer]');
	const announced = new Set<number>();
	const tick = () => {
		const left = timeLeft(deadlineAt, Date.now() + skew);
		if (label) label.textContent = formatTimeLeft(left);
		element.classList.toggle('urgent', isUrgent(left));
		const minutes = minutesToAnnounce(left, announced);
		if (minutes !== null && announcer) {
			announced.add(minutes);
			announcer.textContent = fill(messages.minutesLeft ?? '', { n: minutes });
		}
		if (left === 0) {
			clearInterval(timer);
			onExpire();
		}
	};
	const timer = setInterval(tick, 1000);
	tick();
}

/** Ordering questions: choosing a position another step holds swaps the two (./ordering). */
function swapPositions(form: HTMLFormElement) {
	const selects = () => [...form.querySelectorAll<HTMLSelectElement>('select[data-position]')];
	// what each step held before this change; read after autosave put back earlier answers
	const held = new Map(selects().map((select) => [select.name, select.value]));
	form.addEventListener('change', (event) => {
		const changed = event.target;
		if (!(changed instanceof HTMLSelectElement) || !changed.hasAttribute('data-position')) return;
		const steps = [...(changed.closest('[data-question]')?.querySelectorAll<HTMLSelectElement>('select[data-position]') ?? [])];
		const before = Object.fromEntries(steps.map((select) => [select.name, held.get(select.name) ?? '']));
		const after = choosePosition(before, changed.name, changed.value);
		for (const select of steps) {
			select.value = after[select.name] ?? '';
			held.set(select.name, select.value);
		}
	});
}

function answerPage(form: HTMLFormElement, answersUrl: string) {
	const messages = readMessages();
	const status = document.querySelector<HTMLElement>('[data-save-status]');
	const submitButton = form.querySelector<HTMLButtonElement>('button[data-submit]');
	const showState = (state: SaveState, serverMessage?: string) => {
		if (!status) return;
		status.className = `save-state ${state}`;
		status.textContent = statusText(state, messages, { now: Date.now(), serverMessage });
	};

	const otherDevice = document.querySelector<HTMLElement>('[data-other-device]');
	const autosave = createAutosave(form, answersUrl, showState, () => {
		// said once (a live region): the learner reads it, then goes on answering
		if (otherDevice && !otherDevice.textContent) otherDevice.textContent = messages.otherDevice ?? '';
	});
	// before the listener below: autosave keeps the order as it is after the swap
	swapPositions(form);
	// an untimed attempt goes on offline, its answers queued in the outbox (./offline-attempt)
	const offline = document.querySelector('[data-countdown]')
		? null
		: answerOffline(
				form,
				answersUrl,
				(message) => {
					if (!status) return;
					status.className = 'save-state saved';
					status.textContent = message;
				},
				() => showState('saved')
			);
	const onChange = (event: Event) => {
		const question = (event.target as HTMLElement).closest<HTMLElement>('[data-question]')?.dataset.question;
		if (question && !offline?.changed()) autosave.changed(question);
	};
	form.addEventListener('change', onChange);
	form.addEventListener('input', onChange);

	// a normal form post from here: what is not saved yet goes with it, autosave has nothing left to do
	let submitting = false;
	form.addEventListener('submit', () => {
		submitting = true;
		autosave.destroy();
		for (const button of form.querySelectorAll<HTMLButtonElement>('button[type="submit"]')) button.disabled = true;
	});
	// back to this page after leaving it (the browser's page cache): the form is stale, ask the server
	window.addEventListener('pageshow', (event) => {
		if (event.persisted && submitting) location.reload();
	});

	const countdown = document.querySelector<HTMLElement>('[data-countdown]');
	if (countdown && submitButton) {
		runCountdown(countdown, messages, () => {
			if (submitting) return;
			// the server checks the time really is up before it closes the attempt as the deadline's
			const timeUp = document.createElement('input');
			Object.assign(timeUp, { type: 'hidden', name: 'timeUp', value: '1' });
			form.append(timeUp);
			submitButton.click();
		});
	}
}

const attempt = document.querySelector<HTMLElement>('[data-quiz-attempt]');
const answersUrl = attempt?.dataset.answersUrl;
if (attempt && answersUrl) {
	if (attempt instanceof HTMLFormElement) answerPage(attempt, answersUrl);
	else {
		forgetUnsaved(answersUrl);
		sendFromResult(attempt, answersUrl);
	}
}
