import type { EventBus } from '../events';
import type { SavedReportStore } from '../saved-reports';
import type { HandlerGroup } from './types';

export function savedHandlers(store: SavedReportStore, events: EventBus): HandlerGroup<'saved'> {
  const announce = <T>(value: T): T => {
    events.emit('saved/changed', store.list());
    return value;
  };
  return {
    'saved/list': () => store.list(),
    'saved/save': (input) => announce(store.save(input)),
    'saved/rename': ({ id, name }) => announce(store.rename(id, name)),
    'saved/duplicate': ({ id }) => announce(store.duplicate(id)),
    'saved/delete': ({ id }) => announce(store.delete(id)),
  };
}
