// Text from files and users, made safe to print and export: control characters (C0, DEL, C1) and the Unicode
// bidirectional controls ("Trojan Source", CVE-2021-42574) are written as visible escapes, so a name or a line of
// a file can neither clear a terminal, retitle it, nor reorder what a reader sees. Pure; must not import anything.

/** Characters that are never shown raw: C0 controls, DEL, C1 controls, bidi embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every unsafe character written as `\xNN` (below U+0100) or `\u{NNNN}`; safe text is returned as is. */
export function safeText(text: string): string {
  return text.replace(UNSAFE_CHARS, (c) => {
    const cp = c.codePointAt(0)!;
    return cp < 0x100 ? `\\x${cp.toString(16).toUpperCase().padStart(2, '0')}` : `\\u{${cp.toString(16).toUpperCase()}}`;
  });
}

/** 1-based column of the first unsafe character, or 0. */
export function unsafeCharColumn(text: string): number {
  UNSAFE_CHARS.lastIndex = 0;
  const m = UNSAFE_CHARS.exec(text);
  UNSAFE_CHARS.lastIndex = 0;
  return m ? m.index + 1 : 0;
}

/** A short, safe excerpt of user text for a message: at most `max` characters, escaped. */
export function excerpt(text: string, max = 40): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return safeText(cut);
}

/** Multi-line text made safe line by line (line feeds kept, everything else escaped as in safeText). */
export function safeLines(text: string): string {
  return text.split('\n').map(safeText).join('\n');
}
