// The course report's blended part: the cohort's in-person sessions of the course with their
// attendance, and how many learners the course's completion rule counts as done.
import type { Db } from '../db/open';
import { listCohortSessions } from '../sessions/service';
import { vietnamDateTime } from '../sessions/time';

export interface SessionReportRow {
	id: number;
	title: string;
	date: string;
	attended: number;
}

export function sessionsReport(db: Db, cohortId: number, courseId: string): SessionReportRow[] {
	return listCohortSessions(db, cohortId)
		.filter((s) => s.courseId === courseId)
		.map((s) => ({ id: s.id, title: s.title, date: vietnamDateTime(s.startsAt).date, attended: s.attended }));
}
