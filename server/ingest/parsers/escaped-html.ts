/**
 * HTML that reached a text body escaped (`&lt;p&gt;Text&lt;/p&gt;` in ninjs `body_text`, a NITF
 * `<p>` holding `&lt;p&gt;`): recognised by an escaped tag of the allow-list in sanitized HTML and
 * unescaped exactly once, to be sanitized again like any other HTML.
 */

/** An escaped start or end tag of an element wire HTML uses, once or twice escaped. */
const ESCAPED_TAG = /&(?:amp;)?lt;\/?(?:p|br|div|span|b|i|u|em|strong|a|ul|ol|li|h[1-6]|blockquote|table|tr|td|th|pre)(?:\s[^&<>]{0,200})?\/?&(?:amp;)?gt;/i;
const ONE_LEVEL = /&(lt|gt|quot|amp|apos|#39|#34|#60|#62|#38);/g;
const DECODED: Readonly<Record<string, string>> = { lt: "<", gt: ">", quot: '"', amp: "&", apos: "'", "#39": "'", "#34": '"', "#60": "<", "#62": ">", "#38": "&" };

/** True when sanitized HTML shows escaped markup as text. */
export function hasEscapedMarkup(html: string): boolean {
  return ESCAPED_TAG.test(html);
}

/**
 * Removes one level of escaping from sanitized HTML that shows escaped markup (`&lt;p&gt;` becomes
 * `<p>`, `&amp;lt;p&amp;gt;` becomes `&lt;p&gt;`, which a second call would turn into markup), in one
 * pass so nothing is decoded twice. The result must be sanitized again.
 */
export function unescapeOnce(html: string): string {
  return html.replace(ONE_LEVEL, (whole, name: string) => DECODED[name] ?? whole);
}
