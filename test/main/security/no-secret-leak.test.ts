import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/core';
import { MemorySecretStore, clientSecretKey } from '../../../main/genesys/secret-store';
import { READ_PERMISSIONS } from '../../../main/simulator/server/options';
import { startSimulator, type RunningSimulator } from '../../../main/simulator/server/index';
import type { OperationName } from '../../../preload/contract/names';
import type { OperationInput, OperationResult } from '../../../preload/contract/operations';
import { makeTempDir } from '../../support/temp-dir';
import { createTestCore } from '../../support/test-core';

const CLIENT_ID = 'reportdesk-leak-check';
/** Distinctive and random, so finding it anywhere can only mean it leaked there. */
const SECRET = `leak-canary-${randomBytes(18).toString('base64url')}`;
const ZONE = 'America/Chicago';

/** A SecretStore (the OS keychain in the app) that also remembers every value handed to it. */
class RecordingSecretStore extends MemorySecretStore {
  readonly written: string[] = [];
  override set(key: string, value: string): Promise<void> {
    this.written.push(value);
    return super.set(key, value);
  }
}

/**
 * Stands between ReportDesk and the simulator, as a corporate proxy would: it records every access token the
 * simulator hands out (the token answers pass through it), and on request answers like a hostile or broken
 * server — quoting back the credentials it received — the worst case for any message built from an answer.
 */
class RecordingProxy {
  readonly tokens = new Set<string>();
  hostile: 'none' | 'token-endpoint' | 'api' = 'none';
  private readonly server: Server = createServer((req, res) => void this.handle(req, res));

  private constructor(private readonly target: URL) {}

  static async start(target: string): Promise<RecordingProxy> {
    const proxy = new RecordingProxy(new URL(target));
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const authorization = req.headers.authorization ?? '';
    const quoted = `${authorization} (${Buffer.from(authorization.replace(/^\w+ /, ''), 'base64').toString('utf8')})`;
    if (this.hostile === 'token-endpoint' && req.url === '/oauth/token') {
      return json(res, 401, { error: 'invalid_client', error_description: `bad credentials: ${quoted}` });
    }
    if (this.hostile === 'api' && req.url?.startsWith('/api/v2/analytics')) {
      return json(res, 400, { message: `Malformed request from ${authorization}`, code: 'bad.request', status: 400 });
    }
    const upstream = httpRequest(new URL(req.url ?? '/', this.target), { method: req.method, headers: req.headers });
    upstream.on('response', (answer) => {
      const body: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => body.push(chunk));
      answer.on('end', () => {
        const text = Buffer.concat(body).toString('utf8');
        if (req.url === '/oauth/token' && answer.statusCode === 200) {
          this.tokens.add((JSON.parse(text) as { access_token: string }).access_token);
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        res.end(text);
      });
    });
    upstream.on('error', () => res.destroy());
    upstream.end(Buffer.concat(chunks));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Every file under `dir`, read as raw bytes. */
function filesUnder(dir: string): { path: string; bytes: Buffer }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, bytes: readFileSync(path) }));
}

describe('a full session never lets the client secret or an access token out', { timeout: 60_000 }, () => {
  const data = makeTempDir('leak');
  const secrets = new RecordingSecretStore();
  const logs: string[] = [];
  const events: string[] = [];
  const answers: string[] = [];
  const snapshots: { path: string; bytes: Buffer }[] = [];
  let sim: RunningSimulator;
  let proxy: RecordingProxy;
  let core: Core;
  let connectionId = '';

  async function call<N extends OperationName>(name: N, input?: OperationInput<N>): Promise<OperationResult<N>> {
    const answer = await core.dispatch(name, input);
    answers.push(JSON.stringify(answer));
    if (!answer.ok) throw new Error(`${name}: ${answer.error.message}`);
    return answer.value as OperationResult<N>;
  }
  async function refused(name: OperationName, input: unknown): Promise<string> {
    const answer = await core.dispatch(name, input);
    answers.push(JSON.stringify(answer));
    const value = answer.ok ? (answer.value as { message?: string | null }) : answer.error;
    return value.message ?? '';
  }
  const day = (offset: number) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(Date.now() + offset * 86_400_000);
  const params = (report: 'interactions' | 'queue-performance', from: number, to: number) => ({
    report,
    connectionId,
    from: day(from),
    to: day(to),
    timeZone: ZONE,
  });

  beforeAll(async () => {
    sim = await startSimulator({
      settings: { seed: 'leak-check', perDay: 40, daysBack: 30, timeZone: ZONE },
      limits: { requestsPerMinute: 60_000, dataAvailabilityLagMs: 10 * 86_400_000 },
      clients: [
        {
          clientId: CLIENT_ID,
          clientSecret: SECRET,
          name: 'Leak check',
          grants: ['client_credentials'],
          redirectUris: [],
          permissions: [...READ_PERMISSIONS],
        },
      ],
    });
    proxy = await RecordingProxy.start(sim.baseUrl);
    let failExportDialog = false;
    core = createTestCore(data.path, {
      secrets,
      log: (line) => logs.push(line),
      demo: { perDay: 40, requestsPerMinute: 60_000 },
      chooseExportFile: (name) => {
        if (failExportDialog) return Promise.reject(new Error('save dialog crashed'));
        mkdirSync(join(data.path, 'exports'), { recursive: true });
        return Promise.resolve(join(data.path, 'exports', name));
      },
    });
    core.events.subscribe((event, payload) => events.push(JSON.stringify({ event, payload })));

    // The whole session a supervisor has with one org.
    connectionId = (
      await call('connections/add', {
        name: 'Contoso',
        environment: proxy.baseUrl,
        method: 'client-credentials',
        clientId: CLIENT_ID,
        clientSecret: SECRET,
      })
    ).id;
    await call('settings/update', { connectionId });
    expect(await call('connections/test', { connectionId })).toMatchObject({ ok: true });
    await call('connections/status');
    await call('reference/list', { connectionId, kind: 'queue' });
    const details = params('interactions', -3, -2);
    expect(await call('reports/run', { requestId: 'details', params: details })).toMatchObject({ state: 'done' });
    const page = await call('reports/page', { params: details, view: { page: { size: 50 } } });
    await call('reports/conversation', { connectionId, conversationId: String(page.rows[0]?.conversationId) });
    await call('reports/request', { params: details });
    const aggregates = params('queue-performance', -3, -2);
    expect(await call('reports/run', { requestId: 'aggregates', params: aggregates })).toMatchObject({
      state: 'done',
    });
    await call('reports/page', { params: aggregates, view: { page: { size: 50 } } });
    for (const format of ['csv', 'xlsx'] as const) {
      await call('export/start', {
        requestId: `export-${format}`,
        params: details,
        view: { page: { size: 100 } },
        columns: ['startTime', 'ani', 'dnis', 'agents', 'conversationId'],
        format,
      });
    }
    await call('saved/save', { name: 'Weekly', params: details, preset: 'custom', columns: [], sort: null });

    // Revoked token: a new one is fetched and the run completes.
    sim.revokeAllTokens();
    expect(await call('reports/run', { requestId: 'revoked', params: params('interactions', -5, -4) })).toMatchObject({
      state: 'done',
    });
    // Hostile answers quoting the token and the credentials back: the user still sees plain words only.
    proxy.hostile = 'api';
    expect(await refused('reports/run', { requestId: 'hostile-api', params: params('interactions', -7, -6) })).toMatch(
      /^Genesys Cloud did not accept the request/,
    );
    sim.revokeAllTokens();
    proxy.hostile = 'token-endpoint';
    expect(await refused('connections/test', { connectionId })).toMatch(/client ID or secret was not accepted/);
    proxy.hostile = 'none';
    // A crash in a main-thread helper: its stack goes to the log (the app's crash record), not to the screen.
    failExportDialog = true;
    expect(
      await refused('export/start', {
        requestId: 'crash',
        params: details,
        view: { page: { size: 10 } },
        columns: ['ani'],
        format: 'csv',
      }),
    ).toMatch(/Something went wrong inside ReportDesk/);
    failExportDialog = false;
    await call('connections/sign-out', { connectionId });
    snapshots.push(...filesUnder(data.path));
    await core.close();
    snapshots.push(...filesUnder(data.path));
  }, 60_000);

  afterAll(async () => {
    await proxy.close();
    await sim.close();
    data.remove();
  });

  /** The secret, the Basic header it travels in, and every token the simulator issued (raw and as a header). */
  function needles(): string[] {
    const basic = Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64');
    return [SECRET, basic, ...[...proxy.tokens].flatMap((token) => [token, `Bearer ${token}`])];
  }

  it('gave the secret to the keychain, and the session really used tokens', async () => {
    expect(secrets.written).toContain(SECRET);
    expect(await secrets.get(clientSecretKey(connectionId))).toBe(SECRET);
    // The first sign-in, then a new token after the revocation; every token the API saw passed the proxy.
    expect(proxy.tokens.size).toBeGreaterThanOrEqual(2);
    const used = new Set(sim.requests.list().flatMap((request) => (request.tokenId ? [request.tokenId] : [])));
    expect(used.size).toBe(proxy.tokens.size);
  });

  it('reached neither the renderer (answers and events) nor the log', () => {
    expect(answers.length).toBeGreaterThan(15);
    expect(events.some((event) => event.includes('run/progress'))).toBe(true);
    expect(logs.some((line) => line.includes('save dialog crashed'))).toBe(true);
    for (const [channel, lines] of [
      ['dispatch answers', answers],
      ['events', events],
      ['log', logs],
    ] as const) {
      const text = lines.join('\n');
      for (const needle of needles()) expect(text.includes(needle), `a secret or token in the ${channel}`).toBe(false);
    }
  });

  it('is in no file of the data folder: settings, connections, saved reports, the cache and its WAL, exports', () => {
    const names = new Set(snapshots.map((file) => file.path.slice(data.path.length + 1)));
    for (const expected of ['settings.json', 'connections.json', 'saved-reports.json', 'cache/cache.sqlite']) {
      expect(names).toContain(expected);
    }
    expect([...names].some((name) => name.endsWith('cache.sqlite-wal'))).toBe(true);
    expect([...names].filter((name) => name.startsWith('exports/'))).toHaveLength(2);
    for (const file of snapshots) {
      for (const needle of needles()) {
        for (const encoding of ['utf8', 'utf16le'] as const) {
          expect(file.bytes.includes(Buffer.from(needle, encoding)), `a secret or token in ${file.path}`).toBe(false);
        }
      }
    }
  });
});
