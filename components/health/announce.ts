/** Screen readers hear "updated" at most this often, however often the page refreshes. */
export const ANNOUNCE_EVERY_MS = 60_000;

/**
 * Whether a refresh should be announced in the polite live region: the first refresh after a
 * minute of silence is; the ones in between (every 10 s) are not, or the region would talk
 * over everything else the reader is doing.
 */
export function shouldAnnounce(lastAnnouncedAt: number, now: number): boolean {
  return now - lastAnnouncedAt >= ANNOUNCE_EVERY_MS;
}
