import { errorMessage } from '../api/client';

/** Something loaded from the core: not asked yet, on its way, there, or failed with a message to show. */
export type Loadable<T> =
  { status: 'idle' } | { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

export async function load<T>(fetch: () => Promise<T>): Promise<Loadable<T>> {
  try {
    return { status: 'ready', value: await fetch() };
  } catch (error) {
    return { status: 'error', message: errorMessage(error) };
  }
}

export function valueOf<T>(data: Loadable<T>): T | undefined {
  return data.status === 'ready' ? data.value : undefined;
}
