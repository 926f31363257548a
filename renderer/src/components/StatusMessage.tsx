import type { ReactNode } from 'react';
import type { Loadable } from '../state/loadable';

interface Props<T> {
  data: Loadable<T>;
  /** What is loading, in the user's words: "connections", "app details". */
  what: string;
  children: (value: T) => ReactNode;
}

/** The one way screens show loading and failure for something fetched from the core. */
export function LoadableView<T>({ data, what, children }: Props<T>): ReactNode {
  switch (data.status) {
    case 'ready':
      return children(data.value);
    case 'error':
      return (
        <p role="alert" className="message message-error">
          Could not load {what}: {data.message}
        </p>
      );
    default:
      return (
        <p role="status" className="message">
          Loading {what}…
        </p>
      );
  }
}
