// Every text the specs look for comes from the message files, so a test never hard-codes English
// and a renamed key is a type error here.
import ar from '../../messages/ar.json';
import de from '../../messages/de.json';
import en from '../../messages/en.json';
import es from '../../messages/es.json';
import ja from '../../messages/ja.json';

export const messages = { en, de, es, ja, ar } as const;
export type Locale = keyof typeof messages;
export type Messages = (typeof messages)[Locale];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern for a message as rendered: literal text kept, each ICU argument ({min},
 * {count, plural, ...}) matching any text. Use it where a message has placeholders.
 */
export function rendered(template: string): RegExp {
  const parts: string[] = [];
  let depth = 0;
  let literal = '';
  for (const char of template) {
    if (char === '{') {
      if (depth === 0) {
        parts.push(escape(literal));
        literal = '';
      }
      depth += 1;
    } else if (char === '}' && depth > 0) {
      depth -= 1;
      if (depth === 0) parts.push('.+?');
    } else if (depth === 0) {
      literal += char;
    }
  }
  parts.push(escape(literal));
  return new RegExp(parts.join(''));
}

/** The name of an exact accessible-name match: whole string, no placeholders. */
export function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${rendered(text).source}\\s*$`);
}
