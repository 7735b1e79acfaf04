/**
 * Usage location as an ISO 3166-1 alpha-2 code. Exports hold a code (`US`), the admin center's
 * `Country/Region` holds a name (`United States`). Names of ~70 common countries are accepted, in
 * English and a few in their own language.
 */
import { isSupportedCountry } from 'libphonenumber-js/max';

const NAMES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    'united states': 'US', 'united states of america': 'US', usa: 'US', 'u.s.': 'US', 'u.s.a.': 'US', america: 'US',
    'united kingdom': 'GB', uk: 'GB', 'great britain': 'GB', britain: 'GB', england: 'GB', scotland: 'GB', wales: 'GB', 'northern ireland': 'GB',
    canada: 'CA', mexico: 'MX', méxico: 'MX', brazil: 'BR', brasil: 'BR', argentina: 'AR', chile: 'CL', colombia: 'CO', peru: 'PE', perú: 'PE',
    germany: 'DE', deutschland: 'DE', france: 'FR', spain: 'ES', españa: 'ES', italy: 'IT', italia: 'IT', portugal: 'PT',
    netherlands: 'NL', 'the netherlands': 'NL', holland: 'NL', nederland: 'NL', belgium: 'BE', belgië: 'BE', belgique: 'BE', luxembourg: 'LU',
    switzerland: 'CH', schweiz: 'CH', suisse: 'CH', austria: 'AT', österreich: 'AT', ireland: 'IE', denmark: 'DK', danmark: 'DK',
    sweden: 'SE', sverige: 'SE', norway: 'NO', norge: 'NO', finland: 'FI', suomi: 'FI', iceland: 'IS', poland: 'PL', polska: 'PL',
    'czech republic': 'CZ', czechia: 'CZ', slovakia: 'SK', hungary: 'HU', romania: 'RO', bulgaria: 'BG', greece: 'GR', croatia: 'HR',
    slovenia: 'SI', serbia: 'RS', estonia: 'EE', latvia: 'LV', lithuania: 'LT', ukraine: 'UA', turkey: 'TR', türkiye: 'TR', turkiye: 'TR',
    israel: 'IL', 'united arab emirates': 'AE', uae: 'AE', 'saudi arabia': 'SA', qatar: 'QA', egypt: 'EG', 'south africa': 'ZA',
    nigeria: 'NG', kenya: 'KE', morocco: 'MA', india: 'IN', pakistan: 'PK', china: 'CN', "people's republic of china": 'CN',
    japan: 'JP', 'south korea': 'KR', korea: 'KR', 'republic of korea': 'KR', taiwan: 'TW', 'hong kong': 'HK', 'hong kong sar': 'HK',
    singapore: 'SG', malaysia: 'MY', thailand: 'TH', vietnam: 'VN', 'viet nam': 'VN', indonesia: 'ID', philippines: 'PH',
    australia: 'AU', 'new zealand': 'NZ', 'puerto rico': 'PR', cyprus: 'CY', malta: 'MT',
  }),
);

/** ISO code for a code or a common name; undefined when unknown. */
export function toCountryCode(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (t.length === 2) {
    const code = t.toUpperCase();
    if (code === 'UK') return 'GB';
    return isSupportedCountry(code) ? code : undefined;
  }
  return NAMES.get(t.toLowerCase().replace(/\s+/g, ' '));
}
