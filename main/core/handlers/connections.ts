import { saveClientSecret } from '../../genesys';
import type { ConnectionStore } from '../connection-store';
import { DEMO_CONNECTION_ID } from '../connections';
import { UserFacingError } from '../errors';
import type { EventBus } from '../events';
import type { Sessions } from '../sessions';
import type { SettingsStore } from '../settings-store';
import type { SecretStore } from '../../genesys';
import type { HandlerGroup } from './types';

export interface ConnectionDeps {
  store: ConnectionStore;
  sessions: Sessions;
  secrets: SecretStore;
  settings: SettingsStore;
  events: EventBus;
}

export function connectionHandlers(deps: ConnectionDeps): HandlerGroup<'connections'> {
  const changed = () => {
    const list = deps.store.list();
    deps.events.emit('connections/changed', list);
    return list;
  };
  return {
    'connections/list': () => deps.store.list(),
    'connections/add': async (input) => {
      if (input.method === 'client-credentials' && !input.clientSecret) {
        throw new UserFacingError('bad-input', 'Enter the client secret your admin gave you.', 'clientSecret');
      }
      const added = deps.store.add({
        name: input.name,
        environment: input.environment,
        method: input.method,
        clientId: input.clientId,
      });
      // The secret goes to the OS keychain only; it is never stored with the connection nor sent back.
      if (input.method === 'client-credentials' && input.clientSecret) {
        try {
          await saveClientSecret(deps.secrets, added.id, input.clientSecret);
        } catch (error) {
          // A connection without its secret would only fail later; keep nothing instead.
          deps.store.remove(added.id);
          throw error;
        }
      }
      const summary = changed().find((item) => item.id === added.id);
      if (!summary) throw new Error('added connection missing from the list');
      return summary;
    },
    'connections/remove': async ({ connectionId }) => {
      deps.store.remove(connectionId);
      await deps.sessions.forget(connectionId);
      if (deps.settings.get().connectionId === connectionId) deps.settings.update({ connectionId: DEMO_CONNECTION_ID });
      return changed();
    },
    'connections/test': ({ connectionId }) => deps.sessions.test(connectionId),
    'connections/sign-in': ({ connectionId }) => deps.sessions.signIn(connectionId),
    'connections/sign-out': ({ connectionId }) => deps.sessions.signOut(connectionId),
    'connections/status': () => deps.sessions.status(deps.settings.get().connectionId),
  };
}
