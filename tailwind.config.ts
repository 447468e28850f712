import type { Config } from 'tailwindcss';

// Colours are CSS variables (app/globals.css) so light, dark and high-contrast themes swap
// them in one place and every pair keeps WCAG AA contrast.
const color = (name: string) => `rgb(var(--${name}) / <alpha-value>)`;

// Tremor 3's theme tokens, mapped onto the same variables: its `dark:` classes then need no
// colours of their own, and high contrast applies to charts too.
const tremorColors = {
  brand: { faint: color('surface'), muted: color('line'), subtle: color('accent'), DEFAULT: color('accent'), emphasis: color('accent'), inverted: color('on-accent') },
  background: { muted: color('surface'), subtle: color('surface'), DEFAULT: color('canvas'), emphasis: color('ink') },
  border: { DEFAULT: color('line') },
  ring: { DEFAULT: color('line') },
  content: { subtle: color('muted'), DEFAULT: color('muted'), emphasis: color('ink'), strong: color('ink'), inverted: color('canvas') },
};

const config: Config = {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}', './node_modules/@tremor/**/*.{js,ts,jsx,tsx}'],
  // Tremor builds chart colour classes at run time (`stroke-${color}`); only the chart colours
  // we pass are kept (Tremor's documented safelist would add ~500 KB of CSS).
  safelist: [{ pattern: /^(stroke|fill|bg|text)-chart-[1-4]$/, variants: ['dark'] }],
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
        // Chart series (components/health): each at least 3:1 against the page in every theme.
        'chart-1': color('chart-1'),
        'chart-2': color('chart-2'),
        'chart-3': color('chart-3'),
        'chart-4': color('chart-4'),
        tremor: tremorColors,
        'dark-tremor': tremorColors,
      },
      fontSize: {
        'tremor-label': ['0.75rem', { lineHeight: '1rem' }],
        'tremor-default': ['0.875rem', { lineHeight: '1.25rem' }],
        'tremor-title': ['1.125rem', { lineHeight: '1.75rem' }],
        'tremor-metric': ['1.875rem', { lineHeight: '2.25rem' }],
      },
      borderRadius: {
        'tremor-small': '0.375rem',
        'tremor-default': '0.5rem',
        'tremor-full': '9999px',
      },
      boxShadow: {
        'tremor-input': '0 1px 2px 0 rgb(0 0 0 / 0.05)',
        'tremor-card': '0 1px 3px 0 rgb(0 0 0 / 0.1), 0 1px 2px -1px rgb(0 0 0 / 0.1)',
        'tremor-dropdown': '0 4px 6px -1px rgb(0 0 0 / 0.1), 0 2px 4px -2px rgb(0 0 0 / 0.1)',
        'dark-tremor-input': '0 1px 2px 0 rgb(0 0 0 / 0.05)',
        'dark-tremor-card': '0 1px 3px 0 rgb(0 0 0 / 0.1), 0 1px 2px -1px rgb(0 0 0 / 0.1)',
        'dark-tremor-dropdown': '0 4px 6px -1px rgb(0 0 0 / 0.1), 0 2px 4px -2px rgb(0 0 0 / 0.1)',
      },
    },
  },
  plugins: [],
};

export default config;
