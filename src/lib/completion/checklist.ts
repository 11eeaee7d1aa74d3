// A course's completion rule as a learner's checklist: what the page shows, with titles instead
// of slugs (built by tracking/completion-rule.ts, shown by CompletionChecklist.svelte).
export interface ChecklistItem {
	kind: 'module' | 'finalAssessment' | 'sessions' | 'studyTime';
	done: boolean;
	/** the module's title (module, finalAssessment) */
	title?: string;
	/** sessions or minutes the rule asks for */
	required?: number;
	/** sessions attended or minutes studied so far */
	count?: number;
}

export interface Checklist {
	complete: boolean;
	items: ChecklistItem[];
}
