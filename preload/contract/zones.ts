import { z } from 'zod';

export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .max(64)
  .refine(isKnownTimeZone, { message: 'is not a time zone this computer knows (use a name like Europe/London)' });
