// The learner table of a cohort × course: one row per learner with their progress, best scores,
// time and last activity; filtered, searched (ignoring diacritics), sorted and paged on the
// server so a cohort of 1,000 sends one page of rows, not all of them.
import { foldVietnamese } from '../markdown/slug';
import { nfc } from '../text/nfc';
import type { CohortCourse } from './cohort-course';

export type LearnerStatus = 'notStarted' | 'inProgress' | 'completed' | 'failing';
export const LEARNER_STATUSES: readonly LearnerStatus[] = ['notStarted', 'inProgress', 'completed', 'failing'];

export interface LearnerRow {
	id: number;
	displayName: string;
	username: string;
	organisation: string;
	commune: string;
	province: string;
	disabled: boolean;
	status: LearnerStatus;
	progressPercent: number;
	modulesCompleted: number;
	/** best attempt per quiz, in the order of `quizColumns`; null: not taken */
	bestScores: (number | null)[];
	totalMinutes: number;
	lastActiveAt: number | null;
}

export interface QuizColumn {
	slug: string;
	number: number;
	title: string;
}

export const SORT_KEYS = ['name', 'organisation', 'commune', 'status', 'progress', 'time', 'lastActive'] as const;
export type SortKey = (typeof SORT_KEYS)[number] | `score:${string}`;

export interface TableQuery {
	search: string;
	organisation: string;
	commune: string;
	status: LearnerStatus | '';
	sort: SortKey;
	descending: boolean;
	page: number;
}

export const PAGE_SIZE = 50;

const fold = (text: string) => foldVietnamese(text).toLowerCase().replace(/\s+/g, ' ').trim();

export function quizColumns(data: CohortCourse): QuizColumn[] {
	return data.modules
		.filter((m) => m.quizId !== null)
		.map((m) => ({ slug: m.module.slug, number: m.module.number, title: m.module.title }));
}

export function learnerRows(data: CohortCourse): LearnerRow[] {
	const quizIds = data.modules.flatMap((m) => (m.quizId === null ? [] : [m.quizId]));
	return data.learners.map((l) => {
		const { progress } = l;
		const failing = quizIds.some((id) => l.tracking.get(id)?.successStatus === 'failed');
		const started = progress.modules.some((m) => m.status !== 'notStarted');
		// completed means the course's rule is met (final assessment, sessions, study time too),
		// the same fact the learner's checklist and certificate rest on, not "every module done"
		const status: LearnerStatus =
			l.courseCompletedAt !== null
				? 'completed'
				: failing
					? 'failing'
					: started
						? 'inProgress'
						: 'notStarted';
		return {
			id: l.learner.id,
			displayName: l.learner.displayName,
			username: l.learner.username,
			organisation: l.learner.organisation,
			commune: l.learner.commune,
			province: l.learner.province,
			disabled: l.learner.disabled,
			status,
			progressPercent: progress.percent,
			modulesCompleted: progress.completedModules,
			bestScores: quizIds.map((id) => l.quizzes.get(id)?.best ?? null),
			totalMinutes: Math.round(l.totalTimeMs / 60_000),
			lastActiveAt: l.lastActiveAt
		};
	});
}

/** Reads the table's state from the address, falling back to defaults for anything odd. */
export function parseTableQuery(params: URLSearchParams, columns: QuizColumn[]): TableQuery {
	const sort = params.get('sort') ?? 'name';
	const validSort =
		(SORT_KEYS as readonly string[]).includes(sort) || (sort.startsWith('score:') && columns.some((c) => `score:${c.slug}` === sort));
	const status = params.get('status') ?? '';
	const page = Number(params.get('page') ?? '1');
	return {
		// an address typed or pasted in NFD still matches the NFC text stored
		search: nfc(params.get('q') ?? '').slice(0, 100),
		organisation: nfc(params.get('organisation') ?? '').slice(0, 150),
		commune: nfc(params.get('commune') ?? '').slice(0, 100),
		status: (LEARNER_STATUSES as readonly string[]).includes(status) ? (status as LearnerStatus) : '',
		sort: validSort ? (sort as SortKey) : 'name',
		descending: params.get('dir') === 'desc',
		page: Number.isInteger(page) && page >= 1 ? page : 1
	};
}

const STATUS_ORDER: Record<LearnerStatus, number> = { notStarted: 0, failing: 1, inProgress: 2, completed: 3 };
const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

function compareBy(sort: SortKey, columns: QuizColumn[]): (a: LearnerRow, b: LearnerRow) => number {
	// a missing value (never active, quiz not taken) sorts after every real value, either way
	const nullable = (x: number | null, y: number | null) => (x === null ? (y === null ? 0 : 1) : y === null ? -1 : x - y);
	switch (sort) {
		case 'name':
			return (a, b) => collator.compare(a.displayName, b.displayName);
		case 'organisation':
			return (a, b) => collator.compare(a.organisation, b.organisation);
		case 'commune':
			return (a, b) => collator.compare(a.commune, b.commune);
		case 'status':
			return (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
		case 'progress':
			return (a, b) => a.progressPercent - b.progressPercent;
		case 'time':
			return (a, b) => a.totalMinutes - b.totalMinutes;
		case 'lastActive':
			return (a, b) => nullable(a.lastActiveAt, b.lastActiveAt);
		default: {
			const index = columns.findIndex((c) => `score:${c.slug}` === sort);
			return (a, b) => nullable(a.bestScores[index] ?? null, b.bestScores[index] ?? null);
		}
	}
}

/** Rows matching the filters, sorted; ties keep name order so pages are stable. */
export function filterAndSort(rows: LearnerRow[], query: TableQuery, columns: QuizColumn[]): LearnerRow[] {
	const needle = fold(query.search);
	const matches = rows.filter(
		(row) =>
			(!needle || fold(row.displayName).includes(needle) || row.username.includes(needle)) &&
			(!query.organisation || row.organisation === query.organisation) &&
			(!query.commune || row.commune === query.commune) &&
			(!query.status || row.status === query.status)
	);
	const byName = compareBy('name', columns);
	const primary = compareBy(query.sort, columns);
	const isNullable = query.sort === 'lastActive' || query.sort.startsWith('score:');
	return matches.sort((a, b) => {
		let order = primary(a, b);
		// keep the "missing last" rule when descending: flip only comparisons between real values
		if (query.descending) {
			const missing = isNullable && (valueOf(a, query.sort, columns) === null || valueOf(b, query.sort, columns) === null);
			if (!missing) order = -order;
		}
		return order || byName(a, b) || a.id - b.id;
	});
}

function valueOf(row: LearnerRow, sort: SortKey, columns: QuizColumn[]): number | null {
	if (sort === 'lastActive') return row.lastActiveAt;
	const index = columns.findIndex((c) => `score:${c.slug}` === sort);
	return row.bestScores[index] ?? null;
}

export interface TablePage {
	rows: LearnerRow[];
	total: number;
	page: number;
	pageCount: number;
}

export function pageOf(rows: LearnerRow[], page: number, size = PAGE_SIZE): TablePage {
	const pageCount = Math.max(1, Math.ceil(rows.length / size));
	const current = Math.min(page, pageCount);
	return { rows: rows.slice((current - 1) * size, current * size), total: rows.length, page: current, pageCount };
}

/** The values the organisation and commune filters offer, in Vietnamese alphabetical order. */
export function filterOptions(rows: LearnerRow[]) {
	const distinct = (values: string[]) => [...new Set(values.filter(Boolean))].sort(collator.compare);
	return { organisations: distinct(rows.map((r) => r.organisation)), communes: distinct(rows.map((r) => r.commune)) };
}
