/**
 * UUID-shaped ids. Reference-data and participant/session ids are plain
 * random v4 UUIDs from a seeded stream. Conversation ids also carry their
 * org-local day number and in-day index (masked so they still look random),
 * which lets `conversationById` rebuild exactly one conversation without scanning.
 */
import { fmix32, Rng, type SeedWords, Stream } from './random';

/** Char codes of '0'…'f'. */
const HEX: readonly number[] = Array.from({ length: 16 }, (_, i) => i.toString(16).charCodeAt(0));

function h(x: number, shift: number): number {
  return HEX[(x >>> shift) & 15] as number;
}

/**
 * Formats four 32-bit words as xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx, forcing
 * the version and variant nibbles. One `fromCharCode` call builds a flat
 * string: piecewise concatenation costs several times the time and memory.
 */
function format(a: number, b: number, c: number, d: number): string {
  // prettier-ignore
  return String.fromCharCode(
    h(a, 28), h(a, 24), h(a, 20), h(a, 16), h(a, 12), h(a, 8), h(a, 4), h(a, 0), 45,
    h(b, 28), h(b, 24), h(b, 20), h(b, 16), 45,
    52, h(b, 8), h(b, 4), h(b, 0), 45,
    HEX[8 | ((c >>> 28) & 3)] as number, h(c, 24), h(c, 20), h(c, 16), 45,
    h(c, 12), h(c, 8), h(c, 4), h(c, 0), h(d, 28), h(d, 24), h(d, 20), h(d, 16), h(d, 12), h(d, 8), h(d, 4), h(d, 0),
  );
}

export function randomUuid(rng: Rng): string {
  return format(rng.uint32(), rng.uint32(), rng.uint32(), rng.uint32());
}

/** Takes the draws `randomUuid` takes, without making the string: keeps a stream in step when the id is not needed. */
export function skipUuid(rng: Rng): void {
  for (let i = 0; i < 4; i++) rng.uint32();
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DAY_BITS = 17;
const INDEX_BITS = 28;
const TAG_BITS = 60 - DAY_BITS - INDEX_BITS;
const HALF = (1 << 30) - 1;

/** Largest number of conversations one day can hold and still be addressable by id. */
export const MAX_CONVERSATIONS_PER_DAY = 2 ** INDEX_BITS;

export interface ConversationKey {
  day: number;
  index: number;
}

/**
 * Encodes and decodes conversation ids for one seed. The 60 free bits of a
 * v4 UUID's first three groups hold (day, index, tag) through a keyed
 * Feistel permutation, so ids look random yet decode without any lookup;
 * the tag rejects ids from another seed or made up.
 */
export class ConversationIds {
  private readonly keys: number[];
  private readonly tag: number;

  constructor(root: SeedWords) {
    const rng = Rng.derive(root, Stream.idMask);
    this.keys = [rng.uint32(), rng.uint32(), rng.uint32(), rng.uint32()];
    this.tag = rng.uint32() & ((1 << TAG_BITS) - 1);
  }

  private round(half: number, key: number): number {
    return fmix32(half ^ key) & HALF;
  }

  /** `rng` fills the last 64 bits (minus the variant), like any random UUID. */
  encode(key: ConversationKey, rng: Rng): string {
    let left = (((key.day & ((1 << DAY_BITS) - 1)) << 13) | (key.index >>> 15)) & HALF;
    let right = ((key.index & 0x7fff) << TAG_BITS) | this.tag;
    for (const k of this.keys) [left, right] = [right, left ^ this.round(right, k)];
    // 30 + 30 bits → the first 8 hex digits, the next 4, and 3 after the version nibble.
    const a = ((left << 2) | (right >>> 28)) >>> 0;
    const b = (((right >>> 12) & 0xffff) << 16) | (right & 0x0fff);
    return format(a, b >>> 0, rng.uint32(), rng.uint32());
  }

  /** Draws from `rng` exactly what `encode` draws, without making the id: for callers that need later draws. */
  skip(rng: Rng): void {
    rng.uint32();
    rng.uint32();
  }

  decode(id: string): ConversationKey | undefined {
    const lower = id.toLowerCase();
    if (!UUID_V4.test(lower)) return undefined;
    const a = parseInt(lower.slice(0, 8), 16);
    let left = a >>> 2;
    let right = ((a & 3) << 28) | (parseInt(lower.slice(9, 13), 16) << 12) | parseInt(lower.slice(15, 18), 16);
    for (let i = this.keys.length - 1; i >= 0; i--) {
      [left, right] = [right ^ this.round(left, this.keys[i] ?? 0), left];
    }
    if ((right & ((1 << TAG_BITS) - 1)) !== this.tag) return undefined;
    return { day: left >>> 13, index: ((left & 0x1fff) << 15) | (right >>> TAG_BITS) };
  }
}
