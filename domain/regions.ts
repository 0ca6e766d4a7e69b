/**
 * States, provinces and territories of the port countries, by postal code ('NY', 'ON', 'NSW'), with a
 * representative IANA zone, used for "midnight of the FOC date".
 * Where a region spans zones, the zone of most of its population is chosen (noted per entry); an
 * order in the minority zone sets `timeZone` explicitly. Canonical zone names only (no links such as
 * America/Montreal or Australia/Canberra).
 */
export interface Region {
  name: string;
  timeZone: string;
}

export const US_REGIONS: Readonly<Record<string, Region>> = {
  AL: { name: 'Alabama', timeZone: 'America/Chicago' },
  AK: { name: 'Alaska', timeZone: 'America/Anchorage' }, // Aleutians west of 169.5°W: America/Adak
  AZ: { name: 'Arizona', timeZone: 'America/Phoenix' }, // no DST; the Navajo Nation keeps DST (America/Denver)
  AR: { name: 'Arkansas', timeZone: 'America/Chicago' },
  CA: { name: 'California', timeZone: 'America/Los_Angeles' },
  CO: { name: 'Colorado', timeZone: 'America/Denver' },
  CT: { name: 'Connecticut', timeZone: 'America/New_York' },
  DE: { name: 'Delaware', timeZone: 'America/New_York' },
  DC: { name: 'District of Columbia', timeZone: 'America/New_York' },
  FL: { name: 'Florida', timeZone: 'America/New_York' }, // western panhandle: America/Chicago
  GA: { name: 'Georgia', timeZone: 'America/New_York' },
  HI: { name: 'Hawaii', timeZone: 'Pacific/Honolulu' },
  ID: { name: 'Idaho', timeZone: 'America/Boise' }, // the northern panhandle: America/Los_Angeles
  IL: { name: 'Illinois', timeZone: 'America/Chicago' },
  IN: { name: 'Indiana', timeZone: 'America/Indiana/Indianapolis' }, // north-west and south-west corners: America/Chicago
  IA: { name: 'Iowa', timeZone: 'America/Chicago' },
  KS: { name: 'Kansas', timeZone: 'America/Chicago' }, // four western counties: America/Denver
  KY: { name: 'Kentucky', timeZone: 'America/New_York' }, // western half: America/Chicago
  LA: { name: 'Louisiana', timeZone: 'America/Chicago' },
  ME: { name: 'Maine', timeZone: 'America/New_York' },
  MD: { name: 'Maryland', timeZone: 'America/New_York' },
  MA: { name: 'Massachusetts', timeZone: 'America/New_York' },
  MI: { name: 'Michigan', timeZone: 'America/Detroit' }, // four Upper Peninsula counties: America/Menominee
  MN: { name: 'Minnesota', timeZone: 'America/Chicago' },
  MS: { name: 'Mississippi', timeZone: 'America/Chicago' },
  MO: { name: 'Missouri', timeZone: 'America/Chicago' },
  MT: { name: 'Montana', timeZone: 'America/Denver' },
  NE: { name: 'Nebraska', timeZone: 'America/Chicago' }, // the panhandle: America/Denver
  NV: { name: 'Nevada', timeZone: 'America/Los_Angeles' },
  NH: { name: 'New Hampshire', timeZone: 'America/New_York' },
  NJ: { name: 'New Jersey', timeZone: 'America/New_York' },
  NM: { name: 'New Mexico', timeZone: 'America/Denver' },
  NY: { name: 'New York', timeZone: 'America/New_York' },
  NC: { name: 'North Carolina', timeZone: 'America/New_York' },
  ND: { name: 'North Dakota', timeZone: 'America/Chicago' }, // south-west: America/Denver
  OH: { name: 'Ohio', timeZone: 'America/New_York' },
  OK: { name: 'Oklahoma', timeZone: 'America/Chicago' },
  OR: { name: 'Oregon', timeZone: 'America/Los_Angeles' }, // most of Malheur County: America/Boise
  PA: { name: 'Pennsylvania', timeZone: 'America/New_York' },
  RI: { name: 'Rhode Island', timeZone: 'America/New_York' },
  SC: { name: 'South Carolina', timeZone: 'America/New_York' },
  SD: { name: 'South Dakota', timeZone: 'America/Chicago' }, // western half (Rapid City): America/Denver
  TN: { name: 'Tennessee', timeZone: 'America/Chicago' }, // East Tennessee (Knoxville, Chattanooga): America/New_York
  TX: { name: 'Texas', timeZone: 'America/Chicago' }, // El Paso and Hudspeth: America/Denver
  UT: { name: 'Utah', timeZone: 'America/Denver' },
  VT: { name: 'Vermont', timeZone: 'America/New_York' },
  VA: { name: 'Virginia', timeZone: 'America/New_York' },
  WA: { name: 'Washington', timeZone: 'America/Los_Angeles' },
  WV: { name: 'West Virginia', timeZone: 'America/New_York' },
  WI: { name: 'Wisconsin', timeZone: 'America/Chicago' },
  WY: { name: 'Wyoming', timeZone: 'America/Denver' },
  PR: { name: 'Puerto Rico', timeZone: 'America/Puerto_Rico' },
  VI: { name: 'U.S. Virgin Islands', timeZone: 'America/St_Thomas' },
  GU: { name: 'Guam', timeZone: 'Pacific/Guam' },
  AS: { name: 'American Samoa', timeZone: 'Pacific/Pago_Pago' },
  MP: { name: 'Northern Mariana Islands', timeZone: 'Pacific/Saipan' },
};

export const CA_REGIONS: Readonly<Record<string, Region>> = {
  AB: { name: 'Alberta', timeZone: 'America/Edmonton' },
  BC: { name: 'British Columbia', timeZone: 'America/Vancouver' }, // north-east (Dawson Creek, Fort St. John): no DST, America/Dawson_Creek
  MB: { name: 'Manitoba', timeZone: 'America/Winnipeg' },
  NB: { name: 'New Brunswick', timeZone: 'America/Moncton' },
  NL: { name: 'Newfoundland and Labrador', timeZone: 'America/St_Johns' }, // most of Labrador: America/Goose_Bay
  NS: { name: 'Nova Scotia', timeZone: 'America/Halifax' },
  NT: { name: 'Northwest Territories', timeZone: 'America/Edmonton' }, // Yellowknife keeps Mountain time (America/Yellowknife is now a link)
  NU: { name: 'Nunavut', timeZone: 'America/Iqaluit' }, // Kivalliq: America/Rankin_Inlet; Kitikmeot: America/Cambridge_Bay
  ON: { name: 'Ontario', timeZone: 'America/Toronto' }, // north-west of 90°W: America/Winnipeg; Atikokan: no DST
  PE: { name: 'Prince Edward Island', timeZone: 'America/Halifax' },
  QC: { name: 'Quebec', timeZone: 'America/Toronto' }, // Magdalen Islands: America/Halifax; Lower North Shore: America/Puerto_Rico
  SK: { name: 'Saskatchewan', timeZone: 'America/Regina' }, // no DST; Lloydminster follows Alberta
  YT: { name: 'Yukon', timeZone: 'America/Whitehorse' },
};

export const AU_REGIONS: Readonly<Record<string, Region>> = {
  NSW: { name: 'New South Wales', timeZone: 'Australia/Sydney' }, // Broken Hill: Australia/Broken_Hill; Lord Howe Island: Australia/Lord_Howe
  ACT: { name: 'Australian Capital Territory', timeZone: 'Australia/Sydney' },
  VIC: { name: 'Victoria', timeZone: 'Australia/Melbourne' },
  QLD: { name: 'Queensland', timeZone: 'Australia/Brisbane' }, // no DST
  SA: { name: 'South Australia', timeZone: 'Australia/Adelaide' },
  WA: { name: 'Western Australia', timeZone: 'Australia/Perth' }, // no DST
  TAS: { name: 'Tasmania', timeZone: 'Australia/Hobart' },
  NT: { name: 'Northern Territory', timeZone: 'Australia/Darwin' }, // no DST
};
