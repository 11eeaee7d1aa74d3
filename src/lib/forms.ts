// Progressive enhancement shared by the app's forms. After the server answers a submission:
// typed passwords are cleared (SvelteKit keeps field values after a failure), and focus moves
// to the first field in error, or to the form's message, so keyboard and screen-reader users
// hear what went wrong instead of nothing. After a success that stays on the page, focus moves
// to its success message: on a phone it sits above the form, off screen from the button pressed.
import { tick } from 'svelte';
import type { SubmitFunction } from '@sveltejs/kit';

export const enhanceForm: SubmitFunction = ({ formElement }) => {
	return async ({ result, update }) => {
		await update();
		for (const input of formElement.querySelectorAll<HTMLInputElement>('input[type="password"]')) {
			input.value = '';
		}
		if (result.type !== 'failure' && result.type !== 'success') return;
		await tick();
		const target =
			result.type === 'success'
				? formElement.parentElement?.querySelector<HTMLElement>('.form-message[role="status"]')
				: (formElement.querySelector<HTMLElement>('[aria-invalid="true"]') ??
					formElement.parentElement?.querySelector<HTMLElement>('[role="alert"]'));
		if (target) {
			if (!target.matches('input, select, textarea, button')) target.tabIndex = -1;
			target.focus();
		}
	};
};
