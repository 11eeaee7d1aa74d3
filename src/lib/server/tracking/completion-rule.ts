// The course completion rule (course.md `completion:`) applied to what a learner has done: pure,
// so every combination is tested here once. completion.ts gathers the facts from tracking rows
// and records the course milestone when `complete` is first true; pages show `left`.
import type { Checklist, ChecklistItem } from '$lib/completion/checklist';
import type { CompletionRule, Course } from '../courses/loader';

/** What a learner has done that the rule looks at. */
export interface CompletionFacts {
	/** slugs of the modules complete now (progress.moduleStatus) */
	completedModules: ReadonlySet<string>;
	/** whether the final assessment module's quiz is passed */
	finalAssessmentPassed: boolean;
	/** in-person sessions of the course attended */
	sessionsAttended: number;
	/** time on task across the course's modules, in whole minutes */
	studyMinutes: number;
}

/** One condition of the rule, as a checklist line. */
export type CompletionItem =
	| { kind: 'module'; slug: string; done: boolean }
	| { kind: 'finalAssessment'; slug: string; done: boolean }
	| { kind: 'sessions'; required: number; attended: number; done: boolean }
	| { kind: 'studyTime'; requiredMinutes: number; minutes: number; done: boolean };

export interface CompletionEvaluation {
	complete: boolean;
	/** every condition the rule sets, in the order the rule lists them */
	items: CompletionItem[];
	/** the conditions not yet met */
	left: CompletionItem[];
}

export function evaluateCompletion(rule: CompletionRule, facts: CompletionFacts): CompletionEvaluation {
	const items: CompletionItem[] = rule.modules.map((slug) => ({ kind: 'module', slug, done: facts.completedModules.has(slug) }));
	if (rule.finalAssessment !== null) {
		items.push({ kind: 'finalAssessment', slug: rule.finalAssessment, done: facts.finalAssessmentPassed });
	}
	if (rule.sessions > 0) {
		items.push({ kind: 'sessions', required: rule.sessions, attended: facts.sessionsAttended, done: facts.sessionsAttended >= rule.sessions });
	}
	if (rule.minStudyMinutes > 0) {
		items.push({
			kind: 'studyTime',
			requiredMinutes: rule.minStudyMinutes,
			minutes: facts.studyMinutes,
			done: facts.studyMinutes >= rule.minStudyMinutes
		});
	}
	const left = items.filter((item) => !item.done);
	return { complete: left.length === 0, items, left };
}

/** The evaluation as a page shows it: titles for slugs, numbers for the counted conditions. */
export function toChecklist(evaluation: CompletionEvaluation, course: Course): Checklist {
	const title = (slug: string) => course.modules.find((m) => m.slug === slug)?.title ?? slug;
	return {
		complete: evaluation.complete,
		items: evaluation.items.map((item): ChecklistItem => {
			switch (item.kind) {
				case 'module':
				case 'finalAssessment':
					return { kind: item.kind, done: item.done, title: title(item.slug) };
				case 'sessions':
					return { kind: 'sessions', done: item.done, required: item.required, count: item.attended };
				case 'studyTime':
					return { kind: 'studyTime', done: item.done, required: item.requiredMinutes, count: item.minutes };
			}
		})
	};
}
