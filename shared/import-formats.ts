// The files the importer reads, in one place for every file chooser (import, upper documents)
// and for the texts that name them. The reader decides the real format from the bytes; the
// extensions here only filter the chooser.

/** `accept` of a file input that takes any importable plan. */
export const IMPORT_ACCEPT = '.docx,.doc,.wps,.pdf,.ofd,.odt,.rtf,.html,.htm,.txt,.json';

/** `accept` of the returned-review-files chooser (comments and tracked changes: Word/WPS files and OpenDocument text). */
export const REVIEW_ACCEPT = '.docx,.odt,.doc,.wps';

/** The formats, as a user reads them. */
export const IMPORT_FORMATS_TEXT = 'Word/WPS 文档（.docx、.doc、.wps）、PDF、OFD、OpenDocument 文本（.odt）、RTF、网页（.html）或文本（.txt）';
