const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * Whether `requested` may receive the authorization code. Exact matches
 * always pass. A registered plain-http loopback URI without a port accepts
 * any port (RFC 8252 §7.3: native apps listen on an ephemeral port), and
 * without a path also any path. Whether Genesys does this is unverified
 * (fact sheet §2.4, §15.3); its own tools register a fixed port.
 */
export function redirectUriAllowed(registered: readonly string[], requested: string): boolean {
  const wanted = parse(requested);
  if (!wanted || wanted.hash !== '' || wanted.username !== '' || wanted.password !== '') return false;
  return registered.some((entry) => entry === requested || loopbackMatch(entry, wanted));
}

function loopbackMatch(entry: string, wanted: URL): boolean {
  const allowed = parse(entry);
  if (!allowed || allowed.protocol !== 'http:' || !LOOPBACK_HOSTS.has(allowed.hostname)) return false;
  if (allowed.href === wanted.href) return true;
  if (allowed.port !== '' || wanted.protocol !== 'http:' || wanted.hostname !== allowed.hostname) return false;
  const anyPath = allowed.pathname === '/' && allowed.search === '';
  return anyPath || (wanted.pathname === allowed.pathname && wanted.search === allowed.search);
}

function parse(uri: string): URL | undefined {
  try {
    return new URL(uri);
  } catch {
    return undefined;
  }
}
