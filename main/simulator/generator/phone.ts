/** Phone numbers and country facts derived from the org's time zone. */
import { US_AREA_CODES } from './names';
import type { Rng } from './random';

export interface Country {
  code: string;
  callingCode: string;
  language: string;
}

const BY_ZONE_PREFIX: readonly [string, Country][] = [
  ['Europe/London', { code: 'GB', callingCode: '44', language: 'en-gb' }],
  ['Europe/Dublin', { code: 'IE', callingCode: '353', language: 'en-ie' }],
  ['Europe/Paris', { code: 'FR', callingCode: '33', language: 'fr-fr' }],
  ['Europe/Berlin', { code: 'DE', callingCode: '49', language: 'de-de' }],
  ['Europe/Madrid', { code: 'ES', callingCode: '34', language: 'es-es' }],
  ['Europe/Amsterdam', { code: 'NL', callingCode: '31', language: 'nl-nl' }],
  ['Australia/', { code: 'AU', callingCode: '61', language: 'en-au' }],
  ['Asia/Tokyo', { code: 'JP', callingCode: '81', language: 'ja-jp' }],
  ['America/Sao_Paulo', { code: 'BR', callingCode: '55', language: 'pt-br' }],
];

const US: Country = { code: 'US', callingCode: '1', language: 'en-us' };

export function countryForZone(timeZone: string): Country {
  for (const [prefix, country] of BY_ZONE_PREFIX) if (timeZone.startsWith(prefix)) return country;
  return US;
}

function digits(rng: Rng, n: number): string {
  return String(rng.int(0, 10 ** n - 1)).padStart(n, '0');
}

/** A caller's number as Genesys writes it: "tel:+13125550142". */
export function phoneNumber(rng: Rng, country: Country): string {
  switch (country.code) {
    case 'US':
      return `tel:+1${rng.pick(US_AREA_CODES)}${rng.int(2, 9)}${digits(rng, 6)}`;
    case 'GB':
      return rng.chance(0.7) ? `tel:+447${digits(rng, 9)}` : `tel:+4420${digits(rng, 8)}`;
    default:
      return `tel:+${country.callingCode}${rng.int(1, 9)}${digits(rng, 8)}`;
  }
}

/** The org's own inbound numbers (DNIS). */
export function serviceNumber(rng: Rng, country: Country): string {
  switch (country.code) {
    case 'US':
      return `tel:+1${rng.pick(['800', '888', '877', '866'])}555${digits(rng, 4)}`;
    case 'GB':
      return `tel:+44800${digits(rng, 7)}`;
    default:
      return `tel:+${country.callingCode}80${digits(rng, 7)}`;
  }
}
