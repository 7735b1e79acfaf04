/** Pick lists for the object forms: language tags and Windows time zone ids. */
/*
 * Countries come from the core facade (knownCountries, countryLabel), imported by the lazily loaded
 * views that need them: this module is shared with the entry script, which must not carry the
 * phone-number metadata.
 */

/** Common `-LanguageId` values for auto attendants. */
export const LANGUAGES: readonly (readonly [string, string])[] = [
  ['en-US', 'English (United States)'],
  ['en-GB', 'English (United Kingdom)'],
  ['en-AU', 'English (Australia)'],
  ['en-CA', 'English (Canada)'],
  ['en-IN', 'English (India)'],
  ['en-IE', 'English (Ireland)'],
  ['en-NZ', 'English (New Zealand)'],
  ['fr-FR', 'French (France)'],
  ['fr-CA', 'French (Canada)'],
  ['de-DE', 'German (Germany)'],
  ['es-ES', 'Spanish (Spain)'],
  ['es-MX', 'Spanish (Mexico)'],
  ['es-US', 'Spanish (United States)'],
  ['it-IT', 'Italian'],
  ['pt-BR', 'Portuguese (Brazil)'],
  ['pt-PT', 'Portuguese (Portugal)'],
  ['nl-NL', 'Dutch'],
  ['nl-BE', 'Dutch (Belgium)'],
  ['da-DK', 'Danish'],
  ['sv-SE', 'Swedish'],
  ['nb-NO', 'Norwegian'],
  ['fi-FI', 'Finnish'],
  ['pl-PL', 'Polish'],
  ['cs-CZ', 'Czech'],
  ['hu-HU', 'Hungarian'],
  ['ro-RO', 'Romanian'],
  ['el-GR', 'Greek'],
  ['tr-TR', 'Turkish'],
  ['ru-RU', 'Russian'],
  ['ar-SA', 'Arabic'],
  ['he-IL', 'Hebrew'],
  ['hi-IN', 'Hindi'],
  ['zh-CN', 'Chinese (Simplified)'],
  ['zh-TW', 'Chinese (Traditional)'],
  ['ja-JP', 'Japanese'],
  ['ko-KR', 'Korean'],
  ['th-TH', 'Thai'],
  ['id-ID', 'Indonesian'],
];

/** Common Windows time zone ids (`-TimeZoneId`). */
export const TIME_ZONES: readonly string[] = [
  'Hawaiian Standard Time',
  'Alaskan Standard Time',
  'Pacific Standard Time',
  'US Mountain Standard Time',
  'Mountain Standard Time',
  'Central Standard Time',
  'Central Standard Time (Mexico)',
  'Canada Central Standard Time',
  'Eastern Standard Time',
  'Atlantic Standard Time',
  'Newfoundland Standard Time',
  'SA Pacific Standard Time',
  'E. South America Standard Time',
  'Argentina Standard Time',
  'Pacific SA Standard Time',
  'UTC',
  'GMT Standard Time',
  'Greenwich Standard Time',
  'W. Europe Standard Time',
  'Romance Standard Time',
  'Central Europe Standard Time',
  'Central European Standard Time',
  'E. Europe Standard Time',
  'GTB Standard Time',
  'FLE Standard Time',
  'Israel Standard Time',
  'Turkey Standard Time',
  'South Africa Standard Time',
  'Egypt Standard Time',
  'Arab Standard Time',
  'Russian Standard Time',
  'Arabian Standard Time',
  'Pakistan Standard Time',
  'India Standard Time',
  'SE Asia Standard Time',
  'China Standard Time',
  'Singapore Standard Time',
  'Taipei Standard Time',
  'Tokyo Standard Time',
  'Korea Standard Time',
  'W. Australia Standard Time',
  'Cen. Australia Standard Time',
  'AUS Central Standard Time',
  'E. Australia Standard Time',
  'AUS Eastern Standard Time',
  'New Zealand Standard Time',
];

/** Language tag shape (`en-US`, `zh-CN`): the service only knows specific tags, so ask for one. */
export function languageProblem(tag: string): string {
  const t = tag.trim();
  if (t === '') return 'Choose the language of the prompts, e.g. en-US.';
  return /^[a-z]{2,3}-[A-Z]{2}$/.test(t) ? '' : 'Use a language tag such as en-US or fr-CA.';
}

export const newId = (prefix: string) => `${prefix}-${crypto.randomUUID()}`;
