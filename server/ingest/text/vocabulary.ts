/**
 * One vocabulary for what formats name differently: change signals and genres as IPTC NewsCodes
 * qcodes (`sig:correction` whether G2 said `sig:correction`, 7901 `Berichtigung` or ANPA
 * `Correction`), and agency names in the spelling the agencies use themselves (`dpa`, `AFP`).
 */

/** Signal words and codes of every format → the IPTC signal qcode (or our own `sig:` code). */
const SIGNALS: Readonly<Record<string, string>> = {
  update: "sig:update", updated: "sig:update", writethru: "sig:update", "write-thru": "sig:update", lead: "sig:update",
  aktualisierung: "sig:update", u: "sig:update",
  correction: "sig:correction", corrected: "sig:correction", corrective: "sig:correction", berichtigung: "sig:correction",
  korrektur: "sig:correction", rectificatif: "sig:correction", corrección: "sig:correction", correccion: "sig:correction",
  correzione: "sig:correction", rettifica: "sig:correction", c: "sig:correction",
  refile: "sig:refile", repeat: "sig:refile", rpt: "sig:refile", wiederholung: "sig:refile",
  kill: "sig:kill", withdrawal: "sig:kill", elimination: "sig:kill", eliminar: "sig:kill",
  replaced: "sig:replaced", cwarn: "sig:cwarn", isplanned: "sig:planned", planned: "sig:planned",
};

/**
 * Canonical signal of a format's signal value: a scheme prefix is dropped (`sig:`, `edStat:`,
 * `dpasig:`, a URI up to its last `/`), the word looked up case-insensitively; unknown values are kept
 * as they came so nothing is lost.
 */
export function normalizeSignal(value: string): string {
  const trimmed = value.trim();
  const code = trimmed.replace(/^.*[/#]/, "").replace(/^[\w-]{1,20}:/, "").toLowerCase();
  return SIGNALS[code] ?? trimmed;
}

/** Genre names and codes → IPTC genre NewsCodes qcode (`genre:Advisory`). */
const GENRES: Readonly<Record<string, string>> = {
  advisory: "genre:Advisory", advisories: "genre:Advisory", planungshinweis: "genre:Advisory", hinweis: "genre:Advisory",
  vorschau: "genre:Preview", preview: "genre:Preview", tagesvorschau: "genre:Preview", "wochenvorschau": "genre:Preview",
  analysis: "genre:Analysis", analyse: "genre:Analysis", análisis: "genre:Analysis",
  interview: "genre:Interview", entrevista: "genre:Interview", intervista: "genre:Interview",
  feature: "genre:Feature", reportage: "genre:Feature", lesestück: "genre:Feature", hintergrund: "genre:Background",
  background: "genre:Background", obituary: "genre:Obituary", nachruf: "genre:Obituary",
  opinion: "genre:Opinion", commentary: "genre:Opinion", kommentar: "genre:Opinion", editorial: "genre:Opinion",
  summary: "genre:Summary", zusammenfassung: "genre:Summary", roundup: "genre:Summary",
  "fact box": "genre:Factbox", factbox: "genre:Factbox", faktenbox: "genre:Factbox", chronology: "genre:Chronology",
  chronologie: "genre:Chronology", profile: "genre:Profile", porträt: "genre:Profile", portrait: "genre:Profile",
  results: "genre:Results", ergebnisse: "genre:Results", "results-listings-statistics": "genre:Results",
  current: "genre:Current", actuality: "genre:Current",
  // NITF tobject.type / tobject.property.type spellings of the same genres.
  features: "genre:Feature", "from the scene": "genre:FromTheScene", forecast: "genre:Forecast", "press release": "genre:PressRelease", transcript: "genre:Transcript",
  "transcript and verbatim": "genre:Transcript", "wrap-up": "genre:WrapUp", wrapup: "genre:WrapUp", retrospective: "genre:Retrospective",
};

/** The canonical genres among some genre names and codes (unknown ones left out). */
export function knownGenres(values: Iterable<string | null | undefined>): string[] {
  const genres: string[] = [];
  for (const value of values) {
    const genre = value ? normalizeGenre(value) : null;
    if (genre && !genres.includes(genre)) genres.push(genre);
  }
  return genres;
}

/** Canonical genre qcode of a genre name or code (`genre:Advisory`, `Vorschau`, `dpagenre:feature`), else null. */
export function normalizeGenre(value: string): string | null {
  const code = value.trim().replace(/^.*[/#]/, "").replace(/^[\w-]{1,20}:/, "").toLowerCase();
  return GENRES[code] ?? null;
}

/** Agency spellings (lower case, any scheme prefix removed) → the name the agency uses. */
const AGENCIES: Readonly<Record<string, string>> = {
  ap: "AP", "associated press": "AP", "the associated press": "AP", apnews: "AP",
  afp: "AFP", "agence france-presse": "AFP", "agence france presse": "AFP", "afp.com": "AFP",
  dpa: "dpa", "deutsche presse-agentur": "dpa", "dpa deutsche presse-agentur gmbh": "dpa", "dpa.com": "dpa", "dpa.de": "dpa",
  "dpa-afx": "dpa-AFX", reuters: "Reuters", "thomson reuters": "Reuters", "reuters.com": "Reuters", rtr: "Reuters",
  ansa: "ANSA", "agenzia ansa": "ANSA", efe: "EFE", "agencia efe": "EFE", apa: "APA", "austria presse agentur": "APA",
  sda: "Keystone-SDA", ats: "Keystone-SDA", "sda-ats": "Keystone-SDA", "keystone-sda": "Keystone-SDA", "keystone-ats": "Keystone-SDA",
  stt: "STT", "stt-info": "STT", tt: "TT", "tt nyhetsbyrån": "TT", ntb: "NTB", "norsk telegrambyrå": "NTB", ritzau: "Ritzau",
  anp: "ANP", belga: "Belga", pa: "PA", "pa media": "PA", "press association": "PA", upi: "UPI", xinhua: "Xinhua",
  kyodo: "Kyodo", yonhap: "Yonhap", tass: "TASS", ria: "RIA Novosti", "ria novosti": "RIA Novosti", interfax: "Interfax",
  pap: "PAP", ctk: "ČTK", čtk: "ČTK", mti: "MTI", hina: "HINA", sta: "STA", bta: "BTA", agerpres: "Agerpres", lusa: "Lusa",
  mia: "MIA", "europa press": "Europa Press", aa: "Anadolu", anadolu: "Anadolu", wafa: "WAFA", wam: "WAM", spa: "SPA",
  qna: "QNA", kuna: "KUNA", mena: "MENA", irna: "IRNA", pti: "PTI", ians: "IANS", aap: "AAP", cp: "CP",
  "canadian press": "CP", kna: "KNA", epd: "epd", "business wire": "Business Wire", businesswire: "Business Wire",
  // Arabic and Cyrillic spellings of the same agencies.
  "رويترز": "Reuters", "أ ف ب": "AFP", "ا ف ب": "AFP", "فرانس برس": "AFP", "د ب أ": "dpa", "أسوشيتد برس": "AP", "وام": "WAM",
  "واس": "SPA", "قنا": "QNA", "كونا": "KUNA", "وفا": "WAFA", "الأناضول": "Anadolu", "شينخوا": "Xinhua",
  "тасс": "TASS", "риа новости": "RIA Novosti", "интерфакс": "Interfax",
};

/**
 * The agency's canonical name (`nprov:REUTERS` → `Reuters`, `Agence France-Presse` → `AFP`,
 * `DPA` → `dpa`); a name not in the table is kept as written (trimmed), so nothing is invented.
 */
export function normalizeAgency(value: string | null): string | null {
  const trimmed = value?.trim() ?? "";
  if (!trimmed) return null;
  const lower = trimmed.toLowerCase().replace(/\s+/g, " ");
  const code = lower.replace(/^[a-z][\w-]{0,19}:(?!\/)/, "");
  return AGENCIES[code] ?? AGENCIES[lower] ?? trimmed;
}
