import Link from 'next/link';

// Outside /[locale] there are no messages to read; the proxy redirects almost every such URL
// to a locale, so this page is rare. English, with a link back in.
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body>
        <main>
          <h1>Page not found</h1>
          <p>
            <Link href="/en">Go to the console</Link>
          </p>
        </main>
      </body>
    </html>
  );
}
