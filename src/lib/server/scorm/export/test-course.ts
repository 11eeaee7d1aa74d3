// A small course written to disk for the export's tests: every question type, media linked and
// not, a file name with a space, and titles that try to break out of XML and HTML.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const HOSTILE_TITLE = `Khoá <b>"thử"</b> & 'kiểm tra' ]]></title><script>alert(1)</script>`;

const files: Record<string, string> = {
	'course.md': `---
title: ${JSON.stringify(HOSTILE_TITLE)}
summary: "Khoá học để thử xuất gói SCORM."
---

Giới thiệu khoá học.
`,
	'01-bai-doc/lesson.md': `---
title: "Bài đọc <không> có bài kiểm tra"
estimatedMinutes: 5
objectives:
  - "Đọc đến cuối bài"
---

## Mở đầu

Hình: ![Sơ đồ có dấu cách](media/so%20do.svg)

## Kết luận

[Tải phiếu](./media/phieu.html)
`,
	'01-bai-doc/media/so do.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
	'01-bai-doc/media/phieu.html': '<!doctype html><title>Phiếu</title>',
	'01-bai-doc/media/khong-dung.png': 'không trang nào dùng tệp này',
	'02-kiem-tra/lesson.md': `---
title: "Bài có đủ loại câu hỏi"
estimatedMinutes: 10
---

## Nội dung

Một đoạn văn.
`,
	'02-kiem-tra/quiz.md': `---
title: "Kiểm tra mọi loại câu hỏi"
passPercent: 62.5
maxAttempts: 2
shuffleChoices: true
---

## Một lựa chọn {#mot}

- [ ] Sai một
  > Không phải.
- [x] Đúng
- [ ] Sai hai

> Giải thích câu một.

## Nhiều lựa chọn {#nhieu points=2}

- [x] Đúng A
- [x] Đúng B
- [ ] Sai C
- [ ] Sai D
- [ ] Sai E

## Đúng hay sai {#dung-sai}

Trời xanh.

- [x] Đúng
- [ ] Sai

## Trả lời ngắn {#ngan ignoreDiacritics}

= Mại dâm
= mai dam vi pham

## Nối {#noi points=3}

- Bộ Y tế => Chủ trì phòng, chống mại dâm
- Bộ Công an => Đấu tranh với tội phạm
- Hội Phụ nữ => Hỗ trợ phụ nữ
- => Cấp phép karaoke

## Sắp xếp {#sap-xep}

Sắp xếp các bước sau:

1. Tiếp nhận
2. Đánh giá
3. Lập kế hoạch
4. Thực hiện
`
};

/** Writes the course as `<dir>/<slug>/…` and returns its slug. */
export function writeTestCourse(dir: string, slug = 'khoa-xuat-thu'): string {
	for (const [name, text] of Object.entries(files)) {
		const file = path.join(dir, slug, name);
		mkdirSync(path.dirname(file), { recursive: true });
		writeFileSync(file, text);
	}
	return slug;
}
