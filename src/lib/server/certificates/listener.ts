// Certificates are issued from completion's milestones, never from a completion rule of their
// own: the course milestone (module null) is recorded once, in the transaction of the write that
// completed the course, and this listener issues the certificate in that same transaction, so a
// failure to issue undoes the write and a completion is never left without its certificate.
import { onMilestone } from '../tracking/completion';
import { issueCertificate } from './service';

let registered: (() => void) | null = null;

/** Called at start-up (hooks.server.ts init); calling it again changes nothing. */
export function issueCertificatesOnCompletion(): () => void {
	registered ??= onMilestone((db, { userId, course, module, achievedAt }) => {
		if (module === null) issueCertificate(db, { userId, course, completedAt: achievedAt });
	});
	return registered;
}

/** Undoes the registration (tests). */
export function stopIssuingCertificates(): void {
	registered?.();
	registered = null;
}
