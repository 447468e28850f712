import type { ReactNode } from 'react';
import './globals.css';

// The real root layout (with <html lang dir>) is app/[locale]/layout.tsx; this one only
// exists so that app/not-found.tsx can render for URLs outside any locale.
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
