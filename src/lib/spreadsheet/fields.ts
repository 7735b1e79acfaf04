/**
 * The fields a user list can fill and the header spellings that name them. Headers are compared
 * after `normalizeHeader` (lower case, letters and digits only), so `E-mail`, `E-Mail` and `email`
 * are one spelling. Earlier aliases win when a list has several candidates (Entra has both
 * `userPrincipalName` and `mail`: the UPN column is the UPN).
 */

export const FIELDS = [
  'upn',
  'displayName',
  'firstName',
  'lastName',
  'usageLocation',
  'country',
  'city',
  'office',
  'department',
  'licenses',
  'featureTypes',
  'teamsPhone',
  'enterpriseVoice',
  'phoneNumber',
  'directoryPhone',
  'sharedCallingPolicy',
  'voiceRoutingPolicy',
  'emergencyPolicy',
  'hiddenFromAddressLists',
  'accountType',
  'softDeleted',
] as const;

export type Field = (typeof FIELDS)[number];

const FIELD_SET: ReadonlySet<string> = new Set(FIELDS);
export const isField = (s: string): s is Field => FIELD_SET.has(s);

export const FIELD_LABEL: Readonly<Record<Field, string>> = {
  upn: 'User principal name',
  displayName: 'Display name',
  firstName: 'First name',
  lastName: 'Last name',
  usageLocation: 'Usage location',
  country: 'Country',
  city: 'City',
  office: 'Office',
  department: 'Department',
  licenses: 'Licences',
  featureTypes: 'Feature types (Teams PowerShell)',
  teamsPhone: 'Teams Phone licence (yes/no)',
  enterpriseVoice: 'Enterprise Voice enabled',
  phoneNumber: 'Teams phone number',
  directoryPhone: 'Directory phone (not a Teams number)',
  sharedCallingPolicy: 'Shared Calling policy',
  voiceRoutingPolicy: 'Voice routing policy',
  emergencyPolicy: 'Emergency call routing policy',
  hiddenFromAddressLists: 'Hidden from address lists (AA6)',
  accountType: 'Account type (Teams PowerShell, R6)',
  softDeleted: 'Soft deletion time stamp (R6)',
};

const MARKS = /\p{M}/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;

/**
 * Lower case, letters and digits only, accents dropped: `E-Mail` → `email`, `Büro` → `buro`,
 * `ユーザー プリンシパル名` keeps its (unaccented) Japanese letters. Headers in other languages
 * (admin-center exports in German, French, Japanese …) must not collapse to nothing. Both regular
 * expressions are single character classes: linear, no backtracking.
 */
export function normalizeHeader(h: string): string {
  let ascii = true;
  for (let i = 0; i < h.length && ascii; i++) if (h.charCodeAt(i) > 0x7e) ascii = false;
  if (ascii) {
    let out = '';
    const s = h.toLowerCase();
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122)) out += s[i];
    }
    return out;
  }
  return h.normalize('NFKD').replace(MARKS, '').toLocaleLowerCase('en-US').replace(NOT_LETTER_OR_DIGIT, '');
}

/**
 * Column headers of the Microsoft 365 admin center's user export (Active users > Export users) in
 * other display languages, as written in the file. The admin center translates its headers with
 * the admin's language; these are the spellings of its German, French, Spanish, Italian, Dutch,
 * Portuguese and Japanese user interface. They are compared after normalizeHeader, so case,
 * spaces, apostrophes and accents do not matter.
 */
export const LOCALIZED_M365_HEADERS: Readonly<Partial<Record<Field, readonly string[]>>> = {
  upn: [
    'Benutzerprinzipalname', // de
    'Nom d’utilisateur principal',
    "Nom d'utilisateur principal", // fr
    'Nombre principal de usuario', // es
    "Nome dell'entità utente",
    'Nome entità utente', // it
    'User Principal Name',
    'Principal-naam van gebruiker', // nl (the admin center keeps the English term)
    'Nome UPN',
    'Nome principal do usuário',
    'Nome principal de utilizador', // pt-BR, pt-PT
    'ユーザー プリンシパル名', // ja
  ],
  displayName: [
    'Anzeigename',
    'Nom complet',
    "Nom d'affichage",
    'Nombre para mostrar',
    'Nome visualizzato',
    'Weergavenaam',
    'Nome de exibição',
    'Nome a apresentar',
    '表示名',
  ],
  firstName: ['Vorname', 'Prénom', 'Nombre', 'Nome', 'Voornaam', 'Nome próprio', '名'],
  lastName: ['Nachname', 'Nom', 'Apellidos', 'Cognome', 'Achternaam', 'Sobrenome', 'Apelido', '姓'],
  usageLocation: [
    'Nutzungsort',
    'Verwendungsstandort',
    "Emplacement d'utilisation",
    "Lieu d'utilisation",
    'Ubicación de uso',
    'Posizione di utilizzo',
    'Località di utilizzo',
    'Gebruikslocatie',
    'Local de uso',
    'Localização de utilização',
    '利用場所',
    '使用場所',
  ],
  country: ['Land/Region', 'Pays/Région', 'País o región', 'País/región', 'Paese/Area geografica', 'Land/regio', 'País/Região', '国/地域'],
  city: ['Ort', 'Stadt', 'Ville', 'Ciudad', 'Città', 'Plaats', 'Cidade', '市区町村'],
  office: ['Büro', 'Bureau', 'Oficina', 'Ufficio', 'Kantoor', 'Escritório', '事業所'],
  department: ['Abteilung', 'Service', 'Département', 'Departamento', 'Reparto', 'Afdeling', '部署'],
  licenses: ['Lizenzen', 'Licences', 'Licencias', 'Licenze', 'Licenties', 'Licenças', 'ライセンス'],
};

/** Aliases per field in priority order (normalized spellings). */
const ALIASES: Readonly<Record<Field, readonly string[]>> = {
  upn: ['userprincipalname', 'upn', 'signinname', 'username', 'login', 'email', 'emailaddress', 'mail', 'primarysmtpaddress', 'workemail'],
  displayName: ['displayname', 'fullname', 'name', 'employeename'],
  firstName: ['firstname', 'givenname'],
  lastName: ['lastname', 'surname', 'familyname'],
  usageLocation: ['usagelocation'],
  country: ['countryregion', 'country', 'countryorregion', 'countrycode'],
  city: ['city', 'town'],
  office: ['office', 'officelocation', 'site', 'location', 'physicaldeliveryofficename', 'building', 'branch'],
  department: ['department', 'dept', 'division'],
  licenses: ['licenses', 'licences', 'license', 'licence', 'assignedlicenses', 'assignedlicences', 'skus'],
  featureTypes: ['featuretypes'],
  teamsPhone: ['teamsphone', 'teamsphonelicense', 'teamsphonelicence', 'hasteamsphone'],
  enterpriseVoice: ['enterprisevoiceenabled', 'enterprisevoice', 'evenabled'],
  phoneNumber: [
    'lineuri',
    'teamsnumber',
    'teamsphonenumber',
    'currentnumber',
    'phonenumber',
    'phone',
    'telephonenumber',
    'businessphone',
    'directnumber',
    'did',
    'number',
  ],
  directoryPhone: [],
  sharedCallingPolicy: ['teamssharedcallingroutingpolicy', 'sharedcallingpolicy', 'sharedcallingroutingpolicy'],
  voiceRoutingPolicy: ['onlinevoiceroutingpolicy', 'voiceroutingpolicy'],
  emergencyPolicy: ['teamsemergencycallroutingpolicy', 'emergencycallroutingpolicy', 'emergencypolicy'],
  // AA6: Exchange Get-Mailbox / Get-Recipient exports.
  hiddenFromAddressLists: ['hiddenfromaddresslistsenabled', 'hiddenfromaddresslists'],
  // R6: Get-CsOnlineUser (6.2.0+) returns guests, unlicensed (IneligibleUser) and soft-deleted users.
  accountType: ['accounttype'],
  softDeleted: ['softdeletiontimestamp', 'softdeletiontime'],
};

/** normalized alias → [field, priority]. Localized admin-center headers rank after every English alias. */
const ALIAS_INDEX: ReadonlyMap<string, readonly [Field, number]> = (() => {
  const m = new Map<string, readonly [Field, number]>();
  for (const f of FIELDS) ALIASES[f].forEach((a, i) => m.set(a, [f, i]));
  for (const f of FIELDS) {
    (LOCALIZED_M365_HEADERS[f] ?? []).forEach((h, i) => {
      const n = normalizeHeader(h);
      // An English alias keeps its field ("Nom" is French for last name but not an English header).
      if (n !== '' && !m.has(n)) m.set(n, [f, 100 + i]);
    });
  }
  return m;
})();

/** Normalized localized UPN headers: their presence marks a localized admin-center export. */
export const LOCALIZED_UPN_HEADERS: ReadonlySet<string> = new Set((LOCALIZED_M365_HEADERS.upn ?? []).map(normalizeHeader));
export const LOCALIZED_LICENCE_HEADERS: ReadonlySet<string> = new Set((LOCALIZED_M365_HEADERS.licenses ?? []).map(normalizeHeader));

/** Directory phone attributes in the admin-center exports are not Teams numbers (export-layouts.md). */
const DIRECTORY_PHONE_IN = new Set(['m365-admin-center', 'entra-download-users']);
const DIRECTORY_PHONE_HEADERS = new Set([
  'phonenumber',
  'telephonenumber',
  // The same column in the admin center's other display languages (LOCALIZED_M365_HEADERS).
  ...['Telefonnummer', 'Numéro de téléphone', 'Número de teléfono', 'Numero di telefono', 'Telefoonnummer', 'Número de telefone', '電話番号'].map(
    normalizeHeader,
  ),
]);

export function aliasOf(normalized: string, layout: string): readonly [Field, number] | undefined {
  if (DIRECTORY_PHONE_IN.has(layout) && DIRECTORY_PHONE_HEADERS.has(normalized)) return ['directoryPhone', 0];
  return ALIAS_INDEX.get(normalized);
}

export const isKnownHeader = (normalized: string): boolean => ALIAS_INDEX.has(normalized);
export const isUpnHeader = (normalized: string): boolean => ALIAS_INDEX.get(normalized)?.[0] === 'upn';
