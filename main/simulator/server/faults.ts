import { DEFAULT_FAULTS, type FaultRates, type FaultSettings } from './options';

export type FaultKind = keyof FaultRates;
/** The faults that replace or break the response; `slow` only delays it. */
export type BreakingFault = Exclude<FaultKind, 'slow'>;

export interface FaultDecision {
  kind: BreakingFault | null;
  slowMs: number;
  /** A uniform 0..1 draw that picks the flavour of the fault (which 5xx, reset before or during the body, …). */
  variant: number;
}

const BREAKING: readonly BreakingFault[] = ['429', '5xx', 'reset', 'truncate'];
export const FAULT_KINDS: readonly FaultKind[] = ['429', '5xx', 'reset', 'slow', 'truncate'];

/** mulberry32 seeded with a FNV-1a hash of the seed text: tiny, fast, and the same sequence on every platform. */
export function seededRandom(seed: string): () => number {
  let state = 0x811c9dc5;
  for (const char of seed) state = Math.imul(state ^ (char.codePointAt(0) ?? 0), 0x01000193);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function validateRates(rates: Partial<FaultRates>): void {
  for (const [kind, rate] of Object.entries(rates)) {
    if (!FAULT_KINDS.includes(kind as FaultKind)) throw new Error(`Unknown fault "${kind}".`);
    if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate > 1) {
      throw new Error(`The rate for fault "${kind}" must be a number from 0 to 1.`);
    }
  }
  const exclusive = BREAKING.reduce((sum, kind) => sum + (rates[kind] ?? 0), 0);
  if (exclusive > 1 + 1e-9) throw new Error('The rates of 429, 5xx, reset and truncate must add up to at most 1.');
}

/** Parses the CLI form `429=0.1,5xx=0.03,reset=0.01`. */
export function parseFaultSpec(spec: string): Partial<FaultRates> {
  const rates: Partial<FaultRates> = {};
  for (const part of spec.split(',').map((item) => item.trim())) {
    if (part === '') continue;
    const [kind = '', value = ''] = part.split('=').map((item) => item.trim());
    if (!FAULT_KINDS.includes(kind as FaultKind)) {
      throw new Error(`Unknown fault "${kind}". Use ${FAULT_KINDS.join(', ')}.`);
    }
    const rate = value === '' ? Number.NaN : Number(value);
    rates[kind as FaultKind] = rate;
  }
  validateRates(rates);
  return rates;
}

/**
 * Decides per request which fault to inject. It draws exactly three numbers
 * per request whatever the rates, so the same seed and the same request
 * order give the same faults even after setFaults() changes the rates.
 */
export class FaultInjector {
  private rates: FaultRates;
  private readonly random: () => number;
  private readonly slowMs: number;

  constructor(settings: Partial<FaultSettings>) {
    const full = { ...DEFAULT_FAULTS, ...settings };
    this.rates = pickRates(full);
    validateRates(this.rates);
    this.random = seededRandom(full.seed);
    this.slowMs = full.slowMs;
  }

  /** Sets exactly these rates; kinds not given become 0. */
  set(rates: Partial<FaultRates>): void {
    validateRates(rates);
    this.rates = pickRates({ ...zeroRates(), ...rates });
  }

  current(): FaultRates {
    return { ...this.rates };
  }

  decide(): FaultDecision {
    const pick = this.random();
    const slow = this.random();
    const variant = this.random();
    let kind: BreakingFault | null = null;
    let edge = 0;
    for (const candidate of BREAKING) {
      edge += this.rates[candidate];
      if (pick < edge) {
        kind = candidate;
        break;
      }
    }
    return { kind, slowMs: slow < this.rates.slow ? this.slowMs : 0, variant };
  }
}

function zeroRates(): FaultRates {
  return { '429': 0, '5xx': 0, reset: 0, slow: 0, truncate: 0 };
}

function pickRates(source: FaultRates): FaultRates {
  return {
    '429': source['429'],
    '5xx': source['5xx'],
    reset: source.reset,
    slow: source.slow,
    truncate: source.truncate,
  };
}
