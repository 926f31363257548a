/**
 * `npm run sim -- [options]`: the Genesys Cloud simulator for manual testing
 * and benchmarks. stdout carries exactly one JSON line (for scripts to read);
 * everything meant for people goes to stderr. See docs/simulator.md.
 */
import { CliUsageError, USAGE, parseCliArgs, type CliCommand } from './server/cli-args';
import { startSimulator } from './server/index';

let command: CliCommand;
try {
  command = parseCliArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof CliUsageError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}

if (command.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

try {
  const sim = await startSimulator(command.options);
  process.stdout.write(
    `${JSON.stringify({ baseUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: sim.clientSecret })}\n`,
  );
  const demo = sim.users[0];
  process.stderr.write(
    `Genesys Cloud simulator on ${sim.baseUrl} (seed ${sim.settings.seed}). ` +
      `PKCE client ${sim.pkceClientId}, redirect to any http://127.0.0.1 port; ` +
      `${demo ? `sign in as ${demo.username} / ${demo.password}. ` : ''}Ctrl-C to stop.\n`,
  );
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  process.stderr.write(`The simulator could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
