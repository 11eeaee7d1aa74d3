import { describe, expect, it } from 'vitest';
import { findManifest, launchFile, parseManifest, withParameters, type ScormPackage } from './manifest';

const NS_12 = 'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"';
const NS_2004 =
	'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss"';

function manifest12(items: string, resources: string, extra = ''): string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="m" ${NS_12} ${extra}>
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>Khoá học</title>${items}</organization></organizations>
  <resources>${resources}</resources>
</manifest>`;
}

const everyFile = () => true;

function parsed(xml: string, fileExists: (file: string) => boolean = everyFile): ScormPackage {
	const result = parseManifest(xml, fileExists);
	if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problem)}`);
	return result.manifest;
}

function problem(xml: string, fileExists: (file: string) => boolean = everyFile) {
	const result = parseManifest(xml, fileExists);
	return result.ok ? 'accepted' : result.problem;
}

describe('titles', () => {
	it('are kept in NFC, whether the tool wrote them decomposed (NFD) or as character references', () => {
		const nfd = 'Kỹ năng tư vấn'.normalize('NFD');
		// "ỹ" written as "y" + U+0303 (combining tilde) references
		const references = 'K&#x79;&#x303; năng';
		const pkg = parsed(
			manifest12(
				`<item identifier="i" identifierref="r"><title>${nfd}</title></item><item identifier="j" identifierref="r"><title>${references}</title></item>`,
				'<resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="a.html"/>'
			).replace('<title>Khoá học</title>', `<title>${'Khoá học'.normalize('NFD')}</title>`)
		);
		expect(pkg.organization.title).toBe('Khoá học');
		expect(pkg.items.map((item) => item.title)).toEqual(['Kỹ năng tư vấn', 'Kỹ năng']);
	});
});

describe('withParameters follows the SCORM CAM rules', () => {
	it.each([
		['a.html', '?x=1', 'a.html?x=1'],
		['a.html', 'x=1', 'a.html?x=1'],
		['a.html', '&x=1', 'a.html?x=1'],
		['a.html', '?&x=1', 'a.html?x=1'],
		['a.html?y=2', '?x=1', 'a.html?y=2&x=1'],
		['a.html?y=2', 'x=1', 'a.html?y=2&x=1'],
		['a.html?', 'x=1', 'a.html?x=1'],
		['a.html', '#part2', 'a.html#part2'],
		['a.html?y=2', '#part2', 'a.html?y=2#part2'],
		['a.html#part1', '#part2', 'a.html#part1'],
		['a.html#part1', 'x=1', 'a.html?x=1#part1'],
		['a.html', '', 'a.html'],
		['a.html', null, 'a.html']
	])('%s + %s → %s', (href, parameters, expected) => {
		expect(withParameters(href, parameters)).toBe(expected);
	});
});

describe('parseManifest', () => {
	it('merges item parameters into the launch URL', () => {
		const pkg = parsed(
			manifest12(
				`<item identifier="i" identifierref="r" parameters="?page=2"><title>Trang 2</title></item>`,
				`<resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="bai.html?lang=vi"/>`
			)
		);
		expect(pkg.items[0]!.launchUrl).toBe('bai.html?lang=vi&page=2');
		expect(pkg.items[0]!.parameters).toBe('?page=2');
	});

	it('combines xml:base of manifest, resources and resource with the href, and checks that file', () => {
		const seen: string[] = [];
		const pkg = parsed(
			`<manifest identifier="m" ${NS_12} xml:base="noi-dung/">
  <metadata><schemaversion>1.2</schemaversion></metadata>
  <organizations><organization identifier="o"><title>T</title><item identifier="i" identifierref="r"><title>A</title></item></organization></organizations>
  <resources xml:base="bai1"><resource identifier="r" adlcp:scormtype="sco" xml:base="trang/" href="mo%20dau.html#start"/></resources>
</manifest>`,
			(file) => {
				seen.push(file);
				return file === 'noi-dung/bai1/trang/mo dau.html';
			}
		);
		expect(pkg.items[0]!.launchUrl).toBe('noi-dung/bai1/trang/mo%20dau.html#start');
		expect(seen).toEqual(['noi-dung/bai1/trang/mo dau.html']);
	});

	it('reads SCORM 1.2 item data: mastery score, time limits, data from the LMS, visibility', () => {
		const pkg = parsed(
			manifest12(
				`<item identifier="i" identifierref="r" isvisible="false"><title>Kiểm tra</title>
           <adlcp:masteryscore>80</adlcp:masteryscore><adlcp:maxtimeallowed>00:30:00</adlcp:maxtimeallowed>
           <adlcp:timelimitaction>exit,message</adlcp:timelimitaction><adlcp:datafromlms>mode=test</adlcp:datafromlms></item>`,
				`<resource identifier="r" adlcp:scormtype="sco" href="quiz.html"/>`
			)
		);
		expect(pkg.items[0]).toMatchObject({
			visible: false,
			masteryScore: 80,
			maxTimeAllowed: '00:30:00',
			timeLimitAction: 'exit,message',
			dataFromLms: 'mode=test',
			scaledPassingScore: null
		});
	});

	it('reads SCORM 2004 minNormalizedMeasure as the scaled passing score, and the completion threshold', () => {
		const pkg = parsed(`<manifest identifier="m" ${NS_2004}>
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>T</title>
    <item identifier="a" identifierref="r"><title>A</title>
      <adlcp:completionThreshold minProgressMeasure="0.75"/>
      <adlcp:dataFromLMS>x=1</adlcp:dataFromLMS>
      <imsss:sequencing><imsss:objectives>
        <imsss:primaryObjective objectiveID="p" satisfiedByMeasure="true"><imsss:minNormalizedMeasure>0.6</imsss:minNormalizedMeasure></imsss:primaryObjective>
      </imsss:objectives></imsss:sequencing>
    </item>
    <item identifier="b" identifierref="r"><title>B</title>
      <imsss:sequencing><imsss:objectives>
        <imsss:primaryObjective objectiveID="p"><imsss:minNormalizedMeasure>0.6</imsss:minNormalizedMeasure></imsss:primaryObjective>
      </imsss:objectives></imsss:sequencing>
    </item>
  </organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormType="sco" href="index.html"/></resources>
</manifest>`);
		expect(pkg.version).toBe('2004');
		expect(pkg.schemaVersion).toBe('2004 4th Edition');
		expect(pkg.items[0]).toMatchObject({ scaledPassingScore: 0.6, completionThreshold: 0.75, dataFromLms: 'x=1' });
		// Not satisfied by measure: the measure does not decide passing.
		expect(pkg.items[1]!.scaledPassingScore).toBeNull();
	});

	it('reads delivery controls and objective ids, from the item or the shared sequencing its IDRef names', () => {
		const pkg = parsed(`<manifest identifier="m" ${NS_2004}>
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 3rd Edition</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>T</title>
    <item identifier="plain" identifierref="r"><title>Trang</title></item>
    <item identifier="test" identifierref="r"><title>Kiểm tra</title>
      <imsss:sequencing IDRef="test_rules">
        <imsss:objectives>
          <imsss:primaryObjective objectiveID="primary" satisfiedByMeasure="true"><imsss:minNormalizedMeasure>0.8</imsss:minNormalizedMeasure></imsss:primaryObjective>
          <imsss:objective objectiveID="obj_a"/><imsss:objective objectiveID="obj_b"/>
        </imsss:objectives>
      </imsss:sequencing>
    </item>
    <item identifier="own" identifierref="r"><title>Riêng</title>
      <imsss:sequencing IDRef="test_rules"><imsss:deliveryControls tracked="false"/></imsss:sequencing>
    </item>
  </organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormType="sco" href="index.html"/></resources>
  <imsss:sequencingCollection>
    <imsss:sequencing ID="test_rules">
      <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
      <imsss:objectives><imsss:primaryObjective objectiveID="shared"/></imsss:objectives>
    </imsss:sequencing>
  </imsss:sequencingCollection>
</manifest>`);
		const [plain, test, own] = pkg.items;
		expect(plain).toMatchObject({ deliveryControls: { tracked: true, completionSetByContent: false, objectiveSetByContent: false }, objectiveIds: [] });
		expect(test).toMatchObject({
			deliveryControls: { tracked: true, completionSetByContent: true, objectiveSetByContent: true },
			objectiveIds: ['primary', 'obj_a', 'obj_b'],
			scaledPassingScore: 0.8
		});
		// the item's own deliveryControls replace the shared ones; its objectives come from the collection
		expect(own).toMatchObject({ deliveryControls: { tracked: false, completionSetByContent: false, objectiveSetByContent: false }, objectiveIds: ['shared'] });
	});

	it('matches local names whatever the namespace prefixes are', () => {
		const pkg = parsed(`<cp:manifest identifier="m" xmlns:cp="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:a="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:ss="http://www.imsglobal.org/xsd/imsss">
  <cp:organizations default="o"><cp:organization identifier="o"><cp:title>Tiền tố khác</cp:title>
    <cp:item identifier="i" identifierref="r"><cp:title>A</cp:title>
      <ss:sequencing><ss:objectives><ss:primaryObjective satisfiedByMeasure="true"><ss:minNormalizedMeasure>0.5</ss:minNormalizedMeasure></ss:primaryObjective></ss:objectives></ss:sequencing>
    </cp:item></cp:organization></cp:organizations>
  <cp:resources><cp:resource identifier="r" a:scormType="sco" href="i.html"/><cp:resource identifier="s" a:scormType="asset" href="s.css"/></cp:resources>
</cp:manifest>`);
		// No schemaversion: the adlcp namespace says 2004.
		expect(pkg.version).toBe('2004');
		expect(pkg.organization.title).toBe('Tiền tố khác');
		expect(pkg.items[0]!.scaledPassingScore).toBe(0.5);
		expect(pkg.resources.map((r) => r.scormType)).toEqual(['sco', 'asset']);
	});

	it('takes the default organisation, else the first', () => {
		const orgs = (def: string) => `<manifest identifier="m" ${NS_12}><metadata><schemaversion>1.2</schemaversion></metadata>
  <organizations ${def}>
    <organization identifier="a"><title>Thứ nhất</title><item identifier="i1" identifierref="r"><title>1</title></item></organization>
    <organization identifier="b"><title>Thứ hai</title><item identifier="i2" identifierref="r"><title>2</title></item></organization>
  </organizations><resources><resource identifier="r" adlcp:scormtype="sco" href="a.html"/></resources></manifest>`;
		expect(parsed(orgs('default="b"')).organization).toEqual({ identifier: 'b', title: 'Thứ hai' });
		expect(parsed(orgs('')).organization).toEqual({ identifier: 'a', title: 'Thứ nhất' });
	});

	it('decodes character references in titles and keeps markup as text', () => {
		const pkg = parsed(
			manifest12(
				`<item identifier="i" identifierref="r"><title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#272;&#x1EA1;t</title></item>`,
				`<resource identifier="r" adlcp:scormtype="asset" href="a.html"/>`
			)
		);
		expect(pkg.items[0]!.title).toBe('<script>alert(1)</script> & Đạt');
		expect(pkg.items[0]!.resource?.scormType).toBe('asset');
	});

	it('refuses an item that points at a missing resource, naming both', () => {
		expect(problem(manifest12(`<item identifier="i" identifierref="nope"><title>Bài 1</title></item>`, ''))).toEqual({
			key: 'scorm.missingResource',
			params: { item: 'Bài 1', resource: 'nope' }
		});
	});

	it('refuses two items with one identifier, since each SCO is tracked by it', () => {
		const xml = manifest12(
			`<item identifier="nhom"><title>Nhóm</title><item identifier="bai" identifierref="r"><title>A</title></item></item><item identifier="bai" identifierref="r"><title>B</title></item>`,
			`<resource identifier="r" adlcp:scormtype="sco" href="a.html"/>`
		);
		expect(problem(xml)).toEqual({ key: 'scorm.duplicateItem', params: { identifier: 'bai' } });
	});

	it('refuses a launch file that is not in the package', () => {
		const xml = manifest12(`<item identifier="i" identifierref="r"><title>A</title></item>`, `<resource identifier="r" adlcp:scormtype="sco" href="khong-co.html"/>`);
		expect(problem(xml, () => false)).toEqual({ key: 'scorm.missingFile', params: { file: 'khong-co.html', resource: 'r' } });
	});

	it('refuses a launch path that climbs out of the package', () => {
		const xml = manifest12(`<item identifier="i" identifierref="r"><title>A</title></item>`, `<resource identifier="r" adlcp:scormtype="sco" href="../../etc/passwd"/>`);
		expect(problem(xml)).toMatchObject({ key: 'scorm.unsafePath' });
		const rooted = manifest12(`<item identifier="i" identifierref="r"><title>A</title></item>`, `<resource identifier="r" adlcp:scormtype="sco" href="/etc/passwd"/>`);
		expect(problem(rooted)).toMatchObject({ key: 'scorm.unsafePath' });
	});

	it('refuses a table of contents with nothing to launch', () => {
		expect(problem(manifest12(`<item identifier="i"><title>Chỉ là thư mục</title></item>`, ''))).toEqual({ key: 'scorm.nothingToLaunch' });
	});

	it('refuses any DOCTYPE with declarations, and does not resolve entities', () => {
		const xxe = `<?xml version="1.0"?><!DOCTYPE manifest [<!ENTITY x SYSTEM "file:///etc/passwd">]>${manifest12('', '').replace(/^<\?xml[^>]*>/, '')}`;
		expect(problem(xxe)).toEqual({ key: 'scorm.doctype' });
		const laughs = `<!DOCTYPE m [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><m>&b;</m>`;
		expect(problem(laughs)).toEqual({ key: 'scorm.doctype' });
	});

	it('refuses malformed XML with its line, a foreign root, and an unknown version', () => {
		expect(problem('<manifest identifier="m">\n<organizations>\n</manifest>')).toMatchObject({ key: 'scorm.badXml', params: { line: 3 } });
		expect(problem('<html><body/></html>')).toEqual({ key: 'scorm.notManifest' });
		expect(problem('<manifest identifier="m"><organizations/><resources/></manifest>')).toEqual({ key: 'scorm.unknownVersion' });
	});
});

describe('findManifest and launchFile', () => {
	it('wants imsmanifest.xml at the root and says where it is otherwise', () => {
		expect(findManifest(['imsmanifest.xml', 'a/imsmanifest.xml'])).toEqual({ ok: true, path: 'imsmanifest.xml' });
		expect(findManifest(['goi/bai/imsmanifest.xml', 'goi/imsmanifest.xml'])).toEqual({
			ok: false,
			problem: { key: 'scorm.manifestInSubfolder', params: { folder: 'goi' } }
		});
		expect(findManifest(['index.html'])).toEqual({ ok: false, problem: { key: 'scorm.noManifest' } });
	});

	it('turns an href into the package file it names', () => {
		expect(launchFile('a/b%20c.html?x=1#y')).toBe('a/b c.html');
		expect(launchFile('./a/../b.html')).toBe('b.html');
		expect(launchFile('../x.html')).toBeNull();
		expect(launchFile('a\\..\\..\\x.html')).toBeNull();
	});
});
