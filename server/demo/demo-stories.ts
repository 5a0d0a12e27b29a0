/** Fictional wire copy for the demo desk: our own words, several agencies, flash to routine. */
export interface DemoStory {
  agency: string;
  place: string;
  slug: string;
  urgency: number;
  headline: string;
  paragraphs: string[];
  byline: string | null;
  language: string;
  categories: string[];
}

export const DEMO_STORIES: readonly DemoStory[] = [
  { agency: "Northwire", place: "Harbourtown", slug: "Port-Strike", urgency: 3, headline: "Dockworkers in Harbourtown walk out over night-shift pay", paragraphs: ["Dockworkers at Harbourtown's container port stopped work at dawn, leaving a dozen ships waiting at anchor.", "The union said the strike would last until the port authority reopened talks on night-shift rates.", "Port officials said perishable cargo would be moved to a neighbouring terminal."], byline: "By Mira Holt", language: "en", categories: ["economy", "labour"] },
  { agency: "Agence Exemple", place: "Valmont", slug: "Election-Count", urgency: 2, headline: "Valmont recount confirms mayor's narrow win", paragraphs: ["A full recount in Valmont confirmed the sitting mayor's re-election by 212 votes.", "Her challenger conceded in a short statement and called for calm.", "Turnout reached 61 percent, the highest in two decades."], byline: "By Jules Marnier", language: "en", categories: ["politics"] },
  { agency: "Deltapress", place: "Eastfield", slug: "Flood-Warning", urgency: 1, headline: "FLASH: River Eld breaks its banks at Eastfield", paragraphs: ["The River Eld broke its banks at Eastfield after three days of heavy rain, emergency services said.", "Residents of the low-lying districts were told to move to higher ground."], byline: null, language: "en", categories: ["weather", "disaster"] },
  { agency: "Northwire", place: "Lindqvist", slug: "Tech-Merger", urgency: 5, headline: "Two regional software firms agree merger worth 400 million", paragraphs: ["Two regional software companies agreed to merge in a deal valued at 400 million crowns.", "The combined firm will keep both headquarters, the companies said in a joint statement.", "Regulators are expected to review the deal within three months."], byline: "By Sam Okafor", language: "en", categories: ["economy", "technology"] },
  { agency: "Meridian News", place: "Santa Lucía", slug: "Football-Final", urgency: 4, headline: "Santa Lucía Rovers win cup final on penalties", paragraphs: ["Santa Lucía Rovers beat Puerto Alto 5-4 on penalties to lift the national cup.", "The match had ended 1-1 after extra time in front of a sold-out crowd.", "Rovers' goalkeeper saved two spot kicks in the shoot-out."], byline: "By Ana Ruiz", language: "en", categories: ["sport", "football"] },
  { agency: "Deltapress", place: "Brennstadt", slug: "Rail-Delays", urgency: 5, headline: "Signal fault halts trains around Brennstadt for hours", paragraphs: ["A signal fault stopped rail traffic around Brennstadt for most of the morning.", "The operator said engineers had found a damaged cable near the central station.", "Services were returning to normal by the afternoon."], byline: null, language: "en", categories: ["transport"] },
  { agency: "Agence Exemple", place: "Cap Lumière", slug: "Climate-Talks", urgency: 3, headline: "Coastal states agree joint fund for sea defences", paragraphs: ["Eleven coastal states agreed at talks in Cap Lumière to create a joint fund for sea defences.", "The fund will start with contributions from each member and is open to private donors.", "Environmental groups welcomed the deal but said it came late."], byline: "By Claire Dupond", language: "en", categories: ["environment", "politics"] },
  { agency: "Meridian News", place: "Oroville Heights", slug: "Museum-Reopens", urgency: 6, headline: "Oroville Heights museum reopens after five-year restoration", paragraphs: ["The city museum of Oroville Heights reopened to the public after a five-year restoration.", "Visitors queued from early morning to see the restored ceiling frescoes."], byline: "By Tomas Greene", language: "en", categories: ["culture"] },
];
