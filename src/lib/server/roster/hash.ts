// Hashing a whole roster. argon2 is slow on purpose (~20 ms a password here); @node-rs/argon2
// runs each hash on libuv's thread pool, so hashes run side by side instead of one by one.
// At most a few at a time: the pool has 4 threads by default, and other people's sign-ins and
// file reads queue on the same pool, so one thread is always left for them.
import { availableParallelism } from 'node:os';
import { hashPassword } from '../auth/password';

export const HASH_CONCURRENCY = Math.max(1, Math.min(availableParallelism(), 3));

export async function hashPasswords(passwords: string[], concurrency = HASH_CONCURRENCY): Promise<string[]> {
	const hashes: string[] = new Array(passwords.length);
	let next = 0;
	const worker = async () => {
		while (next < passwords.length) {
			const i = next++;
			hashes[i] = await hashPassword(passwords[i]!);
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, passwords.length) }, worker));
	return hashes;
}
