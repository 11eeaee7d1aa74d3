import type { Locale, Messages } from '$lib/i18n';
import type { Session } from '$lib/server/auth/session';
import type { StorageTrouble } from '$lib/server/db/errors';
import type { User } from '$lib/server/users/service';

declare global {
	namespace App {
		interface Locals {
			user: User | null;
			session: Session | null;
			locale: Locale;
			/** set by handleError when the database refused a write; the answer becomes a 503 */
			storageTrouble?: StorageTrouble;
		}
		interface Error {
			message: string;
			errorId?: string;
		}
		interface PageData {
			locale: Locale;
			/** the catalogues of the page's language and route (src/routes/+layout.ts) */
			messages?: Messages;
		}
	}
}

export {};
