import type { ConnectionTestResult } from '../../../../preload/contract/workspace-types';
import type { Loadable } from '../../state/loadable';

/** A connection test in plain words, with any missing permissions listed by name. */
export function TestResult({ result }: { result: Loadable<ConnectionTestResult> | undefined }) {
  if (!result || result.status === 'idle') return null;
  if (result.status === 'loading') {
    return (
      <p role="status" className="message">
        Testing the connection…
      </p>
    );
  }
  if (result.status === 'error') {
    return (
      <p role="alert" className="message message-error">
        {result.message}
      </p>
    );
  }
  const { ok, message, missingPermissions } = result.value;
  return (
    <div role={ok ? 'status' : 'alert'} className={ok ? 'test-ok' : 'test-failed'}>
      <p>{message}</p>
      {missingPermissions.length > 0 ? (
        <>
          <p>Ask your Genesys Cloud administrator to add these permissions to your role:</p>
          <ul>
            {missingPermissions.map((permission) => (
              <li key={permission}>
                <code>{permission}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
