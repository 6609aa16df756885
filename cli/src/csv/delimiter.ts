/** Field delimiters a survey export may use: `,` (RFC 4180) or `;` (French Excel, decimal commas). */
export type Delimiter = "," | ";";

const QUOTE = 0x22;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;

/**
 * Picks the delimiter from the header line: the one of `,` and `;` that occurs more often outside
 * quotes. French Excel writes `;` because the comma is its decimal separator; a header line never
 * holds decimals, so counting there is safe even when data rows are full of decimal commas.
 */
export function detectDelimiter(headerLine: Uint8Array): Delimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let index = 0; index < headerLine.length; index++) {
    const byte = headerLine[index];
    if (byte === QUOTE) quoted = !quoted;
    else if (!quoted && byte === COMMA) commas++;
    else if (!quoted && byte === SEMICOLON) semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}
