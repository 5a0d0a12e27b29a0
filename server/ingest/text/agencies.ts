/**
 * Agency tokens accepted as a dateline source `(…)`, lower-case. A source may combine them with `/`
 * (`dpa/MIA`, `dpa/lni`); anything else in brackets (`(on Monday)`) is not a dateline.
 */
const AGENCY_TOKENS = [
  // world and European agencies
  "ap", "afp", "dpa", "reuters", "efe", "ansa", "europa press", "ep", "upi", "xinhua", "kyodo", "yonhap",
  "pa", "press association", "anp", "belga", "apa", "sda", "ats", "keystone-sda", "kna", "epd", "dpa-afx",
  "ddp", "dapd", "sid", "kna", "ots", "aa", "anadolu", "tass", "ria novosti", "interfax", "ukrinform",
  "pap", "ctk", "čtk", "mti", "tanjug", "hina", "sta", "bta", "agerpres", "lusa", "agi", "adnkronos",
  "ana-mpa", "ana", "mia", "fena", "mina", "ata", "cna", "iss", "tt", "ntb", "stt", "ritzau", "fnb",
  "cp", "aap", "pti", "ians", "ani", "bernama", "antara", "pna", "vna", "notimex", "telam", "télam",
  "prensa latina", "ansamed", "tca", "bloomberg", "dow jones", "dj", "rtr", "afx", "aps", "mena", "wam",
  "spa", "qna", "kuna", "irna", "wafa", "kna", "ap photo",
  // dpa regional services
  "lni", "lby", "lsw", "lnw", "lhe", "lrs", "lsn", "lah", "lmv", "lbn", "lno", "lth", "lbb", "lsa",
  "dpa-infocom", "dpa-avs", "rnd", "kap", "idea", "kath.ch", "ref.ch", "sna",
  // combined credits written with a hyphen, and other services
  "sda-ats", "ats-sda", "keystone-ats", "apa-ots", "ria", "efe-eme", "dpa-afx", "sid", "hbl", "ips", "vna", "kpl",
  "yna", "nhk", "jiji", "cns", "chinanews", "sana", "petra", "mapa", "map", "aps", "tap", "lana", "sudan news agency",
  // Arabic, Hebrew and Cyrillic spellings
  "رويترز", "أ ف ب", "ا ف ب", "فرانس برس", "د ب أ", "أ ب", "أسوشيتد برس", "وام", "واس", "قنا", "كونا", "بترا", "سانا",
  "وفا", "الأناضول", "شينخوا", "إفي", "أ.ف.ب", "رويترز،", "א\"פ", "רויטרס", "אי-פי", "тасс", "риа новости", "интерфакс",
  "белта", "укринформ", "прайм", "ріа", "ukrinform",
  // the demo wire's fictional agencies (server/demo/demo-stories.ts), so its plain-text and 7901 copy credit them too
  "northwire", "exempla", "deltapress", "meridian", "orbis",
];
const AGENCIES = new Set(AGENCY_TOKENS);

/** True when the bracketed text is a known agency or a `/`/`-`/`,`-combination of them (`dpa/MIA`). */
export function isAgencySource(source: string): boolean {
  const parts = source.split(/\s*[/,+]\s*|\s+and\s+|\s+und\s+/i).map((part) => part.trim().toLowerCase());
  return parts.length > 0 && parts.every((part) => AGENCIES.has(part) || AGENCIES.has(part.replace(/\.$/, "")));
}
