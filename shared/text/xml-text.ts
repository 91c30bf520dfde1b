// Text in and out of XML character data and attribute values (the five predefined entities).
// Hand-written: the parsers we use decode entities themselves; these are for the few places that
// edit or read generated OOXML as strings, where a parser would be a whole dependency for one line.

/** Escapes text for XML character data and double-quoted attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Decodes the five predefined entities (numeric references are not used in what we read). */
export function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
