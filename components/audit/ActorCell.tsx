import { getTranslations } from 'next-intl/server';

/** The actor's kind, then who exactly: a user's email, or the id of a key, job or webhook. */
export async function ActorCell({ actorType, actorId, actorEmail }: { actorType: string; actorId: string | null; actorEmail: string | null }) {
  const t = await getTranslations('audit');
  const kind = t.has(`actorType.${actorType}` as never) ? t(`actorType.${actorType}` as never) : actorType;
  const who = actorEmail ?? actorId;
  return (
    <>
      {kind}
      {who && <bdi className="block text-muted">{who}</bdi>}
    </>
  );
}
