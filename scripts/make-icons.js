// Draws the installable app's PNG icons (static/icons/) from the shapes of static/favicon.svg: a
// rounded square in the theme colour with a white "T". Run once after changing the favicon:
//   node scripts/make-icons.js
// Plain Node (zlib), so the build needs no image library; the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [0x0b, 0x5d, 0x8a];
const WHITE = [0xff, 0xff, 0xff];

/** The favicon in its own 32-unit square: the colour at (x, y), or null outside the rounded square. */
function favicon(x, y, rounded) {
	const inBar = x >= 8 && x <= 24 && y >= 10 && y <= 13;
	const inStem = x >= 14.5 && x <= 17.5 && y >= 13 && y <= 24;
	if (inBar || inStem) return WHITE;
	if (!rounded) return BLUE;
	const r = 6;
	const cx = Math.min(Math.max(x, r), 32 - r);
	const cy = Math.min(Math.max(y, r), 32 - r);
	return (x - cx) ** 2 + (y - cy) ** 2 <= r * r ? BLUE : null;
}

/** RGBA pixels, 4×4 samples each. `scale` < 1 shrinks the drawing into the centre (maskable safe zone). */
function draw(size, { rounded, scale }) {
	const pixels = Buffer.alloc(size * size * 4);
	const S = 4;
	for (let py = 0; py < size; py++) {
		for (let px = 0; px < size; px++) {
			let r = 0, g = 0, b = 0, a = 0;
			for (let sy = 0; sy < S; sy++) {
				for (let sx = 0; sx < S; sx++) {
					const u = ((px + (sx + 0.5) / S) / size - 0.5) / scale + 0.5;
					const v = ((py + (sy + 0.5) / S) / size - 0.5) / scale + 0.5;
					const inside = u >= 0 && u <= 1 && v >= 0 && v <= 1;
					const colour = inside ? favicon(u * 32, v * 32, rounded) : rounded ? null : BLUE;
					if (!colour) continue;
					r += colour[0]; g += colour[1]; b += colour[2]; a += 1;
				}
			}
			const i = (py * size + px) * 4;
			pixels[i] = a ? Math.round(r / a) : 0;
			pixels[i + 1] = a ? Math.round(g / a) : 0;
			pixels[i + 2] = a ? Math.round(b / a) : 0;
			pixels[i + 3] = Math.round((a / (S * S)) * 255);
		}
	}
	return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
function crc32(buffer) {
	let c = 0xffffffff;
	for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}
function png(size, pixels) {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
	const rows = Buffer.alloc(size * (size * 4 + 1));
	for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(rows, { level: 9 })),
		chunk('IEND', Buffer.alloc(0))
	]);
}

const out = new URL('../static/icons/', import.meta.url);
for (const size of [192, 512]) writeFileSync(new URL(`icon-${size}.png`, out), png(size, draw(size, { rounded: true, scale: 1 })));
// maskable: the launcher crops to its own shape, so full-bleed colour and the "T" inside the safe 80 %
writeFileSync(new URL('maskable-512.png', out), png(512, draw(512, { rounded: false, scale: 0.8 })));
