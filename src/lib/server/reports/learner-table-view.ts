// The learner table as the page and its CSV export both read it: rows for the address's
// filters and sort order, so the download is exactly what the trainer is looking at.
import type { Catalog } from '../courses/catalog';
import type { Course } from '../courses/loader';
import type { Db } from '../db/open';
import { loadCohortCourse } from './cohort-course';
import { filterAndSort, filterOptions, learnerRows, parseTableQuery, quizColumns } from './learner-table';

export function learnerTable(db: Db, catalog: Catalog, cohortId: number, course: Course, params: URLSearchParams) {
	const data = loadCohortCourse(db, catalog, cohortId, course);
	const columns = quizColumns(data);
	const all = learnerRows(data);
	const query = parseTableQuery(params, columns);
	return { columns, query, rows: filterAndSort(all, query, columns), options: filterOptions(all), totalLearners: all.length, totalModules: course.modules.length };
}
