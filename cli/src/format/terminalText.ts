/**
 * Text safe to print on a terminal. Unit names, headers and values come from the input files; a
 * name holding ESC sequences could rewrite the screen or the window title, and right-to-left
 * overrides (U+202E) make a line read differently from what it holds. Such characters are shown as
 * `\uXXXX` escapes: in a table they become visible, and inside a JSON string they are valid JSON
 * escapes of the same character, so `--json` output keeps its exact values.
 */

/** C0 controls except tab and line feed, DEL and C1 controls, and the bidirectional controls. */
function isTerminalControl(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a) ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/** Replaces control characters (except line feed and tab) and bidirectional controls by `\uXXXX`. */
export function printable(text: string): string {
  let result = "";
  let copiedUpTo = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (!isTerminalControl(code)) continue;
    result += `${text.slice(copiedUpTo, index)}\\u${code.toString(16).padStart(4, "0")}`;
    copiedUpTo = index + 1;
  }
  return copiedUpTo === 0 ? text : result + text.slice(copiedUpTo);
}
