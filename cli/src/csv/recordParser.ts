import type { Delimiter } from "./delimiter";

/**
 * A byte-level CSV record parser (RFC 4180: quoted fields, doubled quotes, delimiters and line
 * breaks inside quotes, CRLF or LF) that turns numeric fields straight into numbers.
 *
 * Why not a generic CSV library: the CLI must read a million respondents × 36 columns per file in
 * well under a second. Generic parsers allocate a string per field and an array per row
 * (≈ 36 M strings per file), and the numbers must then be parsed again from those strings. Here a
 * numeric field is accumulated digit by digit while it is scanned, skipped columns are only
 * scanned, and strings are decoded only for the grouping columns and for the rare field that is
 * not plain decimal text (NA, NSP, quoted numbers…), which goes through the engine's `readAnswer`.
 */

/** What to do with each column of a record. */
export const ColumnKind = {
  /** Not mapped: scanned over, never decoded. */
  Skip: 0,
  /** An answer: parsed into `values[column]` (NaN when missing). */
  Numeric: 1,
  /** A label (unit, manager): decoded into `texts[column]`. */
  Text: 2,
} as const;
export type ColumnKind = (typeof ColumnKind)[keyof typeof ColumnKind];

const SKIP = ColumnKind.Skip;
const NUMERIC = ColumnKind.Numeric;
const TEXT = ColumnKind.Text;

/** Turns a field that is not plain decimal text into a number, or throws (the caller adds the position). */
export type SlowNumberReader = (text: string) => number;

export interface RecordSink {
  /** Called once a whole record has been read; `values` and `texts` are reused for the next one. */
  record(values: Float64Array, texts: string[], fieldCount: number): void;
}

/** Where the record being parsed starts, for error messages. */
export interface RecordPosition {
  /** 1-based data record number (the header is not counted). */
  dataRow: number;
  /** 1-based line of the file where the record starts (header = line 1). */
  line: number;
}

/** A field that could not be read, with where it is. */
export class FieldError extends Error {
  constructor(
    readonly reason: unknown,
    readonly column: number,
    readonly rawValue: string,
    readonly position: RecordPosition,
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}

/** A quoted field that breaks RFC 4180: no closing quote before the end of the file, or text after it. */
export class QuoteError extends Error {
  constructor(
    message: string,
    readonly column: number,
    /** 1-based line of the file where the quote opened. */
    readonly line: number,
    readonly position: RecordPosition,
  ) {
    super(message);
  }
}

/** A record whose field count differs from the header's. */
export class RecordShapeError extends Error {
  constructor(
    readonly fieldCount: number,
    readonly expected: number,
    readonly position: RecordPosition,
  ) {
    super(`record has ${fieldCount} fields but the header has ${expected}`);
  }
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const DOT = 0x2e;
const COMMA = 0x2c;
const MINUS = 0x2d;
const PLUS = 0x2b;
const ZERO = 0x30;
const NINE = 0x39;

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, exponent) => 10 ** exponent);
/** Digits beyond this may not be exact in a double: such fields take the slow path. */
const MAX_FAST_DIGITS = 15;

/**
 * Parses the records of a CSV body held in a byte buffer, one chunk at a time. Call `parse` with
 * the bytes read so far; it returns how many bytes it consumed (whole records only), so the caller
 * keeps the unconsumed tail and appends the next chunk. At end of file pass `final = true` and the
 * last record needs no line break.
 */
export class RecordParser {
  private readonly delimiter: number;
  private readonly decimalComma: boolean;
  private readonly kinds: Uint8Array;
  private readonly values: Float64Array;
  private readonly texts: string[];
  private readonly textCaches: TextCache[];
  private readonly nonAnswerBytes: Buffer[];
  private readonly position: RecordPosition = { dataRow: 0, line: 1 };
  /** Line breaks seen inside quoted fields of the record being parsed. */
  private pendingLines = 0;

  constructor(
    delimiter: Delimiter,
    kinds: Uint8Array,
    private readonly sink: RecordSink,
    private readonly readSlowNumber: SlowNumberReader,
    /** Line of the file where the first record may start (after the header). */
    firstLine: number,
    /** Texts meaning "no answer" (upper case ASCII), read as missing without decoding: NA, NSP… */
    nonAnswers: readonly string[] = [],
  ) {
    this.nonAnswerBytes = nonAnswers
      .filter((text) => text !== "" && /^[\x20-\x7e]+$/.test(text))
      .map((text) => Buffer.from(text.toUpperCase(), "latin1"));
    this.delimiter = delimiter.charCodeAt(0);
    // With `;` the comma is free to be the decimal separator (French exports); with `,` it cannot be.
    this.decimalComma = delimiter === ";";
    this.kinds = kinds;
    this.values = new Float64Array(kinds.length);
    this.texts = new Array<string>(kinds.length).fill("");
    this.textCaches = Array.from(kinds, () => new TextCache());
    this.position.line = firstLine;
  }

  /** Records read so far. */
  get recordCount(): number {
    return this.position.dataRow;
  }

  /** Where the record last handed to the sink starts (valid while the sink runs). */
  get currentPosition(): RecordPosition {
    return { ...this.position };
  }

  /**
   * Parses whole records in `buffer[start, end)`. Returns the offset of the first byte not
   * consumed (the start of an incomplete record), or `end` when everything was consumed.
   */
  parse(buffer: Buffer, start: number, end: number, final: boolean): number {
    let offset = start;
    for (;;) {
      // Line breaks between records (and blank lines) are skipped, counting lines.
      while (offset < end && (buffer[offset] === LF || buffer[offset] === CR)) {
        if (buffer[offset] === LF) this.position.line++;
        offset++;
      }
      if (offset >= end) return end;
      const next = this.parseRecord(buffer, offset, end, final);
      if (next < 0) return offset;
      offset = next;
    }
  }

  /** Parses one record starting at `start`; returns the offset after it, or −1 if it is incomplete. */
  private parseRecord(buffer: Buffer, start: number, end: number, final: boolean): number {
    const { kinds, values, texts, delimiter, decimalComma } = this;
    const columnCount = kinds.length;
    this.pendingLines = 0;
    let offset = start;
    let column = 0;
    for (;;) {
      // Runs of one-digit answers followed by a delimiter, the bulk of a survey export: two bytes a field.
      while (column < columnCount && kinds[column] === NUMERIC && offset + 1 < end) {
        const digit = buffer[offset] - ZERO;
        if (digit < 0 || digit > 9 || buffer[offset + 1] !== delimiter) break;
        values[column++] = digit;
        offset += 2;
      }
      const kind = column < columnCount ? kinds[column] : SKIP;
      let fieldEnd: number;
      if (offset < end && buffer[offset] === QUOTE) {
        const openedOnLine = this.position.line + this.pendingLines;
        const closing = this.findClosingQuote(buffer, offset + 1, end, final);
        if (closing < 0) {
          if (!final) return -1;
          // Taking the rest of the file as one field would silently drop every later record.
          throw new QuoteError(
            `the quote opened on line ${openedOnLine} is never closed before the end of the file`,
            column,
            openedOnLine,
            this.nextPosition(),
          );
        }
        fieldEnd = closing + 1;
        // RFC 4180: a closing quote ends the field. `"5"junk` is refused rather than read as 5.
        if (fieldEnd < end && buffer[fieldEnd] !== delimiter && buffer[fieldEnd] !== LF && buffer[fieldEnd] !== CR) {
          throw new QuoteError(
            `text follows the closing quote of a field that opened on line ${openedOnLine}`,
            column,
            openedOnLine,
            this.nextPosition(),
          );
        }
        if (kind === NUMERIC && !decimalComma && buffer.subarray(offset + 1, closing).includes(COMMA))
          this.refuseAmbiguousComma(column, unquote(buffer, offset + 1, closing));
        if (kind !== SKIP) this.storeText(kind, column, unquote(buffer, offset + 1, closing));
      } else if (kind === NUMERIC && offset + 1 < end && isDigit(buffer[offset]) && isFieldEnd(buffer[offset + 1], delimiter)) {
        // Fastest path, most survey answers: one digit then the delimiter or the line break.
        values[column] = buffer[offset] - ZERO;
        fieldEnd = offset + 1;
      } else if (kind === NUMERIC) {
        // Fast path: plain decimal text accumulated while scanning.
        const fieldStart = offset;
        let integer = 0;
        let fraction = 0;
        let fractionDigits = 0;
        let digits = 0;
        let separator = false;
        let negative = false;
        let plain = true;
        while (offset < end) {
          const byte = buffer[offset];
          if (byte === delimiter || byte === LF || byte === CR) break;
          if (byte >= ZERO && byte <= NINE) {
            if (separator) {
              fraction = fraction * 10 + (byte - ZERO);
              fractionDigits++;
            } else integer = integer * 10 + (byte - ZERO);
            digits++;
          } else if ((byte === DOT || (byte === COMMA && decimalComma)) && !separator) separator = true;
          else if ((byte === MINUS || byte === PLUS) && offset === fieldStart) negative = byte === MINUS;
          else plain = false;
          offset++;
        }
        fieldEnd = offset;
        if (fieldEnd === end && !final) return -1;
        if (fieldEnd === fieldStart) values[column] = Number.NaN;
        else if (plain && digits > 0 && digits <= MAX_FAST_DIGITS) {
          const scale = POWERS_OF_TEN[fractionDigits];
          // (integer·10^k + fraction) / 10^k is one correctly rounded division: the same double as Number(text).
          const magnitude = fractionDigits === 0 ? integer : (integer * scale + fraction) / scale;
          values[column] = negative ? -magnitude : magnitude;
        } else if (this.isDeclaredNonAnswer(buffer, fieldStart, fieldEnd)) values[column] = Number.NaN;
        else this.storeText(kind, column, decode(buffer, fieldStart, fieldEnd));
      } else {
        const fieldStart = offset;
        while (offset < end) {
          const byte = buffer[offset];
          if (byte === delimiter || byte === LF || byte === CR) break;
          offset++;
        }
        fieldEnd = offset;
        if (fieldEnd === end && !final) return -1;
        if (kind === TEXT) texts[column] = this.textCaches[column].decode(buffer, fieldStart, fieldEnd);
      }
      column++;
      if (fieldEnd < end && buffer[fieldEnd] === delimiter) {
        offset = fieldEnd + 1;
        continue;
      }
      // End of record: a line break, or the end of a final buffer.
      if (fieldEnd >= end && !final) return -1;
      this.position.dataRow++;
      if (column !== columnCount) throw new RecordShapeError(column, columnCount, { ...this.position });
      this.sink.record(values, texts, column);
      this.position.line += this.pendingLines;
      return fieldEnd;
    }
  }

  /** The position of the record being parsed (not yet counted). */
  private nextPosition(): RecordPosition {
    return { dataRow: this.position.dataRow + 1, line: this.position.line };
  }

  /**
   * In a comma-delimited file a comma cannot be the decimal separator (it is the delimiter), so a
   * quoted "27,639" is either 27639 with a thousands separator or 27.639 from a decimal-comma
   * locale: refused rather than guessed (a factor of 1,000 on a salary).
   */
  private refuseAmbiguousComma(column: number, text: string): void {
    if (!/^\s*[+-]?[\d.,\s\u00a0\u202f]*\d[\d.,\s\u00a0\u202f]*$/.test(text)) return; // not number-like: the reader's own error
    throw new FieldError(
      new Error(
        "a comma inside a number is ambiguous in a comma-delimited file (a thousands separator or a decimal comma?): write the number without thousands separators and with a '.' decimal point, or save the file with ';' delimiters",
      ),
      column,
      text,
      this.nextPosition(),
    );
  }

  /**
   * True when the field's bytes are exactly one of the declared non-answers (ASCII, any case):
   * they are missing without decoding a string. Anything else (spaces, quotes…) takes the slow
   * path, whose reader applies the full rule.
   */
  private isDeclaredNonAnswer(buffer: Buffer, start: number, end: number): boolean {
    const length = end - start;
    for (const pattern of this.nonAnswerBytes) {
      if (pattern.length !== length) continue;
      let same = true;
      for (let index = 0; index < length; index++) {
        const byte = buffer[start + index];
        // ASCII upper case: a–z → A–Z
        if ((byte >= 0x61 && byte <= 0x7a ? byte - 0x20 : byte) !== pattern[index]) {
          same = false;
          break;
        }
      }
      if (same) return true;
    }
    return false;
  }

  /** Offset of the quote closing a quoted field whose content starts at `from`, or −1. */
  private findClosingQuote(buffer: Buffer, from: number, end: number, final: boolean): number {
    let offset = from;
    while (offset < end) {
      const byte = buffer[offset];
      if (byte === QUOTE) {
        if (offset + 1 < end && buffer[offset + 1] === QUOTE) {
          offset += 2; // "" is an escaped quote
          continue;
        }
        if (offset + 1 >= end && !final) return -1; // cannot tell "…" from "…"" until more bytes arrive
        return offset;
      }
      if (byte === LF) this.pendingLines++;
      offset++;
    }
    return -1;
  }

  private storeText(kind: number, column: number, text: string): void {
    if (kind === TEXT) {
      this.texts[column] = text;
      return;
    }
    try {
      this.values[column] = this.readSlowNumber(text);
    } catch (error) {
      throw new FieldError(error, column, text, { dataRow: this.position.dataRow + 1, line: this.position.line });
    }
  }
}

function isDigit(byte: number): boolean {
  return byte >= ZERO && byte <= NINE;
}

function isFieldEnd(byte: number, delimiter: number): boolean {
  return byte === delimiter || byte === LF || byte === CR;
}

/**
 * Decodes the labels of one column (unit, manager) through a table keyed by a hash of their bytes:
 * a million rows carry a few thousand distinct labels, so nearly every row reuses a string instead
 * of decoding (and allocating) a new one. The table stops growing at `MAX_LABELS` (a column of
 * unique identifiers then decodes as usual).
 */
class TextCache {
  private readonly entries = new Map<number, { bytes: Buffer; text: string }>();

  decode(buffer: Buffer, start: number, end: number): string {
    let hash = 0x811c9dc5; // FNV-1a
    for (let index = start; index < end; index++) hash = Math.imul(hash ^ buffer[index], 0x01000193);
    const entry = this.entries.get(hash);
    if (entry !== undefined && entry.bytes.length === end - start) {
      const bytes = entry.bytes;
      let same = true;
      for (let index = 0; index < bytes.length; index++) {
        if (buffer[start + index] !== bytes[index]) {
          same = false;
          break;
        }
      }
      if (same) return entry.text;
    }
    const text = decode(buffer, start, end);
    if (entry === undefined && this.entries.size < MAX_LABELS)
      this.entries.set(hash, { bytes: Buffer.from(buffer.subarray(start, end)), text });
    return text;
  }
}

const MAX_LABELS = 100_000;

function decode(buffer: Buffer, start: number, end: number): string {
  return buffer.toString("utf8", start, end);
}

function unquote(buffer: Buffer, start: number, end: number): string {
  return decode(buffer, start, end).replace(/""/g, '"');
}
