import { useState } from 'react';
import type { ConnectionSummary } from '../../../../preload/contract/types';
import { useAppStore } from '../../state/app-store';
import { useConnectionsStore } from '../../state/connections-store';
import { useStatusStore } from '../../state/status-store';
import { TestResult } from './TestResult';

interface Props {
  connection: ConnectionSummary;
  inUse: boolean;
}

/** One organisation: where it is, and test / sign in / sign out / use / remove. */
export function ConnectionCard({ connection, inUse }: Props) {
  const { tests, busy, error, test, signIn, signOut, remove } = useConnectionsStore();
  const updateSettings = useAppStore((state) => state.updateSettings);
  const status = useStatusStore((state) => state.status);
  const loadStatus = useStatusStore((state) => state.load);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const working = busy === connection.id;
  // The core reports sign-in for the connection in use only.
  const signedIn = status.status === 'ready' && status.value.connectionId === connection.id && status.value.signedIn;
  const genesys = connection.kind === 'genesys';

  return (
    <li className="card" data-connection-id={connection.id}>
      <h2>
        {connection.name}
        {connection.isDefault ? <span className="badge">Default</span> : null}
      </h2>
      <p className="muted">{connection.regionLabel}</p>
      <p>{connection.description}</p>
      {inUse ? <p className="in-use">Reports use this organisation.</p> : null}
      <div className="button-row compact">
        {!inUse ? (
          <button
            type="button"
            className="secondary small"
            onClick={() => void updateSettings({ connectionId: connection.id }).then(loadStatus)}
          >
            Use for reports
          </button>
        ) : null}
        <button
          type="button"
          className="secondary small"
          onClick={() => void test(connection.id)}
          aria-label={`Test connection to ${connection.name}`}
        >
          Test connection
        </button>
        {genesys ? (
          signedIn ? (
            <button
              type="button"
              className="secondary small"
              disabled={working}
              onClick={() => void signOut(connection.id)}
            >
              Sign out
            </button>
          ) : (
            <button
              type="button"
              className="secondary small"
              disabled={working}
              onClick={() => void signIn(connection.id)}
            >
              Sign in
            </button>
          )
        ) : null}
        {genesys && !confirmRemove ? (
          <button type="button" className="secondary small" onClick={() => setConfirmRemove(true)}>
            Remove
          </button>
        ) : null}
      </div>
      {confirmRemove ? (
        <div className="inline-form" role="group" aria-label={`Remove ${connection.name}?`}>
          <span>Remove this organisation and its stored sign-in? Its cached data is removed too.</span>
          <button type="button" className="danger small" disabled={working} onClick={() => void remove(connection.id)}>
            Remove
          </button>
          <button type="button" className="link-button" onClick={() => setConfirmRemove(false)}>
            Keep
          </button>
        </div>
      ) : null}
      <TestResult result={tests[connection.id]} />
      {error?.connectionId === connection.id ? (
        <p role="alert" className="message message-error">
          {error.message}
        </p>
      ) : null}
    </li>
  );
}
