// The web app manifest: "Tập huấn" on the phone's home screen, opening on the learner's courses.
import { translate } from '$lib/server/i18n';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () =>
	new Response(
		JSON.stringify({
			name: translate('vi', 'manifest.name'),
			short_name: translate('vi', 'manifest.name'),
			description: translate('vi', 'manifest.description'),
			lang: 'vi',
			start_url: '/courses',
			scope: '/',
			display: 'standalone',
			background_color: '#ffffff',
			theme_color: '#0b5d8a',
			icons: [
				{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
				{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
				{ src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
			]
		}),
		{ headers: { 'content-type': 'application/manifest+json', 'cache-control': 'public, max-age=3600' } }
	);
