import { describe, expect, it } from 'vitest';
import { parseManifest } from '../manifest';
import { buildManifest, SHARED_RESOURCE, type ManifestInput } from './manifest';

const HOSTILE = `<img src=x onerror="alert(1)"> & 'trích' ]]></title></organization>`;

const input: ManifestInput = {
	id: 'khoa-thu',
	title: HOSTILE,
	scos: [
		{ id: 'doc', title: 'Bài đọc', href: '01-doc/index.html', files: ['01-doc/index.html', '01-doc/media/so do.svg'], masteryScore: null },
		{ id: 'kiem-tra', title: HOSTILE, href: '02-kiem-tra/index.html', files: ['02-kiem-tra/index.html'], masteryScore: 70 }
	],
	sharedFiles: ['shared/taphuan-scorm.js', 'shared/taphuan.css']
};

function parsed(xml: string) {
	const result = parseManifest(xml, () => true);
	if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problem)}`);
	return result.manifest;
}

describe('buildManifest', () => {
	const xml = buildManifest(input);

	it('declares SCORM 1.2: the 1.2 content packaging and adlcp namespaces, schemaversion 1.2', () => {
		expect(xml).toContain('xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"');
		expect(xml).toContain('xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"');
		expect(xml).toMatch(/<schema>ADL SCORM<\/schema>\s*<schemaversion>1\.2<\/schemaversion>/);
		expect(parsed(xml)).toMatchObject({ version: '1.2', schemaVersion: '1.2', identifier: 'manifest-khoa-thu' });
	});

	it('keeps hostile titles as text', () => {
		const manifest = parsed(xml);
		expect(manifest.organization.title).toBe(HOSTILE);
		expect(manifest.items[1]!.title).toBe(HOSTILE);
		expect(xml).not.toContain('<img');
	});

	it('has one item per SCO, each with its own sco resource and the mastery score when there is one', () => {
		const manifest = parsed(xml);
		expect(manifest.items.map((item) => [item.identifier, item.resource?.identifier, item.resource?.scormType, item.launchUrl, item.masteryScore])).toEqual([
			['item-doc', 'res-doc', 'sco', '01-doc/index.html', null],
			['item-kiem-tra', 'res-kiem-tra', 'sco', '02-kiem-tra/index.html', 70]
		]);
		expect(xml.match(/<adlcp:masteryscore>/g)).toHaveLength(1);
	});

	it('shares the runtime through a dependency on one asset resource', () => {
		const manifest = parsed(xml);
		expect(manifest.items.every((item) => item.resource?.dependencies.join() === SHARED_RESOURCE)).toBe(true);
		expect(manifest.resources.find((r) => r.identifier === SHARED_RESOURCE)).toMatchObject({ scormType: 'asset', href: null });
		expect(xml).toContain('<file href="shared/taphuan-scorm.js"/>');
	});

	it('writes file names as URLs', () => {
		expect(xml).toContain('<file href="01-doc/media/so%20do.svg"/>');
	});

	it('makes valid identifiers of any id', () => {
		const odd = buildManifest({ ...input, id: 'khoá học', scos: [{ ...input.scos[0]!, id: 'bài:1' }] });
		expect(odd).toContain('identifier="org-kho__h_c"');
		expect(odd).toContain('<item identifier="item-b_i_1" identifierref="res-b_i_1"');
	});
});
