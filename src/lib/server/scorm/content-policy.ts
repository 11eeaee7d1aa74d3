// What a SCORM package's pages may do. Packages come from authoring tools (iSpring, Articulate
// Storyline, Adapt…) whose players need inline scripts, inline styles and often eval, so those
// are allowed. Everything must come from this site: a package that loads from elsewhere would
// leak what learners do and fail on a poor connection anyway, so other origins are blocked.
// The trade-off: a SCO runs on the same origin as the site (SCORM's API discovery requires it),
// so its scripts act with the learner's session. That is why only trainers and admins can add
// packages, sessions are HttpOnly cookies a script cannot read, and docs/security.md says so.
export const CONTENT_SECURITY_POLICY = [
	"default-src 'self'",
	"script-src 'self' 'unsafe-inline' 'unsafe-eval'",
	"style-src 'self' 'unsafe-inline'",
	"img-src 'self' data: blob:",
	"media-src 'self' data: blob:",
	"font-src 'self' data:",
	"connect-src 'self'",
	"frame-src 'self'",
	"worker-src 'self' blob:",
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'self'",
	"frame-ancestors 'self'"
].join('; ');
