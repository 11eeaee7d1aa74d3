// One module as the static page of its SCO: the lesson laid out as on the site (heading, goals,
// contents, sections), then the quiz, then the data its script needs. It loads the shared
// stylesheet and script from ../shared/ and reads on a 360-px phone.
import { type Locale, type MessageKey, type Params } from '$lib/i18n';
import { translate } from '$lib/server/i18n';
import { ELEMENT, PART } from '$lib/scorm/export-runtime/contract';
import type { Course, Module } from '../../courses/loader';
import type { SnapshotQuestion } from '../../quiz/snapshot';
import { jsonForScript, scoData } from './data';
import { escapeMarkup as x } from './escape';
import { localiseMedia, unlinkSitePages } from './media';
import { renderQuizForm } from './quiz-form';

export const SHARED_SCRIPT = 'shared/taphuan-scorm.js';
export const SHARED_STYLES = 'shared/taphuan.css';

/** The table of contents starts folded when it is longer than this. */
const OPEN_CONTENTS_UP_TO = 8;

function lessonPart(course: Course, module: Module, t: (key: MessageKey, params?: Params) => string): string {
	const objectives = module.objectives.length
		? `<section class="objectives card" aria-labelledby="objectives-title">
<h2 id="objectives-title" class="small">${x(t('lesson.objectives'))}</h2>
<ul>${module.objectives.map((o) => `<li>${x(o)}</li>`).join('')}</ul>
</section>`
		: '';
	const sections = module.lesson.sections;
	const contents = `<details class="toc card"${sections.length <= OPEN_CONTENTS_UP_TO ? ' open' : ''}>
<summary>${x(t('lesson.contents'))}</summary>
<nav aria-label="${x(t('lesson.contents'))}"><ol>${sections.map((s) => `<li><a href="#${x(s.id)}">${x(s.title)}</a></li>`).join('')}</ol></nav>
</details>`;
	const takeQuiz = module.quiz ? `\n<p class="actions"><a class="button primary" href="#quiz-title">${x(t('quiz.take'))}</a></p>` : '';
	return `<article class="lesson">
<header>
<p class="meta">${x(t('lesson.moduleNumber', { n: module.number }))} · ${x(t('course.estimatedMinutes', { n: module.estimatedMinutes }))}</p>
<h1>${x(module.title)}</h1>
<p class="notice" id="${ELEMENT.lmsNotice}" hidden>${x(t('scormExport.noLms'))}</p>
<noscript><p class="notice">${x(t('scormExport.needsScript'))}</p></noscript>
</header>
${objectives}
${contents}
<div class="prose" id="${ELEMENT.lessonBody}">${unlinkSitePages(localiseMedia(module.lesson.html, course.slug, module.slug))}</div>
<footer id="${ELEMENT.lessonEnd}" class="lesson-end card">
<p class="done" ${PART.completed} hidden>${x(t('lesson.completedMessage'))}</p>${takeQuiz}
</footer>
</article>`;
}

function quizPart(module: Module, questions: SnapshotQuestion[], locale: Locale, t: (key: MessageKey, params?: Params) => string): string {
	const quiz = module.quiz;
	if (!quiz) return '';
	const attempts = quiz.settings.maxAttempts === null ? t('quiz.unlimited') : String(quiz.settings.maxAttempts);
	return `<section class="quiz-section" aria-labelledby="quiz-title">
<h2 id="quiz-title">${x(quiz.settings.title)}</h2>
${quiz.introHtml ? `<div class="prose">${quiz.introHtml}</div>\n` : ''}<p class="meta">${x(t('quiz.passMark', { n: quiz.settings.passPercent }))} · ${x(t('quiz.attemptsAllowed'))}: ${x(attempts)}</p>
${renderQuizForm(questions, locale)}
</section>`;
}

/** `questions`: the quiz as this page asks it (see drawSnapshot); empty without a quiz. */
export function renderScoPage(course: Course, module: Module, questions: SnapshotQuestion[]): string {
	const locale = course.language;
	const t = (key: MessageKey, params?: Params) => translate(locale, key, params);
	return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${x(module.title)} · ${x(course.title)}</title>
<link rel="stylesheet" href="../${SHARED_STYLES}">
<script src="../${SHARED_SCRIPT}" defer></script>
</head>
<body>
<a class="skip-link" href="#main">${x(t('nav.skip'))}</a>
<main id="main" tabindex="-1">
${lessonPart(course, module, t)}
${quizPart(module, questions, locale, t)}
</main>
<script type="application/json" id="${ELEMENT.data}">${jsonForScript(scoData(module.quiz, questions, locale))}</script>
</body>
</html>
`;
}
