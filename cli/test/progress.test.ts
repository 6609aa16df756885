import { createProgress } from "../src/progress";
import { parseScaleOption } from "../src/options";

describe("progress on stderr", () => {
  function stream(isTTY: boolean) {
    const written: string[] = [];
    return { isTTY, written, write: (text: string) => written.push(text) };
  }

  it("draws on a terminal once the run has lasted half a second, then clears its line", () => {
    let now = 0;
    const terminal = stream(true);
    const progress = createProgress(terminal, "Reading", () => now);
    progress.update(10e6, 100e6);
    expect(terminal.written).toEqual([]);
    now = 600;
    progress.update(50e6, 100e6);
    expect(terminal.written).toEqual(["\rReading 50% (50 / 100 MB)"]);
    progress.finish();
    expect(terminal.written[1]).toBe("\r\x1b[2K");
  });

  it("never writes when stderr is not a terminal", () => {
    let now = 0;
    const pipe = stream(false);
    const progress = createProgress(pipe, "Reading", () => now);
    now = 5000;
    progress.update(50, 100);
    progress.finish();
    expect(pipe.written).toEqual([]);
  });
});

describe("--scale syntax", () => {
  it.each([
    ["1-5", { min: 1, max: 5 }],
    ["0-10", { min: 0, max: 10 }],
    ["1..7", { min: 1, max: 7 }],
    [" 1 – 4 ", { min: 1, max: 4 }],
    ["-2-2", { min: -2, max: 2 }],
  ])("reads %j", (text, scale) => expect(parseScaleOption(text)).toEqual(scale));

  it.each(["5", "1-", "a-b", "1-5-7", "3-3"])("refuses %j", (text) => expect(() => parseScaleOption(text)).toThrow("--scale"));
});
