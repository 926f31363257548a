import type { ReportDescriptor } from '../../../preload/contract/workspace-types';
import { readColumnMemory } from '../grid/column-memory';
import { defaultColumns } from '../query/draft';
import { useQueryStore } from './query-store';

/**
 * The visible columns (in order) of the result on screen. They follow the form while it shows the same report;
 * once the supervisor picks another report, the last result keeps its own columns (remembered or default), so a
 * grid never shows one report's rows with another report's column choice.
 */
export function useResultColumns(descriptor: ReportDescriptor): string[] {
  const draftReport = useQueryStore((state) => state.draft.report);
  const draftColumns = useQueryStore((state) => state.draft.columns);
  if (draftReport === descriptor.id) return draftColumns;
  return readColumnMemory(descriptor)?.columns ?? defaultColumns(descriptor);
}
