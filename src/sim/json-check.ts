// Checks JSON text before JSON.parse sees it: the first syntax error with its line and column (JSON.parse's own
// messages give an offset, or none, and quote the text), and a nesting depth limit, found without recursion, so a
// document nested 10⁵ deep is refused by name instead of overflowing a stack. Pure; imports text.ts only.
import { safeText } from './text.ts';

export interface JsonProblem {
  /** 1-based line and column of the offending character. */
  line: number;
  column: number;
  message: string;
}

/** Deepest nesting accepted. Assumption: scenarios and OMM documents nest under 10; 64 leaves room for any honest file. */
export const MAX_JSON_DEPTH = 64;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

type Expect = 'value' | 'value-or-end' | 'key' | 'key-or-end' | 'colon' | 'comma-or-end' | 'done';

/** The first problem of `text` as JSON (syntax or depth), or null when JSON.parse will accept it. */
export function checkJson(text: string, maxDepth = MAX_JSON_DEPTH): JsonProblem | null {
  const stack: number[] = []; // 0x7b '{' or 0x5b '['
  let expect: Expect = 'value';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (at: number, message: string): JsonProblem => ({ ...lineColumn(text, at), message });
  const what = (at: number) => (at >= text.length ? 'the end of the text' : `"${safeText(String.fromCodePoint(text.codePointAt(at)!))}"`);
  const afterValue = (): Expect => (stack.length ? 'comma-or-end' : 'done');
  while (true) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    if (i >= text.length) return expect === 'done' ? null : fail(i, 'unexpected end of the text');
    const c = text.charCodeAt(i);
    if (expect === 'done') return fail(i, `unexpected ${what(i)} after the end of the document`);
    if (expect === 'colon') {
      if (c !== 0x3a) return fail(i, `expected ":" after a key, found ${what(i)}`);
      i++;
      expect = 'value';
    } else if (expect === 'comma-or-end') {
      const close = stack.at(-1) === 0x7b ? 0x7d : 0x5d;
      if (c === 0x2c) {
        i++;
        expect = stack.at(-1) === 0x7b ? 'key' : 'value';
      } else if (c === close) {
        i++;
        stack.pop();
        expect = afterValue();
      } else return fail(i, `expected "," or "${String.fromCharCode(close)}", found ${what(i)}`);
    } else if (expect === 'key' || expect === 'key-or-end') {
      if (expect === 'key-or-end' && c === 0x7d) {
        i++;
        stack.pop();
        expect = afterValue();
      } else if (c === 0x22) {
        const end = stringEnd(text, i);
        if (end < 0) return fail(-end - 1, 'bad character or escape in a string, or a string left open');
        i = end;
        expect = 'colon';
      } else return fail(i, `expected a "key" in quotes, found ${what(i)}`);
    } else if (expect === 'value-or-end' && c === 0x5d) {
      i++;
      stack.pop();
      expect = afterValue();
    } else if (c === 0x7b || c === 0x5b) {
      stack.push(c);
      if (stack.length > maxDepth) return fail(i, `nested more than ${maxDepth} levels deep`);
      i++;
      expect = c === 0x7b ? 'key-or-end' : 'value-or-end';
    } else if (c === 0x22) {
      const end = stringEnd(text, i);
      if (end < 0) return fail(-end - 1, 'bad character or escape in a string, or a string left open');
      i = end;
      expect = afterValue();
    } else {
      const len = sticky(NUMBER, text, i) || sticky(LITERAL, text, i);
      if (len === 0) return fail(i, `unexpected ${what(i)} where a value should be`);
      i += len;
      expect = afterValue();
    }
  }
}

/** Index after the string starting at `start` (a quote), or −(1 + index of the problem). */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return -(i + 1);
    if (c === 0x5c) {
      const e = text[i + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return -(i + 1);
        i += 5;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
      else return -(i + 1);
    }
  }
  return -(start + 1);
}

function sticky(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  return re.test(text) ? re.lastIndex - at : 0;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** JSON.parse after checkJson: a problem becomes a RangeError `<source> line L col C: message`. */
export function parseJsonChecked(text: string, source: string): unknown {
  const p = checkJson(text);
  if (p) throw new RangeError(`${source} line ${p.line} col ${p.column}: ${p.message}`);
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}
