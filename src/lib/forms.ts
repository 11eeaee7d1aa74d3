// Progressive enhancement for forms that hold passwords: after the server answers, typed
// passwords are cleared (SvelteKit keeps field values after a failed submission).
import type { SubmitFunction } from '@sveltejs/kit';

export const clearPasswordsAfterSubmit: SubmitFunction = ({ formElement }) => {
	return async ({ update }) => {
		await update();
		for (const input of formElement.querySelectorAll<HTMLInputElement>('input[type="password"]')) {
			input.value = '';
		}
	};
};
