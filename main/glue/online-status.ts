import { net, powerMonitor } from 'electron';

/** How often the OS's network state is read; a pulled cable shows as offline within this. */
export const ONLINE_POLL_MS = 5_000;

/**
 * Tells the core whether the computer is online, from the OS's own view: at start, every few seconds, and right
 * after the laptop wakes. Offline, the core answers reports from the cache and never tries the network.
 */
export function watchOnlineStatus(setOnline: (online: boolean) => void): () => void {
  let last: boolean | undefined;
  const check = () => {
    const online = net.isOnline();
    if (online === last) return;
    last = online;
    setOnline(online);
  };
  check();
  const timer = setInterval(check, ONLINE_POLL_MS);
  timer.unref();
  powerMonitor.on('resume', check);
  return () => {
    clearInterval(timer);
    powerMonitor.removeListener('resume', check);
  };
}
