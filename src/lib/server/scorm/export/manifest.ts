// imsmanifest.xml for a SCORM 1.2 package: one organisation titled like the course, one item per
// module pointing at its SCO, and the runtime script and stylesheet as one shared resource.
import { escapeMarkup as x } from './escape';

export interface ScoEntry {
	/** unique within the package; turned into item and resource identifiers */
	id: string;
	title: string;
	/** the page to launch, relative to the package root */
	href: string;
	/** every file of the SCO, the page included */
	files: string[];
	/** 0–100; the LMS compares the reported score with it to set passed/failed */
	masteryScore: number | null;
}

export interface ManifestInput {
	id: string;
	title: string;
	scos: ScoEntry[];
	/** files every SCO uses */
	sharedFiles: string[];
}

export const SHARED_RESOURCE = 'shared-files';

/** xs:ID values: an ASCII letter first, then letters, digits, dashes, dots and underscores. */
function identifier(prefix: string, id: string): string {
	return `${prefix}-${id.replace(/[^A-Za-z0-9._-]/g, '_')}`;
}

function files(paths: string[], indent: string): string {
	return paths.map((path) => `${indent}<file href="${x(encodeURI(path))}"/>`).join('\n');
}

export function buildManifest(input: ManifestInput): string {
	const org = identifier('org', input.id);
	const items = input.scos.map((sco) => {
		const mastery = sco.masteryScore === null ? '' : `\n        <adlcp:masteryscore>${sco.masteryScore}</adlcp:masteryscore>`;
		return `      <item identifier="${identifier('item', sco.id)}" identifierref="${identifier('res', sco.id)}" isvisible="true">
        <title>${x(sco.title)}</title>${mastery}
      </item>`;
	});
	const resources = input.scos.map(
		(sco) => `    <resource identifier="${identifier('res', sco.id)}" type="webcontent" adlcp:scormtype="sco" href="${x(sco.href)}">
${files(sco.files, '      ')}
      <dependency identifierref="${SHARED_RESOURCE}"/>
    </resource>`
	);
	return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${identifier('manifest', input.id)}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${org}">
    <organization identifier="${org}">
      <title>${x(input.title)}</title>
${items.join('\n')}
    </organization>
  </organizations>
  <resources>
${resources.join('\n')}
    <resource identifier="${SHARED_RESOURCE}" type="webcontent" adlcp:scormtype="asset">
${files(input.sharedFiles, '      ')}
    </resource>
  </resources>
</manifest>
`;
}
