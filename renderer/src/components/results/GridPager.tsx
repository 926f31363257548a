import { formatCount } from '../../format/numbers';
import { useGridStore } from '../../state/grid-store';

interface Props {
  pageSize: number;
  /** Scrolls the grid so this zero-based row is at the top. */
  onGo: (index: number) => void;
}

/** Row count and page buttons under the grid; pages are 100 rows, the same blocks the grid fetches. */
export function GridPager({ pageSize, onGo }: Props) {
  const total = useGridStore((state) => state.total);
  const visible = useGridStore((state) => state.visible);
  const first = visible && visible.first >= 0 ? visible.first : 0;
  const last = visible && visible.last >= 0 ? visible.last : 0;
  const pages = total === null ? null : Math.max(1, Math.ceil(total / pageSize));
  const page = Math.floor(first / pageSize) + 1;
  const go = (target: number) => onGo(Math.max(0, (target - 1) * pageSize));

  return (
    <nav className="pager" aria-label="Table pages">
      <p className="pager-count" role="status" data-testid="row-count">
        {total === null
          ? 'Counting rows…'
          : total === 0
            ? 'No rows match.'
            : `Rows ${formatCount(first + 1)}–${formatCount(Math.min(last + 1, total))} of ${formatCount(total)}`}
      </p>
      {pages !== null && pages > 1 ? (
        <div className="button-row compact">
          <button type="button" className="secondary small" disabled={page <= 1} onClick={() => go(1)}>
            First page
          </button>
          <button type="button" className="secondary small" disabled={page <= 1} onClick={() => go(page - 1)}>
            Previous page
          </button>
          <span className="pager-page">
            Page {formatCount(page)} of {formatCount(pages)}
          </span>
          <button type="button" className="secondary small" disabled={page >= pages} onClick={() => go(page + 1)}>
            Next page
          </button>
          <button type="button" className="secondary small" disabled={page >= pages} onClick={() => go(pages)}>
            Last page
          </button>
        </div>
      ) : null}
    </nav>
  );
}
