/** Currencies offered as a display currency in the profile (any ISO 4217 code is accepted). */
export const DISPLAY_CURRENCIES = ['USD', 'EUR', 'JPY', 'GBP', 'CHF', 'CAD', 'AUD', 'CNY', 'INR', 'BRL', 'MXN', 'SAR', 'AED'] as const;
