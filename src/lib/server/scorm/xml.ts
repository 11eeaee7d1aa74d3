// The manifest's XML read into plain objects, and the few ways the importer looks into them.
// Shared by the manifest reader (manifest.ts) and the sequencing translation (sequencing/translate.ts).
import { XMLParser } from 'fast-xml-parser';
import { nfc } from '../text/nfc';

export type XmlNode = { [name: string]: XmlNode[] | string | undefined };

export const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	// Prefixes differ between packages (adlcp:, imsss:, or a default namespace); match local names.
	removeNSPrefix: true,
	isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
	alwaysCreateTextNode: true,
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: true,
	// Numeric character references are XML; named ones beyond the five built-ins are decoded too,
	// which is harmless because titles stay text. Entities declared in a DOCTYPE never get here.
	htmlEntities: true,
	ignoreDeclaration: true,
	ignorePiTags: true
});


// Element and attribute names are matched without regard to case: 1.2 writes `scormtype`,
// `datafromlms`, 2004 `scormType`, `dataFromLMS`.
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
	if (!node) return [];
	const lower = name.toLowerCase();
	const key = Object.keys(node).find((k) => !k.startsWith('@_') && k !== '#text' && k.toLowerCase() === lower);
	const value = key ? node[key] : undefined;
	return Array.isArray(value) ? value : [];
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
	return children(node, name)[0];
}

export function attr(node: XmlNode | undefined, name: string): string {
	if (!node) return '';
	const lower = `@_${name.toLowerCase()}`;
	const key = Object.keys(node).find((k) => k.toLowerCase() === lower);
	const value = key ? node[key] : undefined;
	return typeof value === 'string' ? value.trim() : '';
}

/**
 * Plain text only: markup inside a title is dropped, entities stay decoded text. In NFC
 * (../text/nfc.ts), however the authoring tool wrote it; hrefs and identifiers are left as written,
 * because they must match the package's own file names.
 */
export function text(node: XmlNode | undefined): string {
	const value = node?.['#text'];
	return typeof value === 'string' ? nfc(value).trim() : '';
}
