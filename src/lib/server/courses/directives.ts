// Course-format directives: a line of its own in a lesson, `::name argument`, that the renderer
// turns into something Markdown cannot say. One so far:
//
//   ::danh-ba xet-nghiem-hiv     a link to the support directory filtered by that service type
//   ::danh-ba                    a link to the whole directory
//
// The loader checks every directive line (unknown name, unknown type) and reports file:line, so
// a typo never reaches learners as a stray "::" paragraph.
import type { Locale } from '$lib/i18n';
import { isServiceType, SERVICE_TYPES, serviceTypeKey } from '$lib/directory/types';
import { translate } from '$lib/server/i18n';
import type { Problem } from './problems';

/** `::name` or `::name argument`, alone on its line. */
export const DIRECTIVE_LINE = /^::([a-z][a-z0-9-]*)(?:[ \t]+([^\n]*?))?[ \t]*$/;

const FENCE = /^\s{0,3}(```|~~~)/;

/** The directive lines of a Markdown body that are wrong, outside code blocks. */
export function directiveProblems(body: string, bodyFirstLine: number): Problem[] {
	const problems: Problem[] = [];
	let fenced = false;
	body.split('\n').forEach((text, index) => {
		if (FENCE.test(text)) fenced = !fenced;
		if (fenced || !text.startsWith('::')) return;
		const line = bodyFirstLine + index;
		const match = DIRECTIVE_LINE.exec(text);
		if (!match || match[1] !== 'danh-ba') {
			problems.push({ line, key: 'loader.unknownDirective', params: { text: text.trim(), known: '::danh-ba' } });
			return;
		}
		const type = match[2] ?? '';
		if (type !== '' && !isServiceType(type)) {
			problems.push({ line, key: 'loader.directoryType', params: { type, known: SERVICE_TYPES.join(', ') } });
		}
	});
	return problems;
}

/** The HTML of a checked directive line, in the course's language. */
export function renderDirective(name: string, argument: string, language: Locale): string {
	if (name !== 'danh-ba') return '';
	const href = isServiceType(argument) ? `/danh-ba?loai=${argument}` : '/danh-ba';
	const text = isServiceType(argument)
		? translate(language, 'directory.lessonLink', { type: translate(language, serviceTypeKey(argument)) })
		: translate(language, 'directory.lessonLinkAll');
	return `<p><a href="${href}">${escapeHtml(text)}</a></p>\n`;
}

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
