import type { ServerResponse } from 'node:http';
import type { FaultDecision } from './faults';
import type { Reply } from './http-util';

export function send(res: ServerResponse, reply: Reply): void {
  const body = Buffer.from(reply.body, 'utf8');
  res.writeHead(reply.status, { ...reply.headers, 'content-length': body.length });
  res.end(body);
}

/**
 * Sends a reply, or breaks it the way a flaky network or proxy would:
 * `truncate` sends half the body then closes (with the full content-length
 * declared, or chunked without the final chunk); `reset` sends the headers
 * then resets the connection (TCP RST). A client must see an error, never a
 * short body it mistakes for complete JSON.
 */
export function sendWithFault(res: ServerResponse, reply: Reply, fault: FaultDecision): void {
  const socket = res.socket;
  if (!socket || (fault.kind !== 'truncate' && fault.kind !== 'reset')) {
    send(res, reply);
    return;
  }
  const body = Buffer.from(reply.body, 'utf8');
  if (fault.kind === 'reset') {
    res.writeHead(reply.status, { ...reply.headers, 'content-length': body.length });
    res.flushHeaders();
    socket.resetAndDestroy();
    return;
  }
  const cut = body.subarray(0, Math.floor(body.length / 2));
  const declareLength = fault.variant < 0.5;
  res.writeHead(reply.status, declareLength ? { ...reply.headers, 'content-length': body.length } : reply.headers);
  res.write(cut, () => socket.destroy());
}

/** A reset before anything is sent: the client sees ECONNRESET (or "socket hang up"). */
export function resetNow(res: ServerResponse): void {
  res.socket?.resetAndDestroy();
}
