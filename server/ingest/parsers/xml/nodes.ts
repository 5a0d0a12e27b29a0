/** One element of a parsed document: local name (namespace prefix removed), attributes, children. */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
}

/** A child of an element: another element or a run of (entity-decoded) text. */
export type XmlNode = XmlElement | string;
