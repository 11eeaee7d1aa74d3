// Ordering questions: each step gets a position, blank until chosen (an untouched question is
// unanswered, not answered in the shown order). Choosing a position another step holds swaps
// the two, so a learner can reorder without first clearing a position. Without JavaScript no
// swap happens and the server refuses a position given twice (see $lib/server/quiz/form).

/** The positions after `stepId` chooses `position`: the step that held it takes the old one. */
export function choosePosition(positions: Readonly<Record<string, string>>, stepId: string, position: string): Record<string, string> {
	const previous = positions[stepId] ?? '';
	const holder = position ? Object.keys(positions).find((id) => id !== stepId && positions[id] === position) : undefined;
	return { ...positions, [stepId]: position, ...(holder ? { [holder]: previous } : {}) };
}
