/** The preview shows number formats as Excel reads them, including the p-value format's condition section. */
import { formatCell } from "../../src/preview/cellDisplay";
import { pValueNumberFormat } from "@symmetry/engine";

describe("formatCell", () => {
  it("shows fixed decimals", () => {
    expect(formatCell(12.345, "0.0")).toBe("12.3");
    expect(formatCell(0.03125, "0.000")).toBe("0.031");
  });
  it("shows a p under 0.001 as <0.001 and other p with three decimals", () => {
    expect(formatCell(1.9e-131, pValueNumberFormat("en"))).toBe("<0.001");
    expect(formatCell(0, pValueNumberFormat("fr"))).toBe("<0,001");
    expect(formatCell(0.001, pValueNumberFormat("en"))).toBe("0.001");
    expect(formatCell(0.0312, pValueNumberFormat("en"))).toBe("0.031");
  });
});
