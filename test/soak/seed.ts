/**
 * The seed for the random kill points: RELIABILITY_SEED when set (to replay a run), otherwise a new one each run
 * so successive runs probe different moments. It is printed and kept in the figures either way.
 */
export function reliabilitySeed(): string {
  return process.env.RELIABILITY_SEED ?? `r${Date.now().toString(36)}`;
}
