import type { Config } from 'tailwindcss';

// Colours are CSS variables (app/globals.css) so light, dark and high-contrast themes swap
// them in one place and every pair keeps WCAG AA contrast.
const color = (name: string) => `rgb(var(--${name}) / <alpha-value>)`;

const config: Config = {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}', './node_modules/@tremor/**/*.{js,ts,jsx,tsx}'],
  darkMode: ['variant', ['@media (prefers-color-scheme: dark) { &:not(.light *) }', '&:is(.dark *)']],
  theme: {
    extend: {
      colors: {
        canvas: color('canvas'),
        surface: color('surface'),
        ink: color('ink'),
        muted: color('muted'),
        line: color('line'),
        field: color('field'),
        accent: color('accent'),
        'on-accent': color('on-accent'),
        danger: color('danger'),
        success: color('success'),
        warning: color('warning'),
        focus: color('focus'),
      },
    },
  },
  plugins: [],
};

export default config;
