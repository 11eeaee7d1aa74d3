// `npm run bench:certificate`: how long drawing one certificate PDF takes and how big it is
// (targets: ≤ 300 ms, ≤ 150 KB). The first drawing reads the fonts and is timed apart; the rest
// are the steady state, with names of every length up to 200 characters.
// Options: --runs N (default 50).
import { parseArgs } from 'node:util';
import { renderCertificatePdf } from '$lib/server/certificates/pdf';
import type { PrintedFields } from '$lib/server/certificates/service';
import { load, machine, summarise } from './harness';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '50' } } });
const runs = Number(values.runs);

const NAMES = ['Nguyễn Thị Thu Hường', 'Đặng Quốc Huy', 'Lò Thị Ỷ', 'Nguyễn Hoàng Thị Minh Phượng Đặng '.repeat(6).slice(0, 200)];

function fields(i: number): PrintedFields {
	const now = Date.now();
	return {
		language: 'vi',
		fullName: NAMES[i % NAMES.length]!,
		organisation: 'Hội Liên hiệp Phụ nữ xã Tân Hưng',
		commune: 'Tân Hưng',
		province: 'Hưng Yên',
		courseTitle: 'Phòng, chống mại dâm, giảm hại và hỗ trợ hòa nhập cộng đồng',
		issuer: 'Sở Y tế tỉnh Hưng Yên',
		signerTitle: 'Giám đốc',
		signerName: null,
		hours: 24,
		serial: `${String(i + 1).padStart(4, '0')}/2026/HY-PCMD`,
		registerNumber: i + 1,
		completedAt: now,
		issuedAt: now
	};
}

async function draw(i: number): Promise<{ ms: number; bytes: number }> {
	const started = process.hrtime.bigint();
	const pdf = await renderCertificatePdf({ fields: fields(i), verifyUrl: `https://taphuan.example/xac-minh/${'x'.repeat(22)}`, sealImage: null });
	return { ms: Number(process.hrtime.bigint() - started) / 1e6, bytes: pdf.length };
}

const first = await draw(0);
const samples: { ms: number; bytes: number }[] = [];
for (let i = 1; i <= runs; i++) samples.push(await draw(i));
const time = summarise(samples.map((s) => s.ms));
const sizes = samples.map((s) => s.bytes);
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
console.log(`certificate PDF, ${runs} drawings after a first one; ${machine()}; load ${load()}; ${new Date().toISOString().slice(0, 10)}`);
console.log('');
console.log('| | first (fonts read) | p50 | p95 | max | size min | size max |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
console.log(`| A4 landscape, DejaVu Serif ×3 subset, QR | ${first.ms.toFixed(0)} ms | ${time.p50.toFixed(0)} ms | ${time.p95.toFixed(0)} ms | ${time.max.toFixed(0)} ms | ${kb(Math.min(...sizes))} | ${kb(Math.max(...sizes))} |`);
