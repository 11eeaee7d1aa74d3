// What the command-line tools say, in Vietnamese and English (chosen by cliLocale()).
import type { Locale } from '$lib/i18n';

const vi = {
	usage: `Cách dùng: npm run admin -- <lệnh> [tuỳ chọn]

Các lệnh:
  create-user      tạo tài khoản (học viên, giảng viên hoặc quản trị viên)
  reset-password   đặt mật khẩu tạm thời cho một tài khoản
  create-cohort    tạo lớp tập huấn với mã lớp
  backup           sao lưu cơ sở dữ liệu ra một tệp (khi máy chủ đang chạy cũng được)
  verify           kiểm tra một bản sao lưu (hoặc tệp cơ sở dữ liệu) mà không sửa gì
  scorm-import     thêm gói SCORM (.zip) vào một học phần
  scorm-replace    thay gói SCORM đã thêm bằng phiên bản mới (giữ kết quả học)
  scorm-list       liệt kê các gói SCORM đã thêm

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
	scormImportHelp: `Cách dùng: npm run admin -- scorm-import --file <gói.zip> --course <thư-mục-khoá-học> --module <học-phần> [--title "<Tên hiển thị>"]
Học phần viết như trong địa chỉ trang, không có số đầu (ví dụ tinh-hinh-va-khung-phap-ly).`,
	scormReplaceHelp: `Cách dùng: npm run admin -- scorm-replace --file <gói.zip> --attachment <số>
Số của gói xem bằng lệnh scorm-list. Kết quả học được giữ cho các phần có cùng mã trong phiên bản mới.`,
	scormListHelp: 'Cách dùng: npm run admin -- scorm-list',
	scormPlaced: 'Đã đặt gói “{title}” ({n} phần) vào {course}/{module} — số #{id}.',
	scormNone: 'Chưa có gói SCORM nào.',
	noSuchFile: 'Không có tệp {file}.',
	noSuchModule: 'Khoá học không có học phần “{name}” (các học phần: {known}).',
	noSuchAttachment: 'Không có gói SCORM số #{id} (xem: npm run admin -- scorm-list).',
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
	backupDone: 'Đã sao lưu {pages} trang vào {path}.',
	verifyHelp: `Cách dùng: npm run admin -- verify --file <tệp.db>
Kiểm tra tính toàn vẹn (integrity_check, khoá ngoại) của một bản sao lưu mà không sửa tệp, rồi in số tài khoản,
lượt làm bài, bài viết và thời điểm hoạt động gần nhất trong đó. Tệp rỗng, tệp không đọc được hoặc không có các bảng
của taphuan đều bị coi là hỏng (mã thoát 2).`,
	verifyMissing: 'Không có tệp “{path}”.',
	verifyBroken: 'Tệp “{path}” bị hỏng ({detail}). Đừng dùng bản này để khôi phục; hãy dùng bản sao lưu trước đó.',
	verifyEmpty: 'tệp rỗng, 0 byte: bản sao lưu bị dừng ngay khi vừa tạo tệp',
	verifyNotOurs: 'không phải cơ sở dữ liệu taphuan: thiếu bảng {tables}',
	verifyDone: 'Tệp “{path}” nguyên vẹn: {users} tài khoản, {attempts} lượt làm bài, {posts} bài viết; hoạt động gần nhất lúc {newest}.',
	demoHelp: `Cách dùng: npm run demo -- [tuỳ chọn]

Tạo một lớp mẫu với học viên giả, tiến độ học, bài kiểm tra và bài thảo luận đa dạng, để thử
nền tảng và xem các trang theo dõi hoạt động. Chỉ dùng để thử, không dùng trên máy chủ thật.

Tuỳ chọn:
  --learners <N>      số học viên (mặc định 300)
  --cohorts <K>       số lớp, học viên chia đều (mặc định 1)
  --code <MÃ>         mã lớp; nhiều lớp thì MÃ-1, MÃ-2… (mặc định DEMO); tên đăng nhập demo.0001…
  --days <D>          hoạt động trải trong D ngày gần đây (mặc định 28)
  --seed <S>          cùng seed cho cùng dữ liệu (mặc định 1)
  --password <MK>     mật khẩu chung của mọi học viên mẫu (mặc định {password})
  --trainer <tên>     gắn một giảng viên đã có vào các lớp mẫu
  --course <thư-mục>  khoá học (mặc định {course})
Cơ sở dữ liệu: DATABASE_PATH (mặc định data/taphuan.db); khoá học: COURSES_DIR.`,
	badNumber: 'Tuỳ chọn --{name} phải là số nguyên từ {min} đến {max}.',
	demoBadCode: 'Mã lớp gồm chữ không dấu, số và dấu gạch ngang, dài 3–{max} ký tự (để còn chỗ cho số thứ tự).',
	demoNoCourse: 'Khoá học “{name}” chưa được nạp (khoá đã nạp: {known}). Chạy npm run courses:check để xem lỗi.',
	demoCodeTaken: 'Mã lớp {codes} đã có: dữ liệu mẫu đã được tạo rồi? Chọn mã khác bằng --code.',
	demoUsernamesTaken: 'Tên đăng nhập {names} đã có người dùng. Chọn mã khác bằng --code.',
	demoWorking: 'Đang tạo dữ liệu mẫu: {learners} học viên, {cohorts} lớp, hoạt động trong {days} ngày…',
	demoDone: `Đã tạo dữ liệu mẫu trong {seconds} giây (seed {seed}).
  Lớp: {cohorts}
  Học viên: {learners} — chưa bắt đầu {notStarted}, đang học {inProgress}, đã hoàn thành khoá {completed}; {failing} người có bài kiểm tra chưa đạt
  Bài kiểm tra: {attempts} lần làm ({open} lần đang làm dở)
  Thảo luận: {threads} chủ đề, {posts} bài viết
  Sự kiện học tập: {events}
  Giấy chứng nhận mẫu: {certificates} (cơ quan cấp ghi rõ là dữ liệu thử, số hiệu DEMO-…)
  Danh bạ hỗ trợ: thêm {directory} mục ví dụ (tên có “(ví dụ)”, số điện thoại toàn số 0; xoá đi trước khi dùng thật)
Mọi học viên mẫu dùng chung mật khẩu “{password}”. Đăng nhập thử: {examples}.`,
	demoExample: '{username} ({state})',
	demoStateNotStarted: 'chưa bắt đầu',
	demoStateInProgress: 'đang học',
	demoStateCompleted: 'đã hoàn thành',
	demoStateFailing: 'có bài chưa đạt',
	demoNoAdmin: 'Chưa có quản trị viên: mở trang web để tạo tài khoản quản trị đầu tiên, rồi vào Quản lý lớp để xem lớp mẫu.',
	demoSeeDashboards: 'Quản trị viên (và giảng viên của lớp) xem lớp mẫu ở Quản lý lớp.',
	demoDatabase: 'Cơ sở dữ liệu: {path}',
	scormExportHelp: `Cách dùng: npm run scorm:export -- <thư-mục-khoá-học> [--out <tệp.zip>] [--courses <thư-mục>]

Đóng gói một khoá học Markdown thành gói SCORM 1.2 (.zip) để đưa lên hệ thống quản lý học tập
(LMS) khác: mỗi học phần là một trang, bài kiểm tra được chấm ngay trên trang. Lưu ý: đáp án
nằm trong gói (LMS nào cũng chấm được mà không cần máy chủ taphuan), nên người xem mã nguồn
trang có thể thấy đáp án.

Tuỳ chọn:
  --out <tệp.zip>        nơi ghi gói (mặc định <thư-mục-khoá-học>-scorm12.zip)
  --courses <thư-mục>    thư mục chứa các khoá học (mặc định COURSES_DIR hoặc ./courses)`,
	scormExportNoCourse: 'Hãy cho biết khoá học cần đóng gói, ví dụ: npm run scorm:export -- {example}',
	scormExportUnknownCourse: 'Không có khoá học “{name}” trong {dir} (các khoá có: {known}).',
	scormExportBroken: 'Khoá học “{name}” còn {count} lỗi (xem ở trên) nên chưa đóng gói được. Sửa các lỗi rồi chạy lại; npm run courses:check liệt kê lỗi của mọi khoá.',
	scormExportDone: 'Đã đóng gói “{title}”: {scos} học phần, {files} tệp, {size} → {path}'
};

const en: typeof vi = {
	usage: `Usage: npm run admin -- <command> [options]

Commands:
  create-user      create an account (learner, trainer or admin)
  reset-password   give an account a temporary password
  create-cohort    create a training cohort with an enrolment code
  backup           back the database up to a file (safe while the server runs)
  verify           check a backup (or any database file) without changing it
  scorm-import     add a SCORM package (.zip) to a module
  scorm-replace    replace a placed SCORM package with a new version (results kept)
  scorm-list       list the SCORM packages placed in modules

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
	scormImportHelp: `Usage: npm run admin -- scorm-import --file <package.zip> --course <course-folder> --module <module> [--title "<Display title>"]
The module as in the page address, without its number (e.g. tinh-hinh-va-khung-phap-ly).`,
	scormReplaceHelp: `Usage: npm run admin -- scorm-replace --file <package.zip> --attachment <number>
See the numbers with scorm-list. Results are kept for the parts whose identifier is the same in the new version.`,
	scormListHelp: 'Usage: npm run admin -- scorm-list',
	scormPlaced: 'Placed “{title}” ({n} part(s)) in {course}/{module} — number #{id}.',
	scormNone: 'No SCORM package has been added yet.',
	noSuchFile: 'There is no file {file}.',
	noSuchModule: 'The course has no module “{name}” (its modules: {known}).',
	noSuchAttachment: 'There is no SCORM package #{id} (see: npm run admin -- scorm-list).',
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
	backupDone: 'Backed up {pages} pages to {path}.',
	verifyHelp: `Usage: npm run admin -- verify --file <file.db>
Checks a backup's integrity (integrity_check, foreign keys) without changing the file, then prints how many
accounts, quiz attempts and posts it holds and when its latest activity was. An empty file, a file SQLite cannot
read and one without taphuan's tables all count as damaged (exit code 2).`,
	verifyMissing: 'There is no file “{path}”.',
	verifyBroken: 'The file “{path}” is damaged ({detail}). Do not restore from it; use the backup before it.',
	verifyEmpty: 'the file is empty, 0 bytes: the backup was stopped right after creating it',
	verifyNotOurs: 'not a taphuan database: missing tables {tables}',
	verifyDone: 'The file “{path}” is intact: {users} accounts, {attempts} quiz attempts, {posts} posts; latest activity at {newest}.',
	demoHelp: `Usage: npm run demo -- [options]

Creates a demo cohort of made-up learners with varied progress, quiz attempts and discussion
posts, to try the platform and see its dashboards at work. For trying only, never on a real server.

Options:
  --learners <N>       number of learners (default 300)
  --cohorts <K>        number of cohorts, learners split evenly (default 1)
  --code <CODE>        cohort code; CODE-1, CODE-2… for several (default DEMO); usernames demo.0001…
  --days <D>           activity spread over the last D days (default 28)
  --seed <S>           the same seed gives the same data (default 1)
  --password <P>       the password every demo learner shares (default {password})
  --trainer <username> attach an existing trainer to the demo cohorts
  --course <folder>    the course (default {course})
Database: DATABASE_PATH (default data/taphuan.db); courses: COURSES_DIR.`,
	badNumber: 'The option --{name} must be a whole number from {min} to {max}.',
	demoBadCode: 'A cohort code has 3–{max} characters: unaccented letters, digits and dashes (leaving room for numbering).',
	demoNoCourse: 'The course “{name}” is not loaded (loaded: {known}). Run npm run courses:check to see why.',
	demoCodeTaken: 'The cohort code {codes} exists already: was the demo created before? Choose another with --code.',
	demoUsernamesTaken: 'The usernames {names} are taken. Choose another code with --code.',
	demoWorking: 'Creating demo data: {learners} learners, {cohorts} cohort(s), activity over {days} days…',
	demoDone: `Demo data created in {seconds} s (seed {seed}).
  Cohorts: {cohorts}
  Learners: {learners} — not started {notStarted}, in progress {inProgress}, course completed {completed}; {failing} with a quiz not passed
  Quizzes: {attempts} attempts ({open} still open)
  Discussions: {threads} threads, {posts} posts
  Learning events: {events}
  Demo certificates: {certificates} (their issuer says they are test data; serials DEMO-…)
  Support directory: {directory} example entries added (named “(ví dụ)”, phone numbers all zeros; delete them before real use)
Every demo learner's password is “{password}”. Try signing in as: {examples}.`,
	demoExample: '{username} ({state})',
	demoStateNotStarted: 'not started',
	demoStateInProgress: 'in progress',
	demoStateCompleted: 'completed',
	demoStateFailing: 'a quiz not passed',
	demoNoAdmin: 'No administrator yet: open the site to create the first one, then see the demo cohort under Manage cohorts.',
	demoSeeDashboards: 'Administrators (and the cohort’s trainer) see the demo cohort under Manage cohorts.',
	demoDatabase: 'Database: {path}',
	scormExportHelp: `Usage: npm run scorm:export -- <course-folder> [--out <file.zip>] [--courses <folder>]

Packs one Markdown course as a SCORM 1.2 package (.zip) for another learning management system
(LMS): one page per module, each quiz graded in its page. Note: the answer key travels inside
the package (so any LMS can grade it without a taphuan server), and whoever reads a page's
source can find the answers.

Options:
  --out <file.zip>       where to write the package (default <course-folder>-scorm12.zip)
  --courses <folder>     the folder holding the courses (default COURSES_DIR or ./courses)`,
	scormExportNoCourse: 'Say which course to pack, for example: npm run scorm:export -- {example}',
	scormExportUnknownCourse: 'There is no course “{name}” in {dir} (courses there: {known}).',
	scormExportBroken: 'The course “{name}” has {count} error(s) (listed above), so it was not packed. Fix them and run again; npm run courses:check lists the errors of every course.',
	scormExportDone: 'Packed “{title}”: {scos} modules, {files} files, {size} → {path}'
};

export type CliMessage = keyof typeof vi;

export function cliMessage(locale: Locale, key: CliMessage, params: Record<string, string | number> = {}) {
	const text = (locale === 'en' ? en : vi)[key];
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
