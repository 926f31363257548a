import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { ReportId } from '../../../preload/contract/reports';
import type { ReportParams } from '../../../preload/contract/report-params';
import { dayRange } from '../../../main/reports';
import { READ_PERMISSIONS, type SimulatorClient } from '../../../main/simulator/server/options';
import { startSimulator, type RunningSimulator } from '../../../main/simulator/server/index';
import { simulatorBrowser } from '../genesys/support/simulator-browser';
import { makeTempDir } from '../../support/temp-dir';
import { REPO_ROOT } from '../../support/test-core';
import { openCore, type CoreHandle } from './core-handle';
import { fastService, type FastService, type FastServiceOptions } from './fast-service';

export const ZONE = 'America/Chicago';

/** OAuth clients of the catalogue's org, as an admin could have set them up. */
export const CLIENTS = {
  good: { id: 'reportdesk-catalogue', secret: 'catalogue-secret' },
  noPermissions: { id: 'reportdesk-no-roles', secret: 'no-roles-secret' },
  noAggregates: { id: 'reportdesk-no-aggregates', secret: 'no-aggregates-secret' },
  pkce: { id: 'reportdesk-catalogue-pkce' },
} as const;

const clients: SimulatorClient[] = [
  client(CLIENTS.good.id, CLIENTS.good.secret, READ_PERMISSIONS),
  client(CLIENTS.noPermissions.id, CLIENTS.noPermissions.secret, []),
  client(
    CLIENTS.noAggregates.id,
    CLIENTS.noAggregates.secret,
    READ_PERMISSIONS.filter((permission) => permission !== 'analytics:conversationAggregate:view'),
  ),
  {
    clientId: CLIENTS.pkce.id,
    name: 'Catalogue desktop (PKCE)',
    grants: ['authorization_code'],
    redirectUris: ['http://127.0.0.1'],
    permissions: [...READ_PERMISSIONS],
  },
];

function client(clientId: string, clientSecret: string, permissions: readonly string[]): SimulatorClient {
  return {
    clientId,
    clientSecret,
    name: clientId,
    grants: ['client_credentials'],
    redirectUris: [],
    permissions: [...permissions],
  };
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Everything the cases share, started once: a core on the Demo organization, a simulated org with OAuth clients
 * that lack permissions, a core connected to that org (PKCE sign-in played by a scripted browser), and factories
 * for cores in prepared data folders, fast report services and CLI runs. Cases that change shared state (faults,
 * the network switch, tokens) put it back before they return.
 */
export class CatalogueContext {
  private readonly closers: (() => Promise<void> | void)[] = [];
  private signInUser = 'demo@reportdesk.example';

  private constructor(
    readonly sim: RunningSimulator,
    readonly demo: CoreHandle,
    /** A core whose connections go to `sim`. */
    readonly org: CoreHandle,
  ) {}

  static async start(): Promise<CatalogueContext> {
    const sim = await startSimulator({
      settings: { seed: 'catalogue', perDay: 40, daysBack: 60, timeZone: ZONE },
      // Twenty days of data answer the sync query, so no case waits on a details job's first poll (1 s).
      limits: { requestsPerMinute: 60_000, dataAvailabilityLagMs: 20 * 86_400_000 },
      clients,
    });
    const demoDir = makeTempDir('catalogue-demo');
    const orgDir = makeTempDir('catalogue-org');
    const demo = openCore(demoDir.path);
    let signInUser = (): string => '';
    const org = openCore(orgDir.path, {
      openExternal: (url) => simulatorBrowser(signInUser(), 'demo').openExternal(url),
    });
    const context = new CatalogueContext(sim, demo, org);
    signInUser = () => context.signInUser;
    context.closers.push(
      () => demoDir.remove(),
      () => orgDir.remove(),
      () => sim.close(),
      () => org.close(),
      () => demo.close(),
    );
    return context;
  }

  async close(): Promise<void> {
    for (const close of this.closers.splice(0).reverse()) await close();
  }

  /** A day relative to today in the catalogue's zone, as the contract writes days. */
  day(offset: number): string {
    return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(Date.now() + offset * 86_400_000);
  }

  params(report: ReportId, from: number, to: number, connectionId = 'demo'): ReportParams {
    return {
      report,
      connectionId,
      from: this.day(from),
      to: this.day(to),
      timeZone: ZONE,
      granularity: 'P1D',
      filters: {},
    };
  }

  /** Conversation ids the simulated org has in the report's days: the ground truth a finished run must show. */
  truthIds(params: ReportParams, sim: RunningSimulator = this.sim): string[] {
    const { start, end } = dayRange(params.from, params.to, params.timeZone);
    return [...sim.dataset.conversationsBetween(start, end)].map((c) => c.conversationId ?? '').sort();
  }

  tempDir(label: string): string {
    const dir = makeTempDir(`catalogue-${label}`);
    this.closers.push(() => dir.remove());
    return dir.path;
  }

  /** A core of its own, started on a data folder that `prepare` filled first (damaged files and the like). */
  freshCore(prepare: (dataDir: string) => void = () => undefined): CoreHandle {
    const dataDir = this.tempDir('core');
    prepare(dataDir);
    const handle = openCore(dataDir);
    this.closers.push(() => handle.close());
    return handle;
  }

  /** A second simulated org, for a limit the shared one must not have (closed with the context). */
  async simulator(options: Parameters<typeof startSimulator>[0] = {}): Promise<RunningSimulator> {
    const sim = await startSimulator({
      settings: { seed: 'catalogue', perDay: 40, daysBack: 60, timeZone: ZONE },
      ...options,
      limits: { requestsPerMinute: 60_000, dataAvailabilityLagMs: 20 * 86_400_000, ...options.limits },
    });
    this.closers.push(() => sim.close());
    return sim;
  }

  /** Adds a connection to the simulated org on the `org` core and returns its id. */
  async addConnection(clientId: string, clientSecret?: string): Promise<string> {
    const added = await this.org.call('connections/add', {
      name: `${clientId} ${Math.random().toString(36).slice(2, 8)}`,
      environment: this.sim.baseUrl,
      method: clientSecret === undefined ? 'pkce' : 'client-credentials',
      clientId,
      ...(clientSecret === undefined ? {} : { clientSecret }),
    });
    return added.id;
  }

  /** The person who signs in on the simulator's page the next time the `org` core opens the browser. */
  signInAs(username: string): void {
    this.signInUser = username;
  }

  async fast(options: Partial<FastServiceOptions> = {}): Promise<FastService> {
    const service = await fastService({
      cacheFile: join(this.tempDir('fast'), 'cache.sqlite'),
      environment: this.sim.baseUrl,
      clientId: CLIENTS.good.id,
      clientSecret: CLIENTS.good.secret,
      ...options,
    });
    this.closers.push(() => service.cache.close());
    return service;
  }

  /** The real CLI in a child process (`npm run cli -- …`), with only the GENESYS_* variables given here. */
  cli(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GENESYS_')));
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'main/cli/index.ts'), ...args], {
      cwd: REPO_ROOT,
      env: { ...clean, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    return new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
  }
}
