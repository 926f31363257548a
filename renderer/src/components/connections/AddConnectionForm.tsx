import { useId, useState } from 'react';
import type { OperationInput } from '../../../../preload/contract/operations';
import { useConnectionsStore } from '../../state/connections-store';

type Method = OperationInput<'connections/add'>['method'];

/**
 * Adds a Genesys Cloud organisation. The client secret goes straight to the core (which keeps it in the
 * operating system's keychain) and is cleared from this form; it is never shown again.
 */
export function AddConnectionForm() {
  const id = useId();
  const add = useConnectionsStore((state) => state.add);
  const busy = useConnectionsStore((state) => state.busy === 'new');
  const error = useConnectionsStore((state) => (state.error?.connectionId === null ? state.error.message : null));
  const [name, setName] = useState('');
  const [environment, setEnvironment] = useState('');
  const [method, setMethod] = useState<Method>('pkce');
  const [clientId, setClientId] = useState('');
  const [secret, setSecret] = useState('');
  const [added, setAdded] = useState<string | null>(null);

  return (
    <form
      className="form add-connection"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        setAdded(null);
        const input: OperationInput<'connections/add'> = {
          name,
          environment,
          method,
          clientId,
          ...(method === 'client-credentials' ? { clientSecret: secret } : {}),
        };
        void add(input).then((ok) => {
          setSecret('');
          if (!ok) return;
          setAdded(name);
          setName('');
          setEnvironment('');
          setClientId('');
        });
      }}
    >
      <h2 id={`${id}-title`}>Add a Genesys Cloud organisation</h2>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          required
          value={name}
          maxLength={120}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-env`}>Region or base URL</label>
        <input
          id={`${id}-env`}
          required
          value={environment}
          placeholder="mypurecloud.ie"
          aria-describedby={`${id}-env-hint`}
          onChange={(event) => setEnvironment(event.target.value)}
        />
        <p id={`${id}-env-hint`} className="hint">
          The address you sign in to Genesys Cloud at, without “apps.”: for example mypurecloud.com (US East),
          mypurecloud.ie (Dublin), euw2.pure.cloud (London) or usw2.pure.cloud (US West).
        </p>
      </div>
      <fieldset className="field">
        <legend>Sign-in method</legend>
        <label className="option">
          <input type="radio" name={`${id}-method`} checked={method === 'pkce'} onChange={() => setMethod('pkce')} />
          <span>Sign in as a Genesys Cloud user, in the browser (recommended)</span>
        </label>
        <label className="option">
          <input
            type="radio"
            name={`${id}-method`}
            checked={method === 'client-credentials'}
            onChange={() => setMethod('client-credentials')}
          />
          <span>Client credentials (an OAuth client your administrator created)</span>
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-client`}>OAuth client ID</label>
        <input
          id={`${id}-client`}
          required
          value={clientId}
          autoComplete="off"
          onChange={(event) => setClientId(event.target.value)}
        />
      </div>
      {method === 'client-credentials' ? (
        <div className="field">
          <label htmlFor={`${id}-secret`}>Client secret</label>
          <input
            id={`${id}-secret`}
            type="password"
            required
            value={secret}
            autoComplete="off"
            aria-describedby={`${id}-secret-hint`}
            onChange={(event) => setSecret(event.target.value)}
          />
          <p id={`${id}-secret-hint`} className="hint">
            Kept in this computer&apos;s keychain. It is never shown again, here or anywhere else.
          </p>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="message message-error">
          {error}
        </p>
      ) : null}
      {added ? (
        <p role="status" className="message">
          Added “{added}”. Test the connection, then sign in.
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add organisation'}
        </button>
      </div>
    </form>
  );
}
