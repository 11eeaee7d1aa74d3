// Form schemas shared by sign-up, setup and account pages. Error messages are catalogue keys.
import { z } from 'zod';
import { checkPasswordStrength, MAX_PASSWORD_LENGTH } from '../auth/password';
import { USERNAME_PATTERN } from './service';

const text = (max: number, requiredKey: 'form.required' = 'form.required') =>
	z
		.string(requiredKey)
		.trim()
		.min(1, requiredKey)
		.max(max, 'form.tooLong');

export const usernameField = z
	.string('form.required')
	.trim()
	.toLowerCase()
	.min(1, 'form.required')
	.regex(USERNAME_PATTERN, 'account.usernameFormat');

/** A new password: long enough, not a common one, typed twice the same. */
export const newPasswordFields = {
	password: z.string('form.required').max(MAX_PASSWORD_LENGTH, 'password.tooLong'),
	passwordConfirm: z.string('form.required')
};

export function checkNewPassword(
	data: { password: string; passwordConfirm: string; username?: string },
	ctx: z.RefinementCtx
) {
	const problem = checkPasswordStrength(data.password, data.username);
	if (problem) {
		ctx.addIssue({ code: 'custom', path: ['password'], message: `password.${problem}` });
	} else if (data.password !== data.passwordConfirm) {
		ctx.addIssue({ code: 'custom', path: ['passwordConfirm'], message: 'password.mismatch' });
	}
}

export const profileFields = {
	displayName: text(100),
	organisation: text(150),
	commune: text(100),
	province: text(100)
};

export const setupSchema = z
	.object({ username: usernameField, displayName: text(100), ...newPasswordFields })
	.superRefine(checkNewPassword);

export const registerSchema = z
	.object({
		enrolCode: z.string('form.required').trim().min(1, 'form.required').max(40, 'form.tooLong'),
		username: usernameField,
		...profileFields,
		...newPasswordFields
	})
	.superRefine(checkNewPassword);

export const loginSchema = z.object({
	username: z.string('form.required').trim().min(1, 'form.required').max(64, 'form.tooLong'),
	password: z.string('form.required').min(1, 'form.required').max(MAX_PASSWORD_LENGTH, 'form.tooLong')
});

export const changePasswordSchema = z
	.object({ currentPassword: z.string('form.required').min(1, 'form.required'), ...newPasswordFields })
	.superRefine(checkNewPassword);

const optionalText = (max: number) => z.string().trim().max(max, 'form.tooLong').default('');

export const createAccountSchema = z
	.object({
		username: usernameField,
		displayName: profileFields.displayName,
		organisation: optionalText(150),
		commune: optionalText(100),
		province: optionalText(100),
		role: z.enum(['learner', 'trainer', 'admin'], 'form.invalid'),
		...newPasswordFields
	})
	.superRefine(checkNewPassword);
