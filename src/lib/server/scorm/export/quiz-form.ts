// A module's quiz as static HTML: the same fields as the site's quiz page (QuestionField.svelte),
// so the grader reads them the same way, plus the review each question shows once graded
// (hidden until then). Every *Html field was rendered and sanitised by the course loader.
import { type Locale, type MessageKey, type Params } from '$lib/i18n';
import { translate } from '$lib/server/i18n';
import { fieldName } from '$lib/quiz';
import { ELEMENT, PART } from '$lib/scorm/export-runtime/contract';
import { htmlToText } from '../../markdown/render';
import type { SnapshotQuestion } from '../../quiz/snapshot';
import type { MatchItem } from '../../quiz/types';
import { escapeMarkup as x } from './escape';

type Text = (key: MessageKey, params?: Params) => string;

const list = (tag: 'ul' | 'ol', items: string[]) => `<${tag}>${items.map((item) => `<li>${item}</li>`).join('')}</${tag}>`;

function choices(question: SnapshotQuestion, type: 'radio' | 'checkbox'): string {
	return question.choices
		.map((choice) => {
			const feedback = choice.feedbackHtml ? `\n<div class="feedback" ${PART.feedback} hidden>${choice.feedbackHtml}</div>` : '';
			return `<label class="choice"><input type="${type}" name="${x(fieldName(question.id))}" value="${x(choice.id)}"> <span>${choice.html}</span></label>${feedback}`;
		})
		.join('\n');
}

function select(question: SnapshotQuestion, item: MatchItem, options: string, extra = ''): string {
	const id = `${question.id}-${item.id}`;
	return `<div class="match-row"><label for="${x(id)}">${item.html}</label><select id="${x(id)}" name="${x(fieldName(question.id, item.id))}"${extra}>${options}</select></div>`;
}

function option(value: string, label: string): string {
	return `<option value="${x(value)}">${x(label)}</option>`;
}

/** The answer fields of one question, and what its review shows as the right answer. */
function answerParts(question: SnapshotQuestion, t: Text): { fields: string; correct: string } {
	switch (question.type) {
		case 'single':
		case 'truefalse':
		case 'multiple': {
			const many = question.type === 'multiple';
			return {
				fields: `<p class="hint">${x(t(many ? 'quiz.chooseMany' : 'quiz.chooseOne'))}</p>\n${choices(question, many ? 'checkbox' : 'radio')}`,
				correct: list('ul', question.choices.filter((c) => c.correct).map((c) => c.html))
			};
		}
		case 'short':
			return {
				fields: `<label class="short-answer"><span>${x(t('quiz.yourAnswer'))}</span><input type="text" name="${x(fieldName(question.id))}" maxlength="500" autocomplete="off" spellcheck="false"></label>`,
				correct: `<p>${x(t('quiz.acceptedAnswers'))}: ${question.accepted.map(x).join('; ')}</p>`
			};
		case 'matching': {
			const rights = new Map([...question.pairs.map((p) => p.right), ...question.distractors].map((r) => [r.id, r]));
			const options =
				option('', t('quiz.choosePlaceholder')) + question.rightOrder.map((id) => option(id, htmlToText(rights.get(id)!.html))).join('');
			return {
				fields: `<p class="hint">${x(t('quiz.matchHint'))}</p>\n${question.pairs.map((p) => select(question, p.left, options)).join('\n')}`,
				correct: list('ul', question.pairs.map((p) => `${p.left.html} → ${p.right.html}`))
			};
		}
		case 'ordering': {
			const steps = new Map(question.steps.map((s) => [s.id, s]));
			const options =
				option('', t('quiz.choosePosition')) + question.steps.map((_, i) => option(String(i + 1), t('quiz.position', { n: i + 1 }))).join('');
			const ordering = ` ${PART.ordering}="${x(question.id)}"`;
			return {
				fields: `<p class="hint">${x(t('quiz.orderHint'))}</p>\n${question.stepOrder.map((id) => select(question, steps.get(id)!, options, ordering)).join('\n')}`,
				correct: list('ol', question.steps.map((s) => s.html))
			};
		}
	}
}

function questionFieldset(question: SnapshotQuestion, number: number, t: Text): string {
	const { fields, correct } = answerParts(question, t);
	const correctLabel = question.type === 'ordering' ? t('quiz.correctOrder') : t('quiz.correctAnswer');
	const explanation = question.explanationHtml
		? `\n<div class="explanation" ${PART.explanation} hidden><p class="label">${x(t('quiz.explanation'))}</p>${question.explanationHtml}</div>`
		: '';
	return `<fieldset class="question card" ${PART.question}="${x(question.id)}">
<legend><span class="question-number">${x(t('quiz.questionNumber', { n: number }))}</span> ${x(question.title)} <span class="meta">(${x(t('quiz.points', { n: question.points }))})</span></legend>
${question.promptHtml ? `<div class="prose prompt">${question.promptHtml}</div>\n` : ''}${fields}
<p class="error" ${PART.error} hidden></p>
<p class="verdict" ${PART.verdict} hidden></p>
<div class="correct-answer" ${PART.correct} hidden><p class="label">${x(correctLabel)}</p>${correct}</div>${explanation}
</fieldset>`;
}

export function renderQuizForm(questions: SnapshotQuestion[], locale: Locale): string {
	const t: Text = (key, params) => translate(locale, key, params);
	return `<form id="${ELEMENT.quizForm}" class="quiz" novalidate>
${questions.map((question, i) => questionFieldset(question, i + 1, t)).join('\n')}
<div class="quiz-actions"><button type="submit" class="primary">${x(t('quiz.submitButton'))}</button></div>
</form>
<div id="${ELEMENT.quizResult}" class="result card" role="status" tabindex="-1"></div>`;
}
