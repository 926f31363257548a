import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { errors } from './error-body';

/** request.bytes.max (fact sheet §3.4). */
export const MAX_REQUEST_BYTES = 512_000;

/** A response not yet written, so faults can still cut or drop it. */
export interface Reply {
  status: number;
  headers: OutgoingHttpHeaders;
  body: string;
}

export function jsonReply(status: number, value: unknown, headers: OutgoingHttpHeaders = {}): Reply {
  if (status === 204) return { status, headers, body: '' };
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(value),
  };
}

/** Past this, an oversized upload is cut off instead of drained. */
const DRAIN_LIMIT = 16 * 1024 * 1024;

/**
 * Reads the whole body; a body over `maxBytes` is drained and discarded,
 * then refused with 413. Draining (rather than answering mid-upload) lets
 * the client finish writing and actually read the 413 instead of seeing
 * a broken pipe.
 */
export async function readBody(req: IncomingMessage, maxBytes = MAX_REQUEST_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
    else if (size > DRAIN_LIMIT) break;
  }
  if (size > maxBytes) throw errors.tooLarge(maxBytes);
  return Buffer.concat(chunks);
}

export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export function parseBasicAuth(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * The values of a list parameter however the client spelled it: repeated
 * `id=a&id=b` (the API docs), `id[]=a` (axios' default) or `id=a,b` (what
 * the JS SDK actually sends: it joins arrays with commas).
 */
export function queryList(query: URLSearchParams, name: string): string[] {
  return [...query.getAll(name), ...query.getAll(`${name}[]`)]
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
