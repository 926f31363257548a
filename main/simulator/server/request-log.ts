import type { FaultKind } from './faults';

export interface RequestRecord {
  /** 1, 2, 3… in arrival order; keeps counting across clear(). */
  seq: number;
  method: string;
  /** Path and query string as received. */
  path: string;
  /** The status sent, or null when the connection was dropped before any response. */
  status: number | null;
  /** Elapsed real time from arrival to the end of the response, in ms. */
  ms: number;
  /** The public id of the bearer token presented (never the token itself), or null. */
  tokenId: string | null;
  /** Injected faults, in the order applied (e.g. ['slow', '429']); empty when none. */
  faults: FaultKind[];
}

/** Every request the simulator sees, so tests and benchmarks can count what a client really sent. */
export class RequestLog {
  private records: RequestRecord[] = [];
  private nextSeq = 1;

  begin(method: string, path: string): RequestRecord {
    return { seq: this.nextSeq++, method, path, status: null, ms: 0, tokenId: null, faults: [] };
  }

  /** Records arrive in completion order; list() sorts them back into arrival order. */
  finish(record: RequestRecord): void {
    this.records.push(record);
  }

  list(): RequestRecord[] {
    return [...this.records].sort((a, b) => a.seq - b.seq).map((record) => ({ ...record, faults: [...record.faults] }));
  }

  clear(): void {
    this.records = [];
  }
}
