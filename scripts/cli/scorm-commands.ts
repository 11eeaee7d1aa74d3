// SCORM packages from the shell: the same checks and placement as the upload page, for large
// packages, scripts, or a server without a browser at hand.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { translate } from '$lib/server/i18n';
import { buildCatalog, findCourse, findModule } from '$lib/server/courses/catalog';
import { readPackage } from '$lib/server/scorm/import';
import { placePackage, type Placement } from '$lib/server/scorm/place';
import { listAttachments } from '$lib/server/scorm/store';
import { config } from '$lib/server/config';
import type { CliContext, Values } from './admin-commands';
import { cliMessage } from './messages';
import { UsageError } from './run';

type Parse = (args: string[], options: Record<string, { multiple?: boolean }>, ctx: CliContext) => Values;
type Required = (values: Values, name: string, ctx: CliContext) => string;

export function scormCommands(parse: Parse, required: Required) {
	async function importInto(values: Values, ctx: CliContext, placement: (db: ReturnType<CliContext['openDb']>) => Placement) {
		const file = path.resolve(required(values, 'file', ctx));
		if (!existsSync(file)) throw new UsageError(cliMessage(ctx.locale, 'noSuchFile', { file }));
		const db = ctx.openDb();
		const where = placement(db);
		const imported = await readPackage(file, ctx.scormDir ?? config.scormDir);
		if (!imported.ok) throw new UsageError(translate(ctx.locale, imported.problem.key, imported.problem.params));
		const attachment = placePackage(db, imported, statSync(file).size, where, null);
		ctx.print(
			cliMessage(ctx.locale, 'scormPlaced', {
				title: attachment.title,
				n: attachment.scos.length,
				id: attachment.id,
				course: attachment.courseSlug,
				module: attachment.moduleSlug
			})
		);
		// what the upload page would warn the trainer about (scorm/analysis.ts)
		const { analysis } = imported;
		if (analysis.externalCount > 0) {
			ctx.print(translate(ctx.locale, 'scorm.warnings.external', { n: analysis.externalCount }));
			for (const url of analysis.externalUrls) ctx.print(`  ${url}`);
		}
		if (!analysis.referencesApi) ctx.print(translate(ctx.locale, attachment.package.version === '1.2' ? 'scorm.warnings.noApi12' : 'scorm.warnings.noApi2004'));
	}

	async function scormImport(args: string[], ctx: CliContext) {
		const values = parse(args, { file: {}, course: {}, module: {}, title: {} }, ctx);
		if (values.help) return ctx.print(cliMessage(ctx.locale, 'scormImportHelp'));
		const courseSlug = required(values, 'course', ctx);
		const moduleSlug = required(values, 'module', ctx);
		await importInto(values, ctx, (db) => {
			const catalog = buildCatalog(db, ctx.coursesDir);
			const course = findCourse(catalog, courseSlug);
			if (!course) throw new UsageError(cliMessage(ctx.locale, 'noSuchCourse', { name: courseSlug, known: catalog.courses.map((c) => c.slug).join(', ') || '—' }));
			if (!findModule(course, moduleSlug)) {
				throw new UsageError(cliMessage(ctx.locale, 'noSuchModule', { name: moduleSlug, known: course.modules.map((m) => m.slug).join(', ') }));
			}
			return { kind: 'attach', courseSlug, moduleSlug, title: typeof values.title === 'string' ? values.title : null };
		});
	}

	async function scormReplace(args: string[], ctx: CliContext) {
		const values = parse(args, { file: {}, attachment: {} }, ctx);
		if (values.help) return ctx.print(cliMessage(ctx.locale, 'scormReplaceHelp'));
		const id = Number(required(values, 'attachment', ctx));
		await importInto(values, ctx, (db) => {
			if (!listAttachments(db).some((attachment) => attachment.id === id)) throw new UsageError(cliMessage(ctx.locale, 'noSuchAttachment', { id: String(id) }));
			return { kind: 'replace', attachmentId: id };
		});
	}

	function scormList(args: string[], ctx: CliContext) {
		const values = parse(args, {}, ctx);
		if (values.help) return ctx.print(cliMessage(ctx.locale, 'scormListHelp'));
		const attachments = listAttachments(ctx.openDb());
		if (attachments.length === 0) return ctx.print(cliMessage(ctx.locale, 'scormNone'));
		for (const a of attachments) {
			ctx.print(`#${a.id}  ${a.courseSlug}/${a.moduleSlug}  SCORM ${a.package.version}  ${a.scos.length}  “${a.title}”`);
		}
	}

	return { 'scorm-import': scormImport, 'scorm-replace': scormReplace, 'scorm-list': scormList };
}
