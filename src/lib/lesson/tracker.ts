// The lesson page's only script (served at /lesson-tracker.js by src/routes/[script].js; the page has no
// SvelteKit client): reports the section being read, reaching the end and the time really spent
// reading, keeps what it could not send in the outbox (IndexedDB, $lib/offline/outbox) for when the
// network returns, also after the tab is closed, and shows what happened in elements the page
// rendered hidden (its messages come from the catalogues, not from here).
import { enqueue, flush, onWorkerDelivered } from '$lib/offline/outbox';
import { showPending } from '$lib/offline/pending';
import {
	acknowledge,
	beatDue,
	countTick,
	DWELL_MS,
	handOver,
	pageShown,
	reachEnd,
	readsEndNow,
	sectionInView,
	seeSection,
	settleSection,
	startReading,
	takeReport,
	TICK_MS,
	type Report
} from './reading';

type SaveState = 'saved' | 'offline' | 'signedOut';

const INPUT_EVENTS = ['keydown', 'pointerdown', 'touchstart', 'pointermove', 'wheel'];

function track(article: HTMLElement, end: HTMLElement) {
	const { course, module } = article.dataset;
	const learner = article.dataset.learner ?? '';
	const reportsEnd = article.dataset.reportsEnd === 'true';
	const headings = [...article.querySelectorAll<HTMLElement>('.prose h2[id]')];
	const currentSection = () =>
		sectionInView(
			headings.map((heading) => ({ id: heading.id, top: heading.getBoundingClientRect().top })),
			window.innerHeight
		);
	const reading = startReading(Date.now(), currentSection());
	// opened in a background tab: nothing is being read until it is shown
	if (document.visibilityState !== 'visible') pageShown(reading, false, Date.now());
	let inFlight = false;
	let dwellTimer: ReturnType<typeof setTimeout> | undefined;
	let stopped = false;

	// `[data-save-state]` notices show one at a time; `[data-on-complete]` elements appear or go
	const showSaveState = (state: SaveState) => {
		for (const notice of article.querySelectorAll<HTMLElement>('[data-save-state]')) notice.hidden = notice.dataset.saveState !== state;
	};
	const showCompleted = () => {
		for (const element of article.querySelectorAll<HTMLElement>('[data-on-complete]')) element.hidden = element.dataset.onComplete === 'hide';
	};

	const HEARTBEAT = '/api/tracking/heartbeat';
	// a report that could not be sent goes to the outbox as it is: sent later with its own id and
	// age, it is credited for when it was read (the server caps it as any beat)
	const keep = (report: Report) => {
		handOver(reading, report);
		showSaveState('offline');
		enqueue(learner, HEARTBEAT, { course, module, ...report })
			.catch(() => undefined)
			.then(() => showPending(learner));
	};
	const sendQueued = () =>
		flush(learner, (operation, answer) => {
			const mine = operation.body.course === course && operation.body.module === module;
			if (mine && (answer as { completionStatus?: string } | null)?.completionStatus === 'completed') showCompleted();
		}).then((result) => {
			if (result === 'signedOut') showSaveState('signedOut');
			else if (result === 'sent') showSaveState('saved');
			return showPending(learner);
		});

	const send = (keepalive = false) => {
		if (stopped || (inFlight && !keepalive)) return;
		settleSection(reading, Date.now());
		const report = takeReport(reading);
		if (!report) return;
		if (!navigator.onLine) {
			keep(report);
			return;
		}
		inFlight = true;
		fetch(HEARTBEAT, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ course, module, ...report }),
			keepalive
		})
			.then((response) => {
				if (response.status === 401) {
					stopped = true;
					showSaveState('signedOut');
					return;
				}
				if (!response.ok) throw new Error(String(response.status));
				showSaveState('saved');
				if (acknowledge(reading, report)) showCompleted();
			})
			.catch(() => keep(report))
			.finally(() => (inFlight = false));
	};
	// what an earlier page kept (this lesson or another) goes first, now and whenever the network returns
	void sendQueued();
	// back online: what was kept goes first, then the time read since, without waiting for the next beat
	window.addEventListener('online', () => void sendQueued().then(() => send()));
	// the service worker sent what was kept: its answers are shown here as if this page had sent them
	onWorkerDelivered(() => void sendQueued());

	const checkEnd = () => {
		if (!readsEndNow(reading, reportsEnd)) return;
		reachEnd(reading, headings[headings.length - 1]?.id ?? null);
		send();
	};

	new IntersectionObserver((entries) => {
		reading.endVisible = entries.some((entry) => entry.isIntersecting);
		checkEnd();
	}).observe(end);

	setInterval(() => {
		settleSection(reading, Date.now());
		if (!countTick(reading, Date.now(), document.visibilityState === 'visible')) return;
		checkEnd();
		if (beatDue(reading)) send();
	}, TICK_MS);

	window.addEventListener(
		'scroll',
		() => {
			reading.lastInputAt = Date.now();
			reading.scrolled = true;
			seeSection(reading, currentSection(), Date.now());
			// a section the learner stops on is saved as the bookmark once read, not at the next tick
			clearTimeout(dwellTimer);
			dwellTimer = setTimeout(() => {
				settleSection(reading, Date.now());
				if (reading.location !== reading.sentLocation) send();
			}, DWELL_MS);
			checkEnd();
		},
		{ passive: true }
	);
	for (const type of INPUT_EVENTS) window.addEventListener(type, () => (reading.lastInputAt = Date.now()), { passive: true });
	// leaving, or hiding the tab, sends what is pending with a request that outlives the page
	document.addEventListener('visibilitychange', () => {
		const visible = document.visibilityState === 'visible';
		pageShown(reading, visible, Date.now());
		if (!visible) send(true);
	});
	window.addEventListener('pagehide', () => send(true));
}

const article = document.querySelector<HTMLElement>('article[data-lesson]');
const end = document.getElementById('lesson-end');
if (article && end) track(article, end);
