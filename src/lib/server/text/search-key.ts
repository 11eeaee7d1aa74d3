// The one tone-insensitive comparison for search boxes (the session roster, the service
// directory): case, tone marks and đ do not matter, so "huong" finds "Hường".
import { foldVietnamese } from '../markdown/slug';

export function searchKey(text: string): string {
	return foldVietnamese(text).normalize('NFC').toLowerCase();
}
