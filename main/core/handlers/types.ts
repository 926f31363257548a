import type { OperationName } from '../../../preload/contract/names';
import type { Handlers } from '../dispatcher';

/** Each domain contributes the handlers of its own operations; core.ts checks the union covers them all. */
export type HandlerGroup<Prefix extends string> = Pick<Handlers, Extract<OperationName, `${Prefix}/${string}`>>;
