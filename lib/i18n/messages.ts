import type { Locale } from './config';

// Static imports keep every locale's messages in the server bundle and type-checked.
import ar from '../../messages/ar.json';
import de from '../../messages/de.json';
import en from '../../messages/en.json';
import es from '../../messages/es.json';
import ja from '../../messages/ja.json';

export type Messages = typeof en;

export const MESSAGES: Record<Locale, Messages> = { en, de, es, ja, ar };
