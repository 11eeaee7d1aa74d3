// Made-up demo learners: Vietnamese names, the organisations that took part in the training
// (Hội LHPN, Đoàn TN, UBND, công an, trạm y tế, Đội CTXH) and invented communes and wards of
// Hưng Yên. No name here stands for a real person; no figure here claims anything about a place.
import type { Dice } from './dice';

export const DEMO_PROVINCE = 'Hưng Yên';

/** Family names, roughly as common as they are in the Red River delta. */
const FAMILY_NAMES: readonly (readonly [string, number])[] = [
	['Nguyễn', 34],
	['Trần', 11],
	['Lê', 9],
	['Phạm', 8],
	['Hoàng', 5],
	['Vũ', 5],
	['Đặng', 3],
	['Bùi', 3],
	['Đỗ', 3],
	['Ngô', 2],
	['Phan', 2],
	['Dương', 2],
	['Đào', 2],
	['Đinh', 1.5],
	['Lương', 1],
	['Trịnh', 1],
	['Mai', 1],
	['Tạ', 1],
	['Cao', 1],
	['Khúc', 1],
	['Lưu', 1],
	['Đoàn', 1],
	['Tô', 0.5],
	['Hà', 0.5]
];

interface NamePool {
	middle: readonly (readonly [string, number])[];
	given: readonly string[];
}

const WOMEN: NamePool = {
	middle: [
		['Thị', 60],
		['Thu', 6],
		['Thanh', 6],
		['Ngọc', 5],
		['Minh', 4],
		['Hồng', 4],
		['Thúy', 3],
		['Kim', 3],
		['Phương', 3],
		['Bích', 2],
		['Hải', 2],
		['Diệu', 2]
	],
	given: [
		'Lan', 'Hương', 'Hà', 'Hoa', 'Mai', 'Linh', 'Trang', 'Thảo', 'Huyền', 'Nga', 'Hằng', 'Yến',
		'Phương', 'Dung', 'Nhung', 'Thủy', 'Loan', 'Oanh', 'Liên', 'Hạnh', 'Ngọc', 'Thu', 'Vân',
		'Thơm', 'Tuyết', 'Giang', 'Hiền', 'Huệ', 'Quyên', 'Chi', 'Anh', 'Duyên', 'Lụa', 'Nhàn'
	]
};

const MEN: NamePool = {
	middle: [
		['Văn', 45],
		['Đức', 10],
		['Minh', 9],
		['Quang', 7],
		['Hữu', 6],
		['Công', 5],
		['Xuân', 5],
		['Thanh', 5],
		['Trọng', 4],
		['Tiến', 4],
		['Ngọc', 3]
	],
	given: [
		'Hùng', 'Dũng', 'Tuấn', 'Minh', 'Hải', 'Nam', 'Long', 'Sơn', 'Thắng', 'Cường', 'Đức', 'Hiếu',
		'Quân', 'Trung', 'Việt', 'Phong', 'Thành', 'Bình', 'Khánh', 'Tùng', 'Toàn', 'Kiên', 'Mạnh',
		'Tâm', 'Huy', 'Thịnh', 'Lâm', 'Vinh'
	]
};

/** Invented place names in the style of the province's communes ("xã") and wards ("phường"). */
export const COMMUNES: readonly string[] = [
	'xã An Vĩnh', 'xã Đông Hòa', 'xã Hòa Tiến', 'xã Tân Hưng', 'xã Minh Châu', 'xã Phú Thịnh',
	'xã Vĩnh Lạc', 'xã Đại Đồng', 'xã Hồng Quang', 'xã Quang Hưng', 'xã Thái Hòa', 'xã Tiên Phong',
	'xã Phúc Thành', 'xã Thuận Hưng', 'xã Châu Giang', 'xã Long Hưng', 'xã Thanh Long',
	'xã Trung Nghĩa', 'xã Bình Minh', 'xã Nam Tiến', 'xã Tây Lương', 'xã Hải Triều', 'xã Đồng Tâm',
	'xã Yên Phú', 'xã Tân Dân', 'xã An Lạc', 'xã Kim Thành', 'xã Vạn Phúc', 'xã Lạc Hồng',
	'xã Đông Xuân', 'phường Hòa Bình', 'phường Minh Khai', 'phường Tân Thành', 'phường Quang Trung',
	'phường Đông Thành', 'phường Bắc Hưng', 'phường Nam Phong', 'phường Thành Công'
];

/** Who took part in the 2022 training, and how many of each. */
const ORGANISATIONS: readonly (readonly [(place: string) => string, number, number])[] = [
	// [name of the organisation in a commune, weight, share of women]
	[(place) => `Hội LHPN ${place}`, 30, 1],
	[(place) => `Đoàn TN ${place}`, 14, 0.5],
	[(place) => `Phòng Văn hóa – Xã hội UBND ${place}`, 12, 0.55],
	[(place) => `UBND ${place}`, 6, 0.4],
	[(place) => `Công an ${place}`, 10, 0.2],
	[(place) => `Trạm y tế ${place}`, 12, 0.7],
	[(place) => `Đội CTXH tình nguyện ${place}`, 10, 0.6],
	[(place) => `Ủy ban MTTQ ${place}`, 3, 0.5],
	[() => `Sở Y tế tỉnh ${DEMO_PROVINCE}`, 3, 0.6]
];

export interface DemoPerson {
	displayName: string;
	organisation: string;
	commune: string;
	province: string;
}

export function makePerson(dice: Dice): DemoPerson {
	const commune = dice.pick(COMMUNES);
	const [organisationOf, , womenShare] = dice.weighted(
		ORGANISATIONS.map((entry) => [entry, entry[1]] as const)
	);
	const names = dice.chance(womenShare) ? WOMEN : MEN;
	const family = dice.weighted(FAMILY_NAMES);
	let middle = dice.weighted(names.middle);
	// "Nguyễn Thị Thu Hà": some women carry a second middle name
	if (names === WOMEN && middle === 'Thị' && dice.chance(0.15)) middle += ` ${dice.pick(['Thu', 'Thanh', 'Ngọc', 'Hồng'])}`;
	let given = dice.pick(names.given);
	if (middle.endsWith(given)) given = dice.pick(names.given.filter((name) => name !== given));
	return {
		displayName: `${family} ${middle} ${given}`,
		organisation: organisationOf(commune),
		commune,
		province: DEMO_PROVINCE
	};
}
