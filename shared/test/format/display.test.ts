/**
 * The display rules every output shares (sheets, CLI, reports, decks). Expected texts are written
 * from the rules themselves: French decimal comma and no-break space between thousands, signed
 * gaps, `[low; high]` intervals, `<0.001`, and "fewer than N" for withheld figures.
 */
import {
  NO_BREAK_SPACE,
  fewerThan,
  formatCount,
  formatInterval,
  formatNumber,
  formatOrHidden,
  formatP,
  formatSigned,
  pValueNumberFormat,
} from "@symmetry/engine";

const nbsp = NO_BREAK_SPACE;

describe("formatNumber", () => {
  it("writes English with a decimal point and comma thousands", () => {
    expect(formatNumber(12345.678, "en", { digits: 1 })).toBe("12,345.7");
    expect(formatNumber(95.24, "en")).toBe("95.2");
  });
  it("writes French with a decimal comma and a no-break space between thousands", () => {
    expect(formatNumber(12345.678, "fr", { digits: 1 })).toBe(`12${nbsp}345,7`);
    expect(formatNumber(1234567, "fr", { digits: 0 })).toBe(`1${nbsp}234${nbsp}567`);
    expect(formatNumber(12345.678, "fr", { digits: 1 })).not.toMatch(/[ \u202f]/);
  });
  it("uses plain spaces when asked (terminal columns)", () => {
    expect(formatNumber(12345.5, "fr", { digits: 1, spaces: "plain" })).toBe("12 345,5");
  });
  it("rounds half away from zero and never writes a negative zero", () => {
    expect(formatNumber(0.25, "en", { digits: 1 })).toBe("0.3");
    expect(formatNumber(-0.25, "en", { digits: 1 })).toBe("-0.3");
    expect(formatNumber(-0.04, "en", { digits: 1 })).toBe("0.0");
    expect(formatNumber(-0.04, "fr", { digits: 1 })).toBe("0,0");
  });
  it("refuses NaN and infinities", () => {
    expect(() => formatNumber(Number.NaN, "en")).toThrow("formatNumber requires a finite number, got NaN");
    expect(() => formatNumber(Infinity, "fr")).toThrow(RangeError);
  });
});

describe("signed figures and counts", () => {
  it("signs gaps and changes both ways, zero without a sign", () => {
    expect(formatSigned(12.88, "en")).toBe("+12.9");
    expect(formatSigned(-20.2465, "fr")).toBe("-20,2");
    expect(formatSigned(0, "en")).toBe("0.0");
    expect(formatSigned(-0.01, "fr", 1)).toBe("0,0");
    expect(formatSigned(3.14159, "en", 2)).toBe("+3.14");
  });
  it("writes counts whole with thousands separators", () => {
    expect(formatCount(1256, "en")).toBe("1,256");
    expect(formatCount(1256, "fr")).toBe(`1${nbsp}256`);
    expect(formatCount(1256, "fr", "plain")).toBe("1 256");
  });
});

describe("formatInterval", () => {
  it("writes [low; high] with signed ends", () => {
    expect(formatInterval(-21.748, -18.745, "en")).toBe("[-21.7; -18.7]");
    expect(formatInterval(-3.04, 0.12, "fr")).toBe("[-3,0; +0,1]");
  });
  it("writes unsigned ends when asked (a score's interval)", () => {
    expect(formatInterval(61.25, 70.5, "fr", { signed: false, digits: 1 })).toBe("[61,3; 70,5]");
  });
});

describe("formatP", () => {
  it("writes p under 0.001 as <0.001, never 0.000", () => {
    expect(formatP(1.95e-131, "en")).toBe("<0.001");
    expect(formatP(0, "en")).toBe("<0.001");
    expect(formatP(0.000999, "fr")).toBe("<0,001");
  });
  it("writes other p with three decimals in the reader's language", () => {
    expect(formatP(0.001, "en")).toBe("0.001");
    expect(formatP(0.0312, "en")).toBe("0.031");
    expect(formatP(0.0312, "fr")).toBe("0,031");
    expect(formatP(1, "fr")).toBe("1,000");
  });
  it("refuses a value that is not a probability", () => {
    expect(() => formatP(1.2, "en")).toThrow("formatP requires a p-value in [0, 1], got 1.2");
    expect(() => formatP(Number.NaN, "en")).toThrow(RangeError);
  });
  it("gives sheets a number format that keeps the value and reads <0.001", () => {
    expect(pValueNumberFormat("en")).toBe('[<0.001]"<0.001";0.000');
    expect(pValueNumberFormat("fr")).toBe('[<0.001]"<0,001";0.000');
  });
});

describe("hidden figures", () => {
  it("says fewer than N instead of the figure", () => {
    expect(fewerThan(5, "en")).toBe("fewer than 5");
    expect(fewerThan(10, "fr")).toBe("moins de 10");
    expect(formatOrHidden(null, 5, "en")).toBe("fewer than 5");
    expect(formatOrHidden(47.94, 5, "fr")).toBe("47,9");
  });
});
