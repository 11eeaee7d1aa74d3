// `?browser-bundle` imports (scripts/vite-browser-bundle.ts): the bundled script's text.
declare module '*?browser-bundle' {
	const code: string;
	export default code;
}
