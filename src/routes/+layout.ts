// The messages of the page's language and of the areas its route shows, for `t()`: the browser
// fetches one small chunk per area instead of every language's whole catalogue.
import { areasFor, loadMessages } from '$lib/i18n/messages';
import type { LayoutLoad } from './$types';

export const load = (async ({ data, route }) => ({
	...data,
	messages: await loadMessages(data.locale, areasFor(route.id))
})) satisfies LayoutLoad;
