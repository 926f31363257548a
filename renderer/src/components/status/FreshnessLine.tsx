import type { FreshnessInfo } from '../../../../preload/contract/workspace-types';
import { freshnessText } from '../../format/freshness';

export function FreshnessLine({ freshness, zone, now }: { freshness: FreshnessInfo; zone: string; now: number }) {
  return (
    <span className="freshness" data-testid="freshness">
      {freshnessText(freshness, zone, now)}
    </span>
  );
}
