import { computerTimeZone } from './zoned-time';

/** Every zone this computer knows, plus UTC and its own zone (some engines leave those out of the list). */
export function timeZoneChoices(): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  zones.add(computerTimeZone());
  return [...zones].sort();
}
