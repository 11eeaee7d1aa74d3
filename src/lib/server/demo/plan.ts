// Plans what each demo learner does and when: a kind of learner (never started, dropped out,
// in progress, finished), the lessons read section by section, the quiz attempts with their
// answers, the posts; then study sessions spread over the days at the hours people study.
// Planning is pure (seeded dice only); generate.ts plays the plan through the real services.
import type { Module } from '../courses/loader';
import { gradeAttempt, keptPercent, type GradedAttempt } from '../quiz/grade';
import { drawSnapshot } from '../quiz/snapshot';
import type { Quiz, Response } from '../quiz/types';
import { seededRandom } from '../random';
import { MAX_HEARTBEAT_CREDIT_MS } from '../tracking/reading';
import { answerQuestion, chanceOfRightAnswer, type ItemParams } from './answers';
import { Dice } from './dice';
import { makePerson, type DemoPerson } from './people';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Vietnam is UTC+7 all year: people study by its clock. */
const VIETNAM_OFFSET = 7 * HOUR;

export type Archetype = 'notStarted' | 'dropped' | 'inProgress' | 'completed';

const ARCHETYPES: readonly (readonly [Archetype, number])[] = [
	['notStarted', 10],
	['dropped', 15],
	['inProgress', 45],
	['completed', 30]
];
/** Those who finish tend to be those who understand: their answers are a little better. */
const ABILITY_SHIFT: Record<Archetype, number> = { notStarted: 0, dropped: -0.4, inProgress: 0, completed: 0.4 };
/** What a retry is worth: learners read the explanations of the attempt before. */
const LEARNING_PER_ATTEMPT = 0.6;
const BLANK_ANSWER = 0.04;
/** Attempts planned at most when the quiz allows any number. */
const ATTEMPTS_WHEN_UNLIMITED = 4;

/** When in the day people study, by Vietnam's clock: office hours, the lunch break, the evening. */
const HOURS: readonly (readonly [number, number])[] = [
	[6, 1], [7, 3], [8, 5], [9, 6], [10, 6], [11, 4], [12, 4], [13, 3], [14, 5], [15, 6], [16, 5],
	[17, 3], [18, 2], [19, 5], [20, 8], [21, 8], [22, 4], [23, 1]
];

export interface ModuleInfo {
	index: number;
	module: Module;
	lessonActivityId: number;
	quizActivityId: number | null;
	/** section ids of the lesson, in reading order */
	sections: string[];
	quiz: Quiz | null;
	/** difficulty and guessing of each question, by question id */
	items: Map<string, ItemParams>;
}

export interface PlannedAttempt {
	module: number;
	number: number;
	/** the seed of the random stream startAttempt draws the questions from; planning draws the same */
	seed: string;
	responses: [string, Response | null][];
	plannedPass: boolean;
	/** share of the answers autosaved before the learner left an open attempt */
	saveShare: number | null;
	submit: boolean;
	/** set when the attempt is started */
	id?: number;
}

export type Action =
	| { kind: 'register' }
	| { kind: 'launch'; module: number }
	| { kind: 'beat'; module: number; activeMs: number; section: string; end: boolean }
	| { kind: 'start' | 'save' | 'submit'; attempt: PlannedAttempt }
	| { kind: 'post'; module: number | null; newThread: boolean };

export type TimedAction = Action & { at: number; who: number; seq: number };

export interface LearnerPlan {
	who: number;
	cohort: number;
	person: DemoPerson;
	archetype: Archetype;
	/** the learner's dice, which go on rolling when the posts are written */
	dice: Dice;
	actions: TimedAction[];
}

export interface PlanContext {
	seed: string;
	modules: ModuleInfo[];
	learners: number;
	cohorts: number;
	/** the first day of activity; cohorts exist from the day before */
	start: number;
	now: number;
}

type Step = { newSession: boolean } & (
	| { kind: 'read'; module: number; from: number; to: number; end: boolean; minutes: number[] }
	| { kind: 'quiz'; attempt: PlannedAttempt; minutes: number }
	| { kind: 'post'; module: number | null; newThread: boolean }
);

type Stop = 'reading' | 'readNoPost' | 'quizPending' | 'quizOpen' | 'quizFailed' | 'done';

/** Where a learner who has not finished stands in the last module they opened. */
function pickStop(info: ModuleInfo, isLastModule: boolean, dice: Dice): Stop {
	const options: [Stop, number][] = [['reading', 3]];
	if (info.quiz) {
		options.push(['quizPending', 2], ['quizFailed', 3]);
		// a timed attempt left open would be closed by the server at its deadline
		if (info.quiz.settings.timeLimitMinutes === null) options.push(['quizOpen', 1.5]);
	}
	if (info.module.completion === 'discussion') options.push(['readNoPost', 3]);
	if (!isLastModule) options.push(['done', 1.5]);
	return dice.weighted(options);
}

/** Minutes spent on each section: the author's estimate, the learner's pace, some noise. */
function sectionMinutes(info: ModuleInfo, speed: number, dice: Dice): number[] {
	const total = Math.min(38, Math.max(8, info.module.estimatedMinutes * speed * dice.between(0.8, 1.25)));
	const weights = info.sections.map(() => dice.between(0.5, 1.5));
	const sum = weights.reduce((a, b) => a + b, 0);
	return weights.map((w) => (total * w) / sum);
}

function planAttempt(
	ctx: PlanContext,
	who: number,
	info: ModuleInfo,
	number: number,
	ability: number,
	speed: number,
	open: boolean,
	dice: Dice
): { attempt: PlannedAttempt; minutes: number; percent: number } {
	const quiz = info.quiz!;
	const seed = `${ctx.seed}:attempt:${who}:${info.index}:${number}`;
	// the same draw startAttempt will make from the same seed
	const questions = drawSnapshot(quiz, seededRandom(seed));
	const responses = questions.map((question): [string, Response | null] => {
		const item = info.items.get(question.id) ?? { difficulty: 0, guess: 0 };
		const right = dice.chance(chanceOfRightAnswer(ability, item));
		if (!right && dice.chance(BLANK_ANSWER)) return [question.id, null];
		return [question.id, answerQuestion(question, right, dice)];
	});
	const answered = new Map(responses.filter((r): r is [string, Response] => r[1] !== null));
	const { percent } = gradeAttempt(questions, answered);
	let minutes = Math.min(40, Math.max(3, questions.length * dice.between(0.6, 1.8) * speed));
	const limit = quiz.settings.timeLimitMinutes;
	if (limit !== null) minutes = Math.min(minutes, limit * 0.85);
	const attempt: PlannedAttempt = {
		module: info.index,
		number,
		seed,
		responses,
		plannedPass: percent >= quiz.settings.passPercent,
		// a submission saves every answer again, so only an attempt left open shows its autosaves
		saveShare: open ? dice.between(0.2, 0.8) : null,
		submit: !open
	};
	return { attempt, minutes, percent };
}

/** The first module whose quiz an attempt may be left open in (untimed), or -1. */
export function firstUntimedQuiz(modules: ModuleInfo[]): number {
	return modules.findIndex((info) => info.quiz !== null && info.quiz.settings.timeLimitMinutes === null);
}

function planSteps(ctx: PlanContext, who: number, archetype: Archetype, ability: number, dice: Dice, leaveOpen: boolean): Step[] {
	if (archetype === 'notStarted') return [];
	const steps: Step[] = [];
	const total = ctx.modules.length;
	const speed = dice.between(0.7, 1.4);
	// most learners write little, a few write a lot
	const talk = dice.random() ** 2 * 2.5;
	const reach = leaveOpen
		? firstUntimedQuiz(ctx.modules) + 1
		: archetype === 'completed'
			? total
			: archetype === 'dropped'
				? dice.int(1, Math.min(2, total))
				: dice.int(Math.min(2, total), total);

	for (let m = 0; m < reach; m++) {
		const info = ctx.modules[m]!;
		const stop: Stop | null =
			m === reach - 1 && archetype !== 'completed' ? (leaveOpen ? 'quizOpen' : pickStop(info, m === total - 1, dice)) : null;
		const minutes = sectionMinutes(info, speed, dice);
		const n = info.sections.length;
		const read = (from: number, to: number, end: boolean, newSession: boolean) =>
			steps.push({ kind: 'read', module: m, from, to, end, minutes, newSession });

		if (stop === 'reading') {
			read(0, Math.max(1, dice.int(1, n - 1)), false, dice.chance(0.6));
			break;
		}
		if (n > 1 && dice.chance(0.2)) {
			// read in two sittings; the second opens the lesson at its bookmark
			const split = dice.int(1, n - 1);
			read(0, split, false, dice.chance(0.6));
			read(split, n, true, true);
		} else {
			read(0, n, true, dice.chance(0.6));
		}

		if (info.module.completion === 'discussion') {
			if (stop === 'readNoPost') break;
			steps.push({ kind: 'post', module: m, newThread: dice.chance(0.25), newSession: dice.chance(0.3) });
			if (dice.chance(0.2 + 0.1 * talk)) steps.push({ kind: 'post', module: m, newThread: false, newSession: true });
		} else if (dice.chance(Math.min(0.6, 0.1 * talk))) {
			steps.push({ kind: 'post', module: m, newThread: dice.chance(0.3), newSession: dice.chance(0.3) });
		}
		if (m === 0 && dice.chance(0.04 + 0.04 * talk)) {
			steps.push({ kind: 'post', module: null, newThread: dice.chance(0.4), newSession: false });
		}

		if (info.quiz && stop !== 'quizPending') {
			const max = info.quiz.settings.maxAttempts ?? ATTEMPTS_WHEN_UNLIMITED;
			const graded: GradedAttempt[] = [];
			for (let number = 1; number <= max; number++) {
				const open = stop === 'quizOpen';
				const finalTry = archetype === 'completed' && number === max ? 1.5 : 0;
				const struggling = stop === 'quizFailed' ? 0.8 : 0;
				const abilityNow = ability + LEARNING_PER_ATTEMPT * (number - 1) + finalTry - struggling;
				const planned = planAttempt(ctx, who, info, number, abilityNow, speed, open, dice);
				steps.push({
					kind: 'quiz',
					attempt: planned.attempt,
					minutes: planned.minutes,
					newSession: dice.chance(number === 1 ? 0.4 : 0.7)
				});
				if (open) break;
				graded.push({ number, percent: planned.percent });
				if (keptPercent(info.quiz.settings.grading, graded)! >= info.quiz.settings.passPercent) break;
				const retry = archetype === 'completed' ? 1 : stop === 'quizFailed' ? 0.3 : 0.75;
				if (number === max || !dice.chance(retry)) break;
				if (dice.chance(0.5)) {
					// back to the lesson for the parts the review pointed at, then the retry
					const from = dice.int(0, n - 1);
					read(from, Math.min(n, from + dice.int(1, 3)), false, true);
				}
			}
		}
		if (stop) break;
	}
	return steps;
}

/** A time on the day of `nominal` at an hour people study, later than `notBefore`. */
export function studyTime(nominal: number, notBefore: number, dice: Dice): number {
	let day = Math.floor((nominal + VIETNAM_OFFSET) / DAY);
	const weekday = (day + 4) % 7; // 1 January 1970 was a Thursday; 0 is Sunday
	if (weekday === 0 && dice.chance(0.5)) day += 1;
	if (weekday === 6 && dice.chance(0.3)) day += 2;
	let at = day * DAY + dice.weighted(HOURS) * HOUR + dice.int(0, 59) * MINUTE + dice.int(0, 59) * SECOND - VIETNAM_OFFSET;
	while (at < notBefore + 5 * MINUTE) at += DAY;
	return at;
}

/** Vietnam's hour of the day at `at`. */
const hourOf = (at: number) => Math.floor((((at + VIETNAM_OFFSET) % DAY) + DAY) % DAY / HOUR);

/**
 * How far to move a session that would run into the small hours (1–5 a.m.), which nobody studies
 * in: to the next morning at six, the session kept whole. Zero for a session in the day.
 */
export function nightShift(times: number[]): number {
	if (!times.some((at) => hourOf(at) >= 1 && hourOf(at) <= 5)) return 0;
	const start = times[0]!;
	const day = Math.floor((start + VIETNAM_OFFSET) / DAY) + (hourOf(start) >= 6 ? 1 : 0);
	return day * DAY + 6 * HOUR - VIETNAM_OFFSET - start;
}

/** Turns steps into timed actions; appends them to `out` and returns the time after the last. */
function emit(step: Step, at: number, ctx: PlanContext, dice: Dice, out: Action[], times: number[]): number {
	let t = at;
	const push = (action: Action) => {
		out.push(action);
		times.push(t);
	};
	switch (step.kind) {
		case 'read': {
			const info = ctx.modules[step.module]!;
			push({ kind: 'launch', module: step.module });
			const activeShare = dice.between(0.8, 1);
			for (let s = step.from; s < step.to; s++) {
				let left = Math.round(step.minutes[s]! * MINUTE);
				// a beat credits at most MAX_HEARTBEAT_CREDIT_MS, so a long section takes several
				while (left > 0) {
					const chunk = Math.min(left, MAX_HEARTBEAT_CREDIT_MS - MINUTE);
					left -= chunk;
					t += chunk;
					push({
						kind: 'beat',
						module: step.module,
						activeMs: Math.round(chunk * activeShare),
						section: info.sections[s]!,
						end: step.end && s === step.to - 1 && left === 0
					});
				}
			}
			return t;
		}
		case 'quiz': {
			const duration = Math.round(step.minutes * MINUTE);
			push({ kind: 'start', attempt: step.attempt });
			if (step.attempt.saveShare !== null) {
				t += Math.max(SECOND, Math.round(duration * step.attempt.saveShare));
				push({ kind: 'save', attempt: step.attempt });
			}
			if (step.attempt.submit) {
				t = at + Math.max(duration, t - at + SECOND);
				push({ kind: 'submit', attempt: step.attempt });
			}
			return t;
		}
		case 'post':
			t += Math.round(dice.between(3, 12) * MINUTE);
			push({ kind: 'post', module: step.module, newThread: step.newThread });
			return t;
	}
}

function joinTime(ctx: PlanContext, archetype: Archetype, dice: Dice): number {
	const window = ctx.now - ctx.start;
	const u = dice.random();
	// most register in the first days, when the cohort is announced; some much later
	const share = { completed: u * u * 0.5, inProgress: u ** 1.5 * 0.75, dropped: u * u * 0.6, notStarted: u * 0.97 }[archetype];
	const nominal = ctx.start + window * share;
	const at = studyTime(nominal, ctx.start, dice);
	return at < ctx.now - 5 * MINUTE ? at : Math.min(nominal, ctx.now - 5 * MINUTE);
}

/** When the learner stops being active, as a share of the time left after their first session. */
function activeUntil(ctx: PlanContext, archetype: Archetype, firstAt: number, dice: Dice): number {
	const left = Math.max(0, ctx.now - firstAt);
	switch (archetype) {
		case 'completed':
			return firstAt + left * dice.between(0.35, 0.9);
		case 'dropped':
			return firstAt + Math.min(left * dice.between(0.05, 0.4), 10 * DAY);
		default:
			return firstAt + left * dice.between(0.3, 1);
	}
}

/**
 * One learner's plan. `leaveOpen` plans an in-progress learner who has left an attempt open in
 * the first untimed quiz: the demo always shows one (see generateDemo).
 */
export function planLearner(ctx: PlanContext, who: number, leaveOpen = false): LearnerPlan {
	const dice = Dice.of(`${ctx.seed}:learner:${who}`);
	const person = makePerson(dice);
	const drawn = dice.weighted(ARCHETYPES);
	const archetype = leaveOpen ? 'inProgress' : drawn;
	const ability = dice.normal(ABILITY_SHIFT[archetype], 0.9);
	const steps = planSteps(ctx, who, archetype, ability, dice, leaveOpen);
	const joinedAt = joinTime(ctx, archetype, dice);

	const actions: TimedAction[] = [];
	let seq = 0;
	const add = (batch: Action[], times: number[]) =>
		batch.forEach((action, i) => actions.push({ ...action, at: times[i]!, who, seq: seq++ }));
	add([{ kind: 'register' }], [joinedAt]);

	if (steps.length > 0) {
		const firstAt = dice.chance(0.5)
			? joinedAt + Math.round(dice.between(1, 15) * MINUTE)
			: studyTime(joinedAt + dice.exponential(12 * HOUR), joinedAt, dice);
		const sessions: Step[][] = [];
		for (const step of steps) {
			if (sessions.length === 0 || step.newSession) sessions.push([step]);
			else sessions.at(-1)!.push(step);
		}
		// gaps between sessions: random, scaled so the learner is active until activeUntil
		const gaps = sessions.slice(1).map(() => dice.exponential(1));
		const gapSum = gaps.reduce((a, b) => a + b, 0) || 1;
		const scale = Math.max(0, activeUntil(ctx, archetype, firstAt, dice) - firstAt) / gapSum;
		let end = joinedAt;
		for (let i = 0; i < sessions.length; i++) {
			let t = i === 0 ? firstAt : studyTime(end + gaps[i - 1]! * scale, end, dice);
			const batch: Action[] = [];
			const times: number[] = [];
			sessions[i]!.forEach((step, j) => {
				if (j > 0) t += Math.round(dice.between(5, 120) * SECOND);
				t = emit(step, t, ctx, dice, batch, times);
			});
			const shift = nightShift(times);
			if (shift > 0) {
				for (let k = 0; k < times.length; k++) times[k] = times[k]! + shift;
				t += shift;
			}
			// a session that would end in the future has not happened (yet): the plan stops here
			if (t > ctx.now) break;
			add(batch, times);
			end = t;
		}
	}
	return { who, cohort: Math.floor((who * ctx.cohorts) / ctx.learners), person, archetype, dice, actions };
}
