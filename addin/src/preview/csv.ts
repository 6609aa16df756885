import type { CellValue } from "../taskpane/workbook/WorkbookPort";

/**
 * CSV text to sheet rows, as Excel opens a CSV: RFC 4180 quoting, an empty field is a blank
 * (null), plain decimal text is a number (with a decimal comma in `;`-separated files), anything else stays text. The delimiter (`,` or `;`,
 * French exports use `;`) is taken from the header line.
 */
export function parseCsv(text: string): CellValue[][] {
  const body = text.replace(/^\uFEFF/, "");
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    row.push(toCell(field, wasQuoted, delimiter === ";"));
    field = "";
    wasQuoted = false;
  };
  for (let index = 0; index < body.length; index++) {
    const character = body[index];
    if (quoted) {
      if (character === '"') {
        if (body[index + 1] === '"') {
          field += '"';
          index += 1;
        } else quoted = false;
      } else field += character;
    } else if (character === '"') {
      quoted = true;
      wasQuoted = true;
    } else if (character === delimiter) endField();
    else if (character === "\n" || character === "\r") {
      if (character === "\r" && body[index + 1] === "\n") index += 1;
      endField();
      rows.push(row);
      row = [];
    } else field += character;
  }
  if (field !== "" || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

function toCell(field: string, wasQuoted: boolean, decimalComma: boolean): CellValue {
  if (field === "") return null;
  if (wasQuoted) return field;
  if (/^-?(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?$/.test(field)) return Number(field);
  // French exports (";" separated) write decimals with a comma: "3,6".
  if (decimalComma && /^-?\d+,\d+$/.test(field)) return Number(field.replace(",", "."));
  return field;
}
