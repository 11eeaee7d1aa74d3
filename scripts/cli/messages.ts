// What the admin CLI says, in Vietnamese and English (chosen by cliLocale()).
import type { Locale } from '$lib/i18n';

const vi = {
	usage: `Cách dùng: npm run admin -- <lệnh> [tuỳ chọn]

Các lệnh:
  create-user      tạo tài khoản (học viên, giảng viên hoặc quản trị viên)
  reset-password   đặt mật khẩu tạm thời cho một tài khoản
  create-cohort    tạo lớp tập huấn với mã lớp
  backup           sao lưu cơ sở dữ liệu ra một tệp (khi máy chủ đang chạy cũng được)

Xem tuỳ chọn của một lệnh: npm run admin -- <lệnh> --help
Cơ sở dữ liệu: biến môi trường DATABASE_PATH (mặc định data/taphuan.db).`,
	createUserHelp: `Cách dùng: npm run admin -- create-user --username <tên> --name "<Họ và tên>" --role <learner|trainer|admin>
  [--password <mật khẩu>] [--organisation "<đơn vị>"] [--commune "<xã/phường>"] [--province "<tỉnh>"]
Không có --password: hệ thống tạo mật khẩu tạm thời và người dùng phải đổi khi đăng nhập.`,
	resetPasswordHelp: `Cách dùng: npm run admin -- reset-password --username <tên>
In ra mật khẩu tạm thời; người dùng phải đổi khi đăng nhập. Mọi phiên đăng nhập cũ bị huỷ.`,
	createCohortHelp: `Cách dùng: npm run admin -- create-cohort --name "<Tên lớp>" --code <MÃ-LỚP> --course <thư-mục-khoá-học> [--course ...] [--trainer <tên đăng nhập> ...]`,
	backupHelp: `Cách dùng: npm run admin -- backup --out <tệp.db>
Sao lưu trực tuyến bằng API backup của SQLite: an toàn khi máy chủ đang chạy.`,
	unknownCommand: 'Không có lệnh “{name}”.',
	missingOption: 'Thiếu tuỳ chọn --{name}.',
	badOption: 'Tuỳ chọn không hợp lệ: {detail}',
	badRole: 'Vai trò phải là learner, trainer hoặc admin.',
	badUsername: 'Tên đăng nhập chỉ gồm chữ thường không dấu, số và . _ -, dài 3–32 ký tự.',
	usernameTaken: 'Tên đăng nhập “{name}” đã có người dùng.',
	weakPassword: 'Mật khẩu không đạt: cần ít nhất 8 ký tự và không quá dễ đoán.',
	userCreated: 'Đã tạo {role} “{name}”.',
	temporaryPassword: 'Mật khẩu tạm thời (phải đổi khi đăng nhập): {password}',
	noSuchUser: 'Không có tài khoản “{name}”.',
	passwordReset: 'Đã đặt lại mật khẩu cho “{name}”.',
	badCode: 'Mã lớp gồm 3–32 ký tự: chữ không dấu, số và dấu gạch ngang.',
	codeTaken: 'Mã lớp “{code}” đã được dùng.',
	noSuchCourse: 'Không có khoá học “{name}” (khoá đã nạp: {known}).',
	notTrainer: 'Tài khoản “{name}” không phải giảng viên.',
	cohortCreated: 'Đã tạo lớp “{name}” với mã {code}.',
	backupExists: 'Tệp “{path}” đã có. Chọn tên khác để không ghi đè bản sao lưu cũ.',
	backupDone: 'Đã sao lưu {pages} trang vào {path}.'
};

const en: typeof vi = {
	usage: `Usage: npm run admin -- <command> [options]

Commands:
  create-user      create an account (learner, trainer or admin)
  reset-password   give an account a temporary password
  create-cohort    create a training cohort with an enrolment code
  backup           back the database up to a file (safe while the server runs)

Options of one command: npm run admin -- <command> --help
Database: the DATABASE_PATH environment variable (default data/taphuan.db).`,
	createUserHelp: `Usage: npm run admin -- create-user --username <name> --name "<Full name>" --role <learner|trainer|admin>
  [--password <password>] [--organisation "<org>"] [--commune "<commune>"] [--province "<province>"]
Without --password a temporary password is generated and must be changed at sign-in.`,
	resetPasswordHelp: `Usage: npm run admin -- reset-password --username <name>
Prints a temporary password that must be changed at sign-in. Ends every existing session.`,
	createCohortHelp: `Usage: npm run admin -- create-cohort --name "<Cohort name>" --code <CODE> --course <course-folder> [--course ...] [--trainer <username> ...]`,
	backupHelp: `Usage: npm run admin -- backup --out <file.db>
Online backup with SQLite's backup API: safe while the server runs.`,
	unknownCommand: 'Unknown command “{name}”.',
	missingOption: 'Missing option --{name}.',
	badOption: 'Invalid option: {detail}',
	badRole: 'The role must be learner, trainer or admin.',
	badUsername: 'A username has 3–32 characters: lower-case unaccented letters, digits and . _ -.',
	usernameTaken: 'The username “{name}” is already taken.',
	weakPassword: 'Password refused: it needs at least 8 characters and must not be easy to guess.',
	userCreated: 'Created {role} “{name}”.',
	temporaryPassword: 'Temporary password (must be changed at sign-in): {password}',
	noSuchUser: 'No account named “{name}”.',
	passwordReset: 'Password reset for “{name}”.',
	badCode: 'A cohort code has 3–32 characters: unaccented letters, digits and dashes.',
	codeTaken: 'The cohort code “{code}” is already used.',
	noSuchCourse: 'No course “{name}” (loaded: {known}).',
	notTrainer: 'The account “{name}” is not a trainer.',
	cohortCreated: 'Created cohort “{name}” with code {code}.',
	backupExists: 'The file “{path}” exists. Choose another name so no earlier backup is overwritten.',
	backupDone: 'Backed up {pages} pages to {path}.'
};

export type CliMessage = keyof typeof vi;

export function cliMessage(locale: Locale, key: CliMessage, params: Record<string, string | number> = {}) {
	const text = (locale === 'en' ? en : vi)[key];
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
