/** What an area shows before anything has produced data: what is missing, and what produces it. */
export function EmptyState({ title, body, headingLevel = 2 }: { title: string; body: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="rounded-lg border border-dashed border-field p-6">
      <Heading className="mb-2 text-lg font-semibold">{title}</Heading>
      <p className="max-w-2xl text-muted">{body}</p>
    </section>
  );
}
