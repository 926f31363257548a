import type { RunResult } from '../../../../preload/contract/workspace-types';
import { describeSpan } from '../../format/datetime';

/** The parts of a range that are not in the cache, as days (or moments) in the report's zone. */
export function MissingList({ result, zone }: { result: RunResult; zone: string }) {
  if (result.missing.length === 0) return null;
  return (
    <>
      <p>Not in this computer&apos;s cache:</p>
      <ul className="missing-list">
        {result.missing.map((span) => (
          <li key={`${span.start}-${span.end}`}>{describeSpan(span.start, span.end, zone)}</li>
        ))}
      </ul>
    </>
  );
}
