// A port nobody listens on now (the preferred one when it is free), so a stray server can never
// answer for ours. Shared by scripts/e2e.mjs, bench/load-run.ts and tests that start servers.
import net from 'node:net';

/** @param {number} [preferred] 0 (the default) lets the system pick. @returns {Promise<number>} */
export function freePort(preferred = 0) {
  const tryPort = (port) =>
    new Promise((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(undefined));
      probe.listen(port, '127.0.0.1', () => {
        const { port: chosen } = /** @type {net.AddressInfo} */ (probe.address());
        probe.close(() => resolve(chosen));
      });
    });
  return tryPort(preferred).then((port) => port ?? tryPort(0));
}
