/** SymError: errors as data, with the value and position the edges need to build their messages. */
import { SymError, describeValue, isSymError, readAnswer } from "@symmetry/engine";

describe("SymError", () => {
  it("carries a code, a message and details", () => {
    const error = new SymError("out-of-scale", "answer 7 is outside the scale 1–5", { value: 7 });
    expect(isSymError(error)).toBe(true);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe("out-of-scale");
    expect(error.details.value).toBe(7);
    expect(isSymError(new Error("plain"))).toBe(false);
  });

  it("adds file, row and column name to the message with withContext", () => {
    let caught: unknown;
    try {
      readAnswer("beaucoup");
    } catch (error) {
      caught = error;
    }
    const positioned = (caught as SymError).withContext({ file: "E.csv", row: 12, columnName: "recognition_2" });
    expect(positioned.code).toBe("invalid-answer");
    expect(positioned.message).toContain('"beaucoup"');
    expect(positioned.message).toContain('(file E.csv, row 12, column "recognition_2")');
    expect(positioned.details).toEqual(expect.objectContaining({ file: "E.csv", row: 12, columnName: "recognition_2", value: "beaucoup" }));
  });

  it("quotes strings in messages so blanks stay visible", () => {
    expect(describeValue("")).toBe('""');
    expect(describeValue(" ")).toBe('" "');
    expect(describeValue(null)).toBe("null");
    expect(describeValue(4)).toBe("4");
  });
});
