import { describe, expect, it } from 'vitest';
import { LOCALES } from './config';
import { MESSAGES } from './messages';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) out.set(inner, text);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();

// Names that rightly stay the same in every language.
const UNTRANSLATED = new Set(['meta.product', 'common.product']);

const english = flatten(MESSAGES.en as unknown as Tree);

describe('messages', () => {
  for (const locale of LOCALES) {
    const messages = flatten(MESSAGES[locale] as unknown as Tree);

    it(`${locale} has exactly the keys of en`, () => {
      expect([...messages.keys()].filter((key) => !english.has(key))).toEqual([]);
      expect([...english.keys()].filter((key) => !messages.has(key))).toEqual([]);
    });

    it(`${locale} keeps every placeholder of en`, () => {
      for (const [key, text] of english) {
        expect(placeholders(messages.get(key) ?? ''), `${locale}:${key}`).toEqual(placeholders(text));
      }
    });

    if (locale !== 'en') {
      it(`${locale} is translated, not English copied`, () => {
        const same = [...english].filter(([key, text]) => !UNTRANSLATED.has(key) && messages.get(key) === text && /[a-z]{4,}\s+[a-z]{3,}/i.test(text));
        // Only multi-word sentences count; names and identifiers may rightly stay as they are.
        expect(same.map(([key]) => key)).toEqual([]);
      });
    }
  }
});
