// The whole directory as a CSV file Excel opens (BOM, Excel-safe cells), with the IDs an import
// of the edited file updates.
import { requireRole } from '$lib/server/auth/guard';
import { csvDownloadHeaders } from '$lib/server/csv/write';
import { getDb } from '$lib/server/db';
import { exportDirectory } from '$lib/server/directory/csv';
import { todayInVietnam } from '$lib/server/directory/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	requireRole(event, 'trainer', 'admin');
	return new Response(exportDirectory(getDb()), { headers: csvDownloadHeaders(`danh-ba-ho-tro_${todayInVietnam()}.csv`) });
};
