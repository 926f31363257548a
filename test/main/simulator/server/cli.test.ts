import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArgs } from '../../../../main/simulator/server/cli-args';

const root = resolve(import.meta.dirname, '..', '..', '..', '..');
const cli = resolve(root, 'main', 'simulator', 'cli.ts');

function runCli(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('sim command line', () => {
  it('turns every flag into simulator options', () => {
    const command = parseCliArgs([
      '--port=0',
      '--seed',
      'abc',
      '--per-day',
      '500',
      '--days-back',
      '30',
      '--time-zone',
      'Europe/Berlin',
      '--rate-limit',
      '60',
      '--token-ttl',
      '300',
      '--faults',
      '429=0.1,5xx=0.03,reset=0.01,slow=0.05',
    ]);
    expect(command).toEqual({
      help: false,
      options: {
        port: 0,
        settings: { seed: 'abc', perDay: 500, daysBack: 30, timeZone: 'Europe/Berlin' },
        limits: { requestsPerMinute: 60, tokenTtlSeconds: 300 },
        faults: { '429': 0.1, '5xx': 0.03, reset: 0.01, slow: 0.05 },
      },
    });
  });

  it.each([
    [['--port', 'eighty'], '--port must be a whole number from 0 to 65535 (got "eighty").'],
    [['--time-zone', 'Mars/Olympus'], '--time-zone "Mars/Olympus" is not an IANA time zone'],
    [['--faults', '429=2'], '--faults: The rate for fault "429" must be a number from 0 to 1.'],
    [['--faults', 'boom=0.1'], '--faults: Unknown fault "boom".'],
    [['--rate-limit', '0'], '--rate-limit must be a whole number from 1'],
    [['--colour'], "Unknown option '--colour'"],
    [['extra'], 'Run with --help'],
  ])('explains %j in plain words', (args, message) => {
    expect(() => parseCliArgs(args)).toThrow(CliUsageError);
    expect(() => parseCliArgs(args)).toThrow(message);
  });

  it('exits with code 2 and a message on stderr for a bad flag', () => {
    const result = runCli(['--per-day', 'lots']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--per-day must be a whole number');
    expect(result.stdout).toBe('');
  });

  const backendReady =
    existsSync(resolve(root, 'main/simulator/generator/index.ts')) &&
    existsSync(resolve(root, 'main/simulator/engine/index.ts'));

  it.skipIf(!backendReady)(
    'prints one JSON line with the credentials, serves, and stops on SIGINT',
    async () => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', cli, '--port', '0', '--per-day', '50', '--days-back', '3'],
        {
          cwd: root,
        },
      );
      const firstLine = await new Promise<string>((done, fail) => {
        createInterface({ input: child.stdout }).once('line', done);
        child.once('exit', (code) => fail(new Error(`exited early with ${code}`)));
      });
      const info = JSON.parse(firstLine) as { baseUrl: string; clientId: string; clientSecret: string };
      expect(Object.keys(info)).toEqual(['baseUrl', 'clientId', 'clientSecret']);
      expect(info.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const token = await fetch(`${info.baseUrl}/oauth/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${info.clientId}:${info.clientSecret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
      });
      expect(token.status).toBe(200);
      const exited = new Promise<number | null>((done) => child.once('exit', done));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    },
    60_000,
  );
});
