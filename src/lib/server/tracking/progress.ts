// Module and course progress, derived from tracking rows every time: never stored twice.
import type { Course, Module } from '../courses/loader';
import type { CompletionStatus, Tracking } from './service';

export type ModuleStatus = 'notStarted' | 'inProgress' | 'completed';

export interface ModuleProgress {
	slug: string;
	status: ModuleStatus;
	location: string | null;
	lastAccessedAt: number | null;
}

export interface CourseProgress {
	completedModules: number;
	totalModules: number;
	percent: number;
	modules: ModuleProgress[];
	/** where "Tiếp tục học" goes: the last activity opened at its bookmark, else the first module */
	resume: { moduleSlug: string; location: string | null } | null;
}

export function moduleStatus(statuses: CompletionStatus[]): ModuleStatus {
	if (statuses.length > 0 && statuses.every((s) => s === 'completed')) return 'completed';
	if (statuses.some((s) => s !== 'not attempted')) return 'inProgress';
	return 'notStarted';
}

export function courseProgress(
	course: Course,
	activityIdsOf: (module: Module) => number[],
	tracking: Map<number, Tracking>
): CourseProgress {
	const modules: ModuleProgress[] = course.modules.map((module) => {
		const rows = activityIdsOf(module).map((id) => tracking.get(id));
		const lastOpened = rows
			.filter((row): row is Tracking => !!row)
			.sort((a, b) => (b.lastAccessedAt ?? 0) - (a.lastAccessedAt ?? 0))[0];
		return {
			slug: module.slug,
			status: moduleStatus(rows.map((row) => row?.completionStatus ?? 'not attempted')),
			location: lastOpened?.location ?? null,
			lastAccessedAt: lastOpened?.lastAccessedAt ?? null
		};
	});
	const completedModules = modules.filter((m) => m.status === 'completed').length;
	const totalModules = modules.length;
	const lastOpened = modules
		.filter((m) => m.lastAccessedAt !== null)
		.sort((a, b) => b.lastAccessedAt! - a.lastAccessedAt!)[0];
	const target = lastOpened ?? modules[0];
	return {
		completedModules,
		totalModules,
		percent: totalModules === 0 ? 0 : Math.round((100 * completedModules) / totalModules),
		modules,
		resume: target ? { moduleSlug: target.slug, location: target.location } : null
	};
}
