// Passwords that appear at the top of every leaked-password list, plus the ones
// Vietnamese users pick most often. Refused outright whatever their length.
export const COMMON_PASSWORDS = new Set([
	'12345678', '123456789', '1234567890', '12345678910', '87654321', '11111111', '00000000',
	'88888888', '66666666', '99999999', '123123123', '11223344', '12341234', '147258369',
	'123456789a', '123456aa', 'a12345678', 'abc12345', 'abcd1234', 'qwertyui', 'qwerty123',
	'qwertyuiop', '1q2w3e4r', '1qaz2wsx', 'zaq12wsx', 'asdfghjk', 'zxcvbnm1', 'password',
	'password1', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'iloveyou', 'iloveyou1',
	'sunshine', 'princess', 'football', 'baseball', 'welcome1', 'welcome123', 'admin123',
	'administrator', 'letmein1', 'trustno1', 'superman', 'starwars', 'whatever', 'computer',
	'internet', 'dragon12', 'master12', 'monkey12', 'changeme', 'secret123', 'matkhau',
	'matkhau1', 'matkhau123', 'matkhaumoi', 'anhyeuem', 'emyeuanh', 'anhyeuem1', 'yeuemnhieu',
	'vietnam1', 'vietnam123', 'hanoi123', 'saigon123', 'hungyen1', 'hungyen123', 'thaibinh1',
	'taphuan1', 'taphuan123', 'hoilhpn1', 'doanthanhnien', 'xinchao1', 'xinchao123',
	'congan123', 'ubnd1234', 'ubndxa123', '12345678a', '123456abc', 'abc123456', 'aa123456',
	'qwe12345', 'asd12345', 'zxc12345', 'a1b2c3d4', 'q1w2e3r4', 'iloveu123', 'loveyou1'
]);
