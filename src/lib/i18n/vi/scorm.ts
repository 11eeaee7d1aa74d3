// Tiếng Việt, the SCORM player: what a learner sees around an interactive lesson.
export const messages = {
	'scorm.player.progress': 'Đã xong {done}/{total} phần của gói bài học',
	'scorm.player.progressLabel': 'Tiến độ gói bài học',
	'scorm.player.needsScript': 'Bài học tương tác này cần bật JavaScript trong trình duyệt.',
	'scorm.player.failed': 'Không mở được bài học. Hãy tải lại trang; nếu vẫn lỗi, hãy báo cho giảng viên.',
	'scorm.player.loading': 'Đang mở bài học…',
	'scorm.player.saved': 'Đã lưu kết quả học.',
	'scorm.player.notSaved': 'Chưa lưu được kết quả. Hãy kiểm tra kết nối mạng và đừng đóng trang.',
	'scorm.player.pager': 'Chuyển phần',
	'scorm.player.exit': 'Thoát về học phần',
	'scorm.player.finished': 'Anh/chị đã kết thúc phần này. Kết quả đã được gửi về hệ thống.',
	'scorm.player.nextPart': 'Phần tiếp theo',
	'scorm.player.continue': 'Tiếp tục',
	'scorm.player.previous': 'Quay lại',
	'scorm.player.packageStatus': 'Kết quả cả gói:',
	'scorm.player.ended': 'Anh/chị đã đi hết gói bài học này. Kết quả đã được lưu.',
	'scorm.player.endedTitle': 'Đã kết thúc gói bài học',
	'scorm.player.navRefused': 'Gói bài học không cho phép bước này lúc này.',
	'scorm.toc.inOrder': 'học theo thứ tự',
	'scorm.toc.closed': 'chưa mở',
	'scorm.status.passed': 'Đạt',
	'scorm.status.failed': 'Chưa đạt'
};
