// The message catalogues: Vietnamese first, English second, split by area so a page's browser
// loads only its language and the areas its route shows (./messages.ts). Keys are typed, and each
// English area must have every key of its Vietnamese area (TypeScript checks it). This module
// holds no messages, so importing it costs a page nothing.
import type { messages as certificate } from './vi/certificate';
import type { messages as common } from './vi/common';
import type { messages as directory } from './vi/directory';
import type { messages as discussion } from './vi/discussion';
import type { messages as manage } from './vi/manage';
import type { messages as quiz } from './vi/quiz';
import type { messages as scorm } from './vi/scorm';
import type { messages as server } from './vi/server';

export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];
export const LOCALE_COOKIE = 'taphuan_lang';

interface Areas {
	common: typeof common;
	quiz: typeof quiz;
	discussion: typeof discussion;
	manage: typeof manage;
	/** the SCORM player around an interactive lesson */
	scorm: typeof scorm;
	/** certificates: the learner's, the register, the public verification page, the PDF */
	certificate: typeof certificate;
	/** the local service directory: the learners' /danh-ba and the trainers' pages */
	directory: typeof directory;
	/** composed on the server only (error responses, course file problems, CSV headings) */
	server: typeof server;
}
export type Area = keyof Areas;
export const AREAS = ['common', 'quiz', 'discussion', 'manage', 'scorm', 'certificate', 'directory', 'server'] as const satisfies readonly Area[];

export type MessageKey<A extends Area = Area> = { [K in A]: keyof Areas[K] & string }[A];
/** What a component may show: any key but the server-only ones. */
export type PageMessageKey = MessageKey<Exclude<Area, 'server'>>;
export type Messages = Partial<Record<MessageKey, string>>;
export type Params = Record<string, string | number>;

export function isLocale(value: string): value is Locale {
	return (LOCALES as readonly string[]).includes(value);
}

/** Puts the parameters into a message: `{name}` becomes params.name. */
export function fill(template: string, params?: Params): string {
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** One formatter per language, made once: making one takes far longer than using it, and a
 * board lists dozens of dates (it was a sixth of the server's time in the discussion benchmark). */
const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

export function formatDateTime(locale: Locale, ms: number): string {
	let format = dateTimeFormats.get(locale);
	if (!format) {
		format = new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE });
		dateTimeFormats.set(locale, format);
	}
	return format.format(ms);
}
