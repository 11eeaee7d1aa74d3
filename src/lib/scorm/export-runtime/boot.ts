// Wires an exported page to the LMS: reading progress and bookmark, the quiz graded in the page,
// and a clean goodbye when the page is hidden or closed. The logic lives in the plain modules
// beside this one; this file only measures the page and shows results.
import { sectionInView, TICK_MS } from '$lib/lesson/reading';
import { reviewShows, type ReviewLevel } from '$lib/quiz/review-level';
import { ELEMENT, PART, type RuntimeMessage, type ScoData, type ScoQuiz } from './contract';
import { LessonReading } from './lesson';
import { connectLms } from './lms';
import { gradeSubmission, readAttempts, standing, writeAttempts, type Standing } from './quiz';
import { ScoSession } from './session';

/** What counts as the learner being there, as on the site's lesson page. */
const INPUT_EVENTS = ['keydown', 'pointerdown', 'touchstart', 'pointermove', 'wheel'];

export function boot(win: Window, doc: Document): void {
	const dataElement = doc.getElementById(ELEMENT.data);
	if (!dataElement?.textContent) return;
	const data = JSON.parse(dataElement.textContent) as ScoData;
	const lms = connectLms(win);
	const session = new ScoSession(lms, Date.now());
	if (!lms.connected) show(doc.getElementById(ELEMENT.lmsNotice));

	trackReading(win, doc, session, data.quiz === null);
	if (data.quiz) setUpQuiz(doc, data, data.quiz, session);

	doc.addEventListener('visibilitychange', () => {
		if (doc.visibilityState === 'hidden') session.checkpoint(Date.now());
	});
	win.addEventListener('pagehide', () => session.end(Date.now()));
}

function show(element: Element | null, visible = true): void {
	if (element instanceof HTMLElement) element.hidden = !visible;
}

function fill(template: string, params: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Measures the lesson for the site's reading rule (./lesson.ts): the section in view, the end on screen. */
function trackReading(win: Window, doc: Document, session: ScoSession, completesAtEnd: boolean): void {
	const headings = [...doc.querySelectorAll<HTMLElement>(`#${ELEMENT.lessonBody} h2[id]`)];
	const end = doc.getElementById(ELEMENT.lessonEnd);
	const completed = doc.querySelector(`[${PART.completed}]`);
	if (session.lessonStatus === 'completed' || session.lessonStatus === 'passed') show(completed);
	if (session.resumeLocation) doc.getElementById(session.resumeLocation)?.scrollIntoView();

	const section = () => sectionInView(headings.map((h) => ({ id: h.id, top: h.getBoundingClientRect().top })), win.innerHeight);
	const reading = new LessonReading(session, completesAtEnd, Date.now(), section(), headings.at(-1)?.id ?? null);
	let pending = false;
	const measure = () => {
		pending = false;
		const endVisible = !!end && end.getBoundingClientRect().top <= win.innerHeight;
		if (reading.seen(section(), endVisible, Date.now())) show(completed);
	};
	win.addEventListener(
		'scroll',
		() => {
			reading.scrolled(Date.now());
			if (!pending) {
				pending = true;
				win.requestAnimationFrame(measure);
			}
		},
		{ passive: true }
	);
	for (const type of INPUT_EVENTS) win.addEventListener(type, () => reading.input(Date.now()), { passive: true });
	measure();
	win.setInterval(() => {
		if (reading.tick(Date.now(), doc.visibilityState === 'visible')) measure();
	}, TICK_MS);
}

function setUpQuiz(doc: Document, data: ScoData, quiz: ScoQuiz, session: ScoSession): void {
	const form = doc.getElementById(ELEMENT.quizForm);
	const result = doc.getElementById(ELEMENT.quizResult);
	if (!(form instanceof HTMLFormElement) || !result) return;
	const text = (key: RuntimeMessage, params: Record<string, string | number> = {}) => fill(data.messages[key] ?? key, params);
	const number = new Intl.NumberFormat(doc.documentElement.lang || 'vi', { maximumFractionDigits: 2 });
	const mastery = session.masteryScore(quiz.passPercent);
	let attempts = readAttempts(session.suspendData);

	const showStanding = (now: Standing, lines: string[]) => {
		if (now.kept !== null && attempts.length > 1) lines.push(`${text('quiz.keptScore')}: ${number.format(now.kept)}%`);
		if (now.attemptsLeft !== null) {
			lines.push(now.attemptsLeft > 0 ? text('quiz.attemptsLeft', { n: now.attemptsLeft }) : text('quiz.noAttemptsLeft'));
		}
		result.replaceChildren(
			...lines.map((line, i) => {
				const p = doc.createElement('p');
				if (i === 0) p.className = 'score';
				p.textContent = line;
				return p;
			})
		);
		result.className = `result card ${now.passed ? 'passed' : 'failed'}`;
		show(result);
		const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]');
		if (submit) submit.disabled = now.attemptsLeft === 0;
	};
	if (attempts.length > 0) {
		const now = standing(quiz, attempts, mastery);
		showStanding(now, [now.passed ? text('quiz.passed') : text('quiz.failed')]);
	}

	form.addEventListener('change', (event) => keepPositionsDistinct(form, event.target));
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		if (standing(quiz, attempts, mastery).attemptsLeft === 0) return;
		const submission = gradeSubmission(quiz.questions, new FormData(form));
		for (const fieldset of form.querySelectorAll<HTMLElement>(`[${PART.question}]`)) {
			const error = fieldset.querySelector(`[${PART.error}]`);
			const key = submission.ok ? undefined : submission.errors.get(fieldset.getAttribute(PART.question) ?? '');
			fieldset.classList.toggle('invalid', !!key);
			if (error) error.textContent = key ? text(key as RuntimeMessage) : '';
			show(error, !!key);
		}
		if (!submission.ok) {
			const lines = submission.invalid ? [text('quiz.invalidAnswer')] : [];
			if (lines.length) showStanding(standing(quiz, attempts, mastery), lines);
			form.querySelector<HTMLElement>('.invalid select, .invalid input')?.focus();
			return;
		}
		attempts = [...attempts, submission.grade.percent];
		const now = standing(quiz, attempts, mastery);
		session.recordQuiz(now.kept ?? 0, now.passed, writeAttempts(attempts));
		const { grade } = submission;
		showStanding(now, [
			text('quiz.scoreLine', { percent: number.format(grade.percent), score: number.format(grade.score), max: number.format(grade.maxScore) }),
			grade.percent >= mastery ? text('quiz.passed') : text('quiz.failed')
		]);
		showReview(form, now.level, (id) => {
			const question = grade.questions.get(id);
			if (!question) return '';
			const verdict = !submission.responses.has(id)
				? 'quiz.unanswered'
				: question.correct
					? 'quiz.right'
					: question.score > 0
						? 'quiz.partlyRight'
						: 'quiz.wrong';
			return `${text(verdict)} — ${text('quiz.pointsOf', { score: number.format(question.score), max: number.format(question.maxScore) })}`;
		});
		result.focus();
	});
}

/** Shows as much of each question's review as the level allows. */
function showReview(form: HTMLFormElement, level: ReviewLevel, verdictOf: (questionId: string) => string): void {
	const at = (wanted: ReviewLevel) => reviewShows(level, wanted);
	for (const fieldset of form.querySelectorAll<HTMLElement>(`[${PART.question}]`)) {
		const verdict = fieldset.querySelector(`[${PART.verdict}]`);
		if (verdict) verdict.textContent = at('answers') ? verdictOf(fieldset.getAttribute(PART.question) ?? '') : '';
		show(verdict, at('answers'));
		for (const part of fieldset.querySelectorAll(`[${PART.correct}], [${PART.feedback}]`)) show(part, at('correct'));
		show(fieldset.querySelector(`[${PART.explanation}]`), at('explanations'));
	}
}

/** Ordering: choosing a position another step holds swaps the two, as on the site. */
function keepPositionsDistinct(form: HTMLFormElement, target: EventTarget | null): void {
	if (!(target instanceof HTMLSelectElement) || !target.hasAttribute(PART.ordering)) return;
	const previous = target.dataset.position ?? '';
	const chosen = target.value;
	const group = form.querySelectorAll<HTMLSelectElement>(`select[${PART.ordering}="${target.getAttribute(PART.ordering)}"]`);
	for (const other of group) {
		if (other !== target && chosen && other.value === chosen) {
			other.value = previous;
			other.dataset.position = previous;
		}
	}
	target.dataset.position = chosen;
}
