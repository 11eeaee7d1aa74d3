// What demo learners write on the discussion boards: a few dozen sentences about commune work,
// per module, combined at random. Respectful and non-stigmatising, as the course asks of real
// learners ("người bán dâm", never a slur), and never a detail that could identify anyone.
import type { DemoPerson } from './people';
import type { Dice } from './dice';

interface Talk {
	titles: readonly string[];
	/** experiences and opinions; "{place}" becomes the writer's commune or ward */
	points: readonly string[];
}

const PLATFORM: Talk = {
	titles: [
		'Chào cả lớp',
		'Học trên điện thoại có tiện không?',
		'Hỏi về cách làm lại bài kiểm tra',
		'Cảm ơn ban tổ chức lớp học',
		'Kinh nghiệm sắp xếp thời gian học'
	],
	points: [
		'Tôi học chủ yếu trên điện thoại vào buổi tối, chữ hiển thị rõ, không phải phóng to.',
		'Hôm trước tôi đang đọc dở thì mất mạng, lúc vào lại vẫn học tiếp được đúng chỗ cũ.',
		'Mỗi bài kiểm tra được làm tối đa ba lần và lấy điểm cao nhất, nên các anh chị cứ đọc kỹ bài rồi hãy làm.',
		'Ở {place}, mấy chị em trong Hội hẹn nhau học vào giờ nghỉ trưa rồi trao đổi thêm.',
		'Tôi đã thêm trang học vào màn hình chính của điện thoại để mở cho nhanh.',
		'Sau lớp tập huấn năm 2022 có nhiều văn bản mới, học lại thế này rất có ích cho công việc.'
	]
};

const BY_MODULE: Record<string, Talk> = {
	'lam-quen': PLATFORM,
	'tinh-hinh-va-khung-phap-ly': {
		titles: [
			'Quy trình phối hợp khi phát hiện dấu hiệu mại dâm',
			'Giữ bí mật khi làm nhiệm vụ kiểm tra',
			'Giải thích cho người dân về vi phạm hành chính và tội phạm',
			'Đầu mối báo cáo sau khi không còn cấp huyện',
			'Hỏi về Nghị định 282/2025/NĐ-CP'
		],
		points: [
			'Ở {place}, từ khi không còn cấp huyện, thông tin về cơ sở kinh doanh có dấu hiệu vi phạm được báo thẳng cho công an xã và UBND xã, nhưng phối hợp với trạm y tế vẫn còn chậm.',
			'Chúng tôi đã rà soát lại danh bạ đầu mối sau khi sắp xếp đơn vị hành chính, nhiều số điện thoại cũ không còn dùng được.',
			'Khó nhất với tôi là vừa làm nhiệm vụ kiểm tra, vừa phải giữ bí mật thông tin cá nhân của người bán dâm.',
			'Nhiều người dân vẫn nghĩ bán dâm là tội phạm, trong khi đây là vi phạm hành chính; tôi thường phải giải thích lại trong các buổi họp thôn.',
			'Tôi đề xuất xã có một quy trình ngắn, in trên một trang giấy, để ai nhận thông tin đầu tiên cũng biết cần báo cho ai.',
			'Tôi đã cập nhật lại tài liệu tuyên truyền của xã theo Nghị định 282/2025/NĐ-CP thay cho Nghị định 144/2021/NĐ-CP.'
		]
	},
	'giam-hai-hiv-benh-xa-hoi': {
		titles: [
			'Xét nghiệm HIV kín đáo ở xã',
			'Trả lời ý kiến phản đối phát bao cao su',
			'Danh bạ chuyển gửi dịch vụ y tế',
			'Kết nối với dịch vụ PrEP',
			'Bảo mật kết quả xét nghiệm'
		],
		points: [
			'Trạm y tế {place} đã có điểm tư vấn xét nghiệm HIV, nhưng nhiều người ngại đến vì sợ gặp người quen.',
			'Khi có người phản đối việc phát bao cao su, tôi giải thích rằng đây là biện pháp y tế công cộng được pháp luật quy định, bảo vệ sức khỏe cho cả cộng đồng.',
			'Chúng tôi phối hợp với nhóm đồng đẳng để giới thiệu người bán dâm đến dịch vụ PrEP của tỉnh, có người đi cùng nếu họ muốn.',
			'Danh bạ chuyển gửi của xã còn thiếu địa chỉ xét nghiệm kín đáo ngoài giờ hành chính.',
			'Theo tôi, quan trọng nhất là giữ bí mật kết quả xét nghiệm; chỉ một lần lộ thông tin là mất lòng tin.',
			'Tôi thấy nên dùng lời lẽ trung tính khi truyền thông về HIV, tránh những từ khiến người nghe thấy bị chỉ trích.'
		]
	},
	'phong-ngua-bao-luc': {
		titles: [
			'Khi người bị bạo lực tìm đến cán bộ',
			'Xã còn thiếu nơi tạm lánh',
			'Cùng lập kế hoạch an toàn',
			'Dấu hiệu mua bán người cần báo công an',
			'Làm sao để người bán dâm tin tưởng cán bộ'
		],
		points: [
			'Có lần một chị bị đánh tìm đến Hội Phụ nữ vào buổi tối; chúng tôi đưa chị đến trạm y tế trước, rồi báo công an khi chị đồng ý.',
			'Ở {place} đã có số điện thoại của công an xã và trạm y tế, nhưng chưa có địa chỉ nơi tạm lánh gần nhất.',
			'Tôi học được rằng phải hỏi người bị bạo lực muốn gì trước, không tự quyết định thay họ.',
			'Để người bán dâm tin tưởng, cán bộ cần giữ đúng lời hứa về bảo mật và không phán xét khi họ kể chuyện.',
			'Chúng tôi đã cùng một chị lập kế hoạch an toàn đơn giản: số điện thoại cần gọi, nơi có thể đến, người có thể nhờ.',
			'Nếu thấy dấu hiệu bị giữ giấy tờ hoặc bị ép làm việc để trả nợ, chúng tôi báo ngay cho công an vì đó có thể là mua bán người.'
		]
	},
	'xa-phuong-lanh-manh': {
		titles: [
			'Dấu hiệu mô hình xã lành mạnh thật sự hiệu quả',
			'Không xua đuổi ai trước đợt đánh giá',
			'Báo cáo mô hình khi không còn cấp huyện',
			'Vai trò của Đoàn Thanh niên trong mô hình',
			'Họp Ban Chỉ đạo xã có mời trạm y tế'
		],
		points: [
			'Theo tôi, dấu hiệu tốt là người dân biết nơi tìm hỗ trợ, chứ không phải báo cáo ghi "không có vụ việc".',
			'Có ý kiến muốn "làm sạch" địa bàn trước đợt đánh giá, nhưng {place} đã thống nhất không xua đuổi ai.',
			'Từ khi không còn cấp huyện, báo cáo mô hình của xã gửi thẳng lên sở; chúng tôi đang chờ hướng dẫn mẫu báo cáo mới.',
			'Đoàn Thanh niên xã tổ chức tuyên truyền ở các khu nhà trọ công nhân, lồng ghép cả nội dung phòng, chống mua bán người.',
			'Ban Chỉ đạo xã họp mỗi quý, có mời trạm y tế và nhóm đồng đẳng cùng tham gia.',
			'Danh sách người được hỗ trợ chỉ cán bộ phụ trách giữ, không đưa vào báo cáo chấm điểm.'
		]
	},
	'cong-tac-xa-hoi-hoa-nhap': {
		titles: [
			'Nơi gặp người cần hỗ trợ cho kín đáo',
			'Khi gia đình chưa chấp nhận',
			'Tôn trọng quyền tự quyết',
			'Kết nối trợ giúp pháp lý',
			'Một trường hợp hòa nhập tiến triển tốt'
		],
		points: [
			'Ở {place}, chúng tôi gặp người cần hỗ trợ ở phòng tư vấn của trạm y tế cho kín đáo, không gặp ở trụ sở UBND.',
			'Một trường hợp tôi theo dõi đã học xong lớp nghề may và có việc làm ổn định; điều giúp nhiều nhất là gia đình chị dần chấp nhận.',
			'Khó khăn lớn nhất là hàng xóm còn dị nghị, nên chúng tôi làm việc với tổ trưởng dân phố để giảm kỳ thị.',
			'Tôi luôn tự nhắc mình: kế hoạch hỗ trợ là của người được hỗ trợ, cán bộ chỉ đồng hành.',
			'Hồ sơ trường hợp chúng tôi cất trong tủ có khóa, chỉ cán bộ phụ trách được xem.',
			'Dịch vụ còn thiếu ở xã là trợ giúp pháp lý; chúng tôi phải kết nối với trung tâm của tỉnh.'
		]
	},
	'long-ghep-chuong-trinh': {
		titles: [
			'Lồng ghép vào chương trình giảm nghèo',
			'Chỉ số theo dõi cho kế hoạch năm',
			'Giới thiệu học nghề mà không để lộ danh tính',
			'Kinh phí cho hoạt động lồng ghép',
			'Phiếu kế hoạch lồng ghép của xã'
		],
		points: [
			'Chúng tôi đề xuất lồng ghép vào chương trình giảm nghèo: mở một lớp nghề ngắn hạn, Hội Phụ nữ chủ trì, trạm y tế phối hợp tư vấn sức khỏe.',
			'Chỉ số theo dõi chúng tôi chọn là số người được giới thiệu học nghề và số người có việc làm sau sáu tháng.',
			'Khi giới thiệu người bán dâm vào lớp học nghề, chúng tôi không ghi lý do trong danh sách chung để họ không bị nhận diện.',
			'Lồng ghép với chương trình phòng, chống HIV/AIDS là dễ nhất vì đã có sẵn mạng lưới đồng đẳng.',
			'Kế hoạch năm tới của {place} sẽ có một dòng riêng cho hoạt động này, phân công rõ ai chủ trì, ai phối hợp.',
			'Kinh phí có thể lồng vào các chương trình mục tiêu quốc gia đang triển khai ở xã, không cần chờ một chương trình riêng.'
		]
	},
	'thao-luan-chia-se': {
		titles: [
			'Tình huống khó nhất tôi từng gặp',
			'Kỳ thị vẫn là khó khăn lớn',
			'Một lần phối hợp thành công',
			'Mại dâm qua mạng ở địa phương',
			'Điều tôi cần hỗ trợ trong năm tới',
			'Bài học sau một năm làm công tác xã hội'
		],
		points: [
			'Tình huống khó nhất tôi gặp là một chị muốn nghỉ làm nhưng đang nợ tiền chủ cơ sở; chúng tôi kết nối chị với trợ giúp pháp lý và hỗ trợ vay vốn học nghề.',
			'Điểm yếu tôi thấy rõ nhất ở {place} là kỳ thị; nhiều người vẫn dùng lời lẽ xúc phạm khi nói về người bán dâm.',
			'Một lần phối hợp tốt là giữa công an xã và trạm y tế: khi kiểm tra cơ sở, công an mời cán bộ y tế đi cùng để tư vấn sức khỏe.',
			'Mại dâm qua mạng khó tiếp cận hơn; chúng tôi đang nhờ nhóm đồng đẳng chia sẻ thông tin dịch vụ trên các nhóm mạng xã hội.',
			'Năm tới tôi cần nhất là biểu mẫu báo cáo thống nhất và một đầu mối liên hệ ở tỉnh.',
			'Nếu làm lại, tôi sẽ hỏi ý kiến người được hỗ trợ sớm hơn, thay vì tự lên kế hoạch rồi mới trao đổi.',
			'Từ khi Bộ Y tế chủ trì, việc kết nối với trạm y tế thuận hơn, nhưng nguồn lực cho hoạt động hỗ trợ vẫn còn ít.'
		]
	}
};

/** For modules of other courses: sentences about commune work in general. */
const ANY_MODULE: Talk = {
	titles: ['Chia sẻ kinh nghiệm ở cơ sở', 'Câu hỏi về bài học', 'Khó khăn khi áp dụng ở xã'],
	points: [
		'Ở {place}, chúng tôi đã thử áp dụng nội dung bài học trong buổi sinh hoạt của chi hội.',
		'Phần tình huống trong bài rất gần với thực tế ở xã, phường.',
		'Tôi muốn hỏi thêm các anh chị cách phối hợp với trạm y tế khi có người cần hỗ trợ.',
		'Theo tôi, cán bộ cơ sở cần được cập nhật văn bản mới thường xuyên hơn.'
	]
};

const GREETINGS = ['Chào các anh chị,', 'Xin chào cả lớp,', 'Chào mọi người,', 'Kính chào các anh chị trong lớp,'];
const CLOSINGS = [
	'Các anh chị ở xã, phường khác làm thế nào, xin chia sẻ thêm.',
	'Mong nhận được góp ý của các anh chị.',
	'Không biết xã, phường nào đã có kinh nghiệm về việc này?',
	'Tôi rất muốn học hỏi cách làm của các đồng nghiệp.',
	'Xin cảm ơn cả lớp.'
];
const REPLY_OPENINGS = [
	'Cảm ơn anh/chị đã chia sẻ.',
	'Tôi đồng ý với ý kiến trên.',
	'Ở xã tôi cũng gặp tình huống tương tự.',
	'Bài viết rất thiết thực, cảm ơn anh/chị.',
	'Xin bổ sung thêm một ý.',
	'Cảm ơn anh/chị, tôi học được nhiều từ cách làm này.'
];
const REPLY_CLOSINGS = ['Chúc anh/chị và các đồng nghiệp làm tốt.', 'Hy vọng kinh nghiệm này có ích.', '', ''];

const TRAINER_NOTES = [
	'Cách làm anh/chị nêu đúng tinh thần tiếp cận dựa trên quyền: hỏi ý kiến và tôn trọng quyết định của người được hỗ trợ.',
	'Khi kể tình huống trên diễn đàn, xin các anh chị tiếp tục giữ bí mật: không nêu tên, địa chỉ hay chi tiết khiến người khác nhận ra.',
	'Nội dung này được trình bày kỹ trong bài học; anh/chị có thể xem lại trước khi làm bài kiểm tra.',
	'Đây là khó khăn chung của nhiều xã, phường sau khi không còn cấp huyện; tôi sẽ tổng hợp để gửi đơn vị đầu mối của tỉnh.'
];

function talkOf(moduleSlug: string | null): Talk {
	if (moduleSlug === null) return PLATFORM;
	return BY_MODULE[moduleSlug] ?? ANY_MODULE;
}

const fill = (sentence: string, person: DemoPerson) => sentence.replaceAll('{place}', person.commune);

/** A new thread: a title not yet used on this board (else marked with the writer's place), and a body. */
export function threadText(
	dice: Dice,
	moduleSlug: string | null,
	person: DemoPerson,
	titlesOnBoard: ReadonlySet<string>
): { title: string; bodyMd: string } {
	const talk = talkOf(moduleSlug);
	const fresh = talk.titles.filter((title) => !titlesOnBoard.has(title));
	const title = fresh.length > 0 ? dice.pick(fresh) : `${dice.pick(talk.titles)} (${person.commune})`;
	const [first, second] = dice.shuffle(talk.points);
	const intro = dice.chance(0.6) ? `Tôi công tác ở ${person.organisation}. ` : '';
	const paragraphs = [dice.pick(GREETINGS), `${intro}${fill(first!, person)}`];
	if (second && dice.chance(0.6)) paragraphs.push(fill(second, person));
	paragraphs.push(dice.pick(CLOSINGS));
	return { title, bodyMd: paragraphs.join('\n\n') };
}

export function replyText(dice: Dice, moduleSlug: string | null, person: DemoPerson): string {
	const point = fill(dice.pick(talkOf(moduleSlug).points), person);
	return [`${dice.pick(REPLY_OPENINGS)} ${point}`, dice.pick(REPLY_CLOSINGS)].filter(Boolean).join('\n\n');
}

export function trainerReplyText(dice: Dice): string {
	return [
		'Cảm ơn anh/chị đã chia sẻ rất cụ thể.',
		dice.pick(TRAINER_NOTES),
		'Mời các anh chị ở xã, phường khác cùng trao đổi thêm.'
	].join('\n\n');
}

export const WELCOME_THREAD = {
	title: 'Chào mừng các anh chị đến với lớp học trực tuyến',
	bodyMd: [
		'Chào các anh chị,',
		'Đây là nơi cả lớp trao đổi chung. Mỗi học phần còn có diễn đàn riêng với các câu hỏi thảo luận của học phần đó.',
		'Khi kể tình huống, xin các anh chị không nêu tên, địa chỉ hay chi tiết khiến người khác nhận ra người được nhắc đến.',
		'Chúc các anh chị học tốt!'
	].join('\n\n')
};
