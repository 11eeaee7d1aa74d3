// How every command-line tool ends: 0 when it worked, 2 for a refusal the user can fix (printed
// as a plain sentence), 1 for anything unexpected (printed with its stack for a bug report).

/** A refusal the user can fix; printed without a stack trace, exit code 2. */
export class UsageError extends Error {}

export async function exitCodeOf(task: () => void | Promise<void>, fail: (line: string) => void): Promise<number> {
	try {
		await task();
		return 0;
	} catch (error) {
		if (error instanceof UsageError) {
			fail(error.message);
			return 2;
		}
		fail(String((error as Error).stack ?? error));
		return 1;
	}
}
