import type { Delimiter } from "./delimiter";

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** The UTF-8 byte order mark Excel writes at the start of "CSV UTF-8" exports. */
export const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export function bomLength(buffer: Uint8Array, end: number): number {
  return end >= 3 && buffer[0] === UTF8_BOM[0] && buffer[1] === UTF8_BOM[1] && buffer[2] === UTF8_BOM[2] ? 3 : 0;
}

/** Offset of the line break ending the header line (outside quotes), or −1 if not in `buffer[start, end)`. */
export function findHeaderEnd(buffer: Uint8Array, start: number, end: number): number {
  let quoted = false;
  for (let offset = start; offset < end; offset++) {
    const byte = buffer[offset];
    if (byte === QUOTE) quoted = !quoted;
    else if (!quoted && (byte === LF || byte === CR)) return offset;
  }
  return -1;
}

/** Splits one header line into trimmed field names, RFC 4180 quotes honoured. */
export function splitHeaderLine(line: string, delimiter: Delimiter): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const character = line[index];
    if (quoted) {
      if (character === '"') {
        if (line[index + 1] === '"') {
          field += '"';
          index++;
        } else quoted = false;
      } else field += character;
    } else if (character === '"') quoted = true;
    else if (character === delimiter) {
      fields.push(field.trim());
      field = "";
    } else field += character;
  }
  fields.push(field.trim());
  return fields;
}
