import { computerTimeZone } from '../dates/zoned-time';
import { useAppStore } from './app-store';
import { useQueryStore } from './query-store';

/** The zone a report runs in: the form's choice, else the default from Settings, else the computer's zone. */
export function useReportZone(): string {
  const chosen = useQueryStore((state) => state.draft.timeZone);
  const fallback = useAppStore((state) => (state.settings.status === 'ready' ? state.settings.value.timeZone : null));
  return chosen ?? fallback ?? computerTimeZone();
}

/** The connection the workspace uses (the Demo organization until Settings say otherwise). */
export function useConnectionId(): string {
  return useAppStore((state) => (state.settings.status === 'ready' ? state.settings.value.connectionId : 'demo'));
}
