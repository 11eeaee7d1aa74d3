import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderMarkdown, renderUntrustedMarkdown } from './render';
import { createSlugger, slugify } from './slug';

const PAYLOADS = fileURLToPath(new URL('../../../../../shared/fixtures/xss/payloads.txt', import.meta.url));

describe('heading ids', () => {
	it('fold Vietnamese to plain ASCII', () => {
		expect(slugify('Tình huống')).toBe('tinh-huong');
		expect(slugify('Đường đi của Bộ Y tế')).toBe('duong-di-cua-bo-y-te');
		expect(slugify('  Câu hỏi: thảo luận?  ')).toBe('cau-hoi-thao-luan');
		expect(slugify('!!!')).toBe('muc');
	});

	it('are unique within a document: duplicates get -1, -2', () => {
		const slug = createSlugger();
		expect([slug('Tình huống'), slug('Tình huống'), slug('Tinh huong'), slug('Khác')]).toEqual([
			'tinh-huong',
			'tinh-huong-1',
			'tinh-huong-2',
			'khac'
		]);
	});

	it('are put on headings, and ## headings become the sections', () => {
		const { html, sections } = renderMarkdown(
			'## Tình huống\n\nA\n\n### Chi tiết\n\nB\n\n## Tình huống\n\nC\n\n## **Câu hỏi** _thảo luận_\n'
		);
		expect(sections).toEqual([
			{ id: 'tinh-huong', title: 'Tình huống' },
			{ id: 'tinh-huong-1', title: 'Tình huống' },
			{ id: 'cau-hoi-thao-luan', title: 'Câu hỏi thảo luận' }
		]);
		expect(html).toContain('<h2 id="tinh-huong">Tình huống</h2>');
		expect(html).toContain('<h3 id="chi-tiet">Chi tiết</h3>');
		expect(html).toContain('<h2 id="tinh-huong-1">Tình huống</h2>');
		expect(html).toContain('<h2 id="cau-hoi-thao-luan"><strong>Câu hỏi</strong> <em>thảo luận</em></h2>');
	});

	it('render # as h2, since the page title is the only h1, without making it a section', () => {
		const { html, sections } = renderMarkdown('# Mở đầu\n\n## Mục một\n');
		expect(html).not.toContain('<h1');
		expect(html).toContain('<h2 id="mo-dau">Mở đầu</h2>');
		expect(sections).toEqual([{ id: 'muc-mot', title: 'Mục một' }]);
	});

	it('are not given to headings below h3', () => {
		const { html } = renderMarkdown('#### Nhỏ\n');
		expect(html).toContain('<h4>Nhỏ</h4>');
	});
});

describe('relative links', () => {
	const markdown =
		'[văn bản](media/doc.pdf) ![ảnh](./media/a.png) [web](https://chinhphu.vn) [gốc](/courses) [mục](#muc) [thư](mailto:a@b.vn)';

	it('are left alone when no resolver is given', () => {
		const { html } = renderMarkdown(markdown);
		expect(html).toContain('<a href="media/doc.pdf">văn bản</a>');
		expect(html).toContain('src="./media/a.png"');
	});

	it('are rewritten by resolveRelative; absolute, rooted and fragment links are not', () => {
		const seen: string[] = [];
		const { html } = renderMarkdown(markdown, {
			resolveRelative: (path) => {
				seen.push(path);
				return `/served/${path.replace(/^\.\//, '')}`;
			}
		});
		expect(seen).toEqual(['media/doc.pdf', './media/a.png']);
		expect(html).toContain('<a href="/served/media/doc.pdf">văn bản</a>');
		expect(html).toContain('<img src="/served/media/a.png" alt="ảnh"');
		expect(html).toContain(
			'<a href="https://chinhphu.vn" rel="noopener noreferrer nofollow ugc" target="_blank">web</a>'
		);
		expect(html).toContain('<a href="/courses">gốc</a>');
		expect(html).toContain('<a href="#muc">mục</a>');
		expect(html).toContain('<a href="mailto:a@b.vn">thư</a>');
	});
});

describe('the sanitiser', () => {
	it('removes scripts, event handlers and javascript: links but keeps the text', () => {
		const html = renderUntrustedMarkdown(
			'Xin chào <script>alert(1)</script>\n\n<img src="x.png" onerror="alert(1)">\n\n[bấm](javascript:alert(1))'
		);
		expect(html).not.toMatch(/<script|onerror|javascript:|alert/i);
		expect(html).toContain('Xin chào');
		// raw HTML is dropped from posts; images come only as Markdown
		expect(html).not.toContain('<img');
		expect(renderUntrustedMarkdown('![ảnh](/courses/k/m/media/x.png)')).toContain('<img src="/courses/k/m/media/x.png"');
		expect(html).toContain('<a>bấm</a>');
	});

	it('keeps ordinary Markdown: emphasis, lists, tables, code, task lists', () => {
		const html = renderUntrustedMarkdown(
			'**đậm** _nghiêng_ ~~gạch~~\n\n1. một\n2. hai\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n```js\nlet x = 1 < 2;\n```\n\n- [x] xong\n- [ ] chưa\n'
		);
		expect(html).toContain('<strong>đậm</strong>');
		expect(html).toContain('<em>nghiêng</em>');
		expect(html).toContain('<del>gạch</del>');
		expect(html).toContain('<ol>');
		expect(html).toContain('<td align="right">2</td>');
		expect(html).toContain('<code class="language-js">let x = 1 &lt; 2;');
		// task lists are plain bullets, not form fields nor drawn boxes that look like them
		expect(html).toContain('<li>✓ xong</li>');
		expect(html).toContain('<li>chưa</li>');
		expect(html).not.toContain('<input');
	});

	it('keeps no form field at all, whether typed as HTML or made by a task list', () => {
		const html = renderUntrustedMarkdown(
			'Mật khẩu: <input type="password" name="p"> <input> <input type="checkbox" name="c"> <button>Gửi</button> <textarea>x</textarea>\n\n- [x] xong'
		);
		expect(html).not.toMatch(/<(button|textarea|select)/);
		expect(html).not.toContain('<input');
		expect(html).toContain('✓ xong');
	});

	it('drops raw HTML but renders the Markdown it wrapped, and leaves code alone', () => {
		expect(renderUntrustedMarkdown('<p>Văn bản **đậm** và [liên kết](https://chinhphu.vn)</p>')).toContain('<strong>đậm</strong>');
		expect(renderUntrustedMarkdown('`<b>x</b>`')).toContain('<code>&lt;b&gt;x&lt;/b&gt;</code>');
		expect(renderUntrustedMarkdown('a < b và 2<3')).toContain('a &lt; b và 2&lt;3');
	});

	it('opens external links in a new tab without handing over the page', () => {
		const html = renderUntrustedMarkdown('[x](https://example.org) [y](http://example.org/a)');
		expect(html.match(/rel="noopener noreferrer nofollow ugc" target="_blank"/g)).toHaveLength(2);
	});

	it('wraps tables in a keyboard-scrollable box, and keeps no other div or tabindex', () => {
		const html = renderUntrustedMarkdown('| a | b |\n| - | - |\n| 1 | 2 |\n\n<div tabindex="5" class="x">hi</div>');
		expect(html).toContain('<div class="table-scroll" tabindex="0"><table>');
		expect(html).not.toContain('tabindex="5"');
		expect(html).not.toContain('class="x"');
	});

	it('keeps only images served by this site', () => {
		const html = renderUntrustedMarkdown(
			'![a](data:image/png;base64,AAAA) ![b](//evil.example/x.png) ![c](https://other.example/x.png) ![d](/courses/k/m/media/x.png)'
		);
		expect(html).not.toContain('data:');
		expect(html).not.toContain('//evil.example');
		expect(html).not.toContain('other.example');
		expect(html).toContain('src="/courses/k/m/media/x.png"');
	});
});

/** Every tag in the output; text is escaped, so a literal `<` always starts a tag. */
function tags(html: string): string[] {
	return html.match(/<[^>]*>/g) ?? [];
}

const ENTITY = /&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi;
const NAMED: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', amp: '&', quot: '"' };

/** An attribute value as a browser would read it: entities decoded, control characters and spaces gone. */
function asBrowserReads(value: string): string {
	return value
		.replace(ENTITY, (whole, body: string) => {
			if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(parseInt(body.slice(2), 16));
			if (body.startsWith('#')) return String.fromCodePoint(Number(body.slice(1)));
			return NAMED[body.toLowerCase()] ?? whole;
		})
		.replace(/[\u0000-\u0020\u007f]/g, '')
		.toLowerCase();
}

function attributeValues(tag: string): string[] {
	return [...tag.matchAll(/\s[^\s=/>]+\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)].map(
		(m) => m[1] ?? m[2] ?? m[3] ?? ''
	);
}

/** Reasons the sanitised HTML is unsafe; empty when it is safe. */
function dangers(html: string): string[] {
	const found: string[] = [];
	if (/<script/i.test(html)) found.push('<script');
	for (const tag of ['iframe', 'object', 'embed', 'form', 'style', 'svg', 'math', 'meta', 'base', 'link']) {
		if (new RegExp(`<${tag}[\\s/>]`, 'i').test(html)) found.push(`<${tag}>`);
	}
	for (const tag of tags(html)) {
		if (/[\s/"']on[a-z]+\s*=/i.test(tag)) found.push(`event handler in ${tag}`);
		if (/\sstyle\s*=/i.test(tag)) found.push(`style attribute in ${tag}`);
		for (const value of attributeValues(tag)) {
			if (/^(javascript|vbscript|data):/.test(asBrowserReads(value))) {
				found.push(`dangerous URL in ${tag}`);
			}
		}
	}
	if (/javascript:|vbscript:|data:text\/html/i.test(html.replace(/<code[^>]*>[\s\S]*?<\/code>/g, ''))) {
		found.push('dangerous URL text');
	}
	return found;
}

describe('dangers (the checker the payload test relies on)', () => {
	it('catches what it should', () => {
		expect(dangers('<p><script>x</script></p>')).toContain('<script');
		expect(dangers('<img src="x" onerror="y" />')).toHaveLength(1);
		expect(dangers('<a href="&#106;avascript&#58;x">a</a>')).toContain('dangerous URL in <a href="&#106;avascript&#58;x">');
		expect(dangers('<a href=" java\tscript:x">a</a>').length).toBeGreaterThan(0);
		expect(dangers('<iframe src="x"></iframe>')).toContain('<iframe>');
		expect(dangers('<svg/onload=x>').length).toBeGreaterThan(0);
		expect(dangers('<p>&lt;img onerror=x&gt; <a href="https://vn.vn">ok</a></p>')).toEqual([]);
	});
});

describe('XSS payloads from shared/fixtures/xss', () => {
	const available = existsSync(PAYLOADS);
	const payloads = available
		? readFileSync(PAYLOADS, 'utf8')
				.split(/\r?\n----\r?\n/)
				.filter((p) => p.trim() !== '')
		: [];

	it('the payload file is there', () => {
		if (!available) {
			console.warn(`XSS payloads not found at ${PAYLOADS}; the payload tests are skipped.`);
			return;
		}
		expect(payloads.length).toBeGreaterThan(30);
	});

	it.runIf(available).each(payloads.map((payload, index) => [index + 1, payload] as const))(
		'payload %i renders harmless',
		(_index, payload) => {
			const html = renderUntrustedMarkdown(payload);
			expect(dangers(html), `${payload}\n→ ${html}`).toEqual([]);
		}
	);

	it.runIf(available)('keeps the harmless parts of the payloads', () => {
		const byText = (needle: string) => payloads.find((p) => p.includes(needle))!;
		// an HTML link loses its tag (posts are Markdown) but keeps its words
		expect(renderUntrustedMarkdown(byText('onclick'))).toContain('example');
		expect(renderUntrustedMarkdown(byText('**đậm**'))).toContain('<strong>đậm</strong>');
		expect(renderUntrustedMarkdown(byText('**đậm**'))).toContain('href="https://chinhphu.vn"');
		expect(renderUntrustedMarkdown(byText('trong mã thì phải hiện nguyên văn'))).toContain(
			'<code>&lt;script&gt;window.__xss=1&lt;/script&gt;</code>'
		);
		expect(renderUntrustedMarkdown(byText('```html'))).toContain('&lt;script&gt;');
		expect(renderUntrustedMarkdown(byText('[bấm vào đây](javascript:'))).toContain('bấm vào đây');
	});
});
