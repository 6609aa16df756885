import { MAX_NEW_WAVES_PER_WINDOW, newWaveRefusal, type OpenedWave } from "@symmetry/engine";

/** The cap on new wave labels in a benchmark pool (docs/domain.md#benchmark), on dates written out by hand. */

const NOW = new Date("2026-11-30T00:00:00Z");

describe("new wave labels in a benchmark pool", () => {
  it("lets an organisation post its first wave, a wave it already has, and a later one", () => {
    expect(newWaveRefusal([], "2025", NOW)).toBeNull();
    const opened: OpenedWave[] = [{ wave: "2025", openedAt: "2025-06-01T00:00:00Z" }];
    expect(newWaveRefusal(opened, "2025", NOW)).toBeNull();
    expect(newWaveRefusal(opened, "2026", NOW)).toBeNull();
  });

  it("refuses a new wave that sorts before the latest, in the pool's own wave order (numeric, then text)", () => {
    const opened: OpenedWave[] = [
      { wave: "9", openedAt: "2026-01-01T00:00:00Z" },
      { wave: "10", openedAt: "2026-02-01T00:00:00Z" },
    ];
    // "9" < "10" numerically, though "10" < "9" as text: the order the pool itself uses.
    expect(newWaveRefusal(opened, "8", NOW)).toEqual({ refused: "wave-out-of-order", latest: "10" });
    expect(newWaveRefusal(opened, "11", NOW)).toBeNull();
    expect(newWaveRefusal([{ wave: "2026 Q2", openedAt: "2026-04-01T00:00:00Z" }], "2026 Q1", NOW)).toEqual({
      refused: "wave-out-of-order",
      latest: "2026 Q2",
    });
  });

  it("allows four new waves in 365 days, refuses a fifth until the oldest of them is a year old", () => {
    expect(MAX_NEW_WAVES_PER_WINDOW).toBe(4);
    const opened: OpenedWave[] = [
      { wave: "2025-a", openedAt: "2025-11-29T00:00:00Z" }, // a year and a day ago: out of the window
      { wave: "2025-b", openedAt: "2026-01-15T00:00:00Z" },
      { wave: "2025-c", openedAt: "2026-03-01T00:00:00Z" },
      { wave: "2025-d", openedAt: "2026-06-01T00:00:00Z" },
    ];
    expect(newWaveRefusal(opened, "2025-e", NOW)).toBeNull();
    const five = [...opened, { wave: "2025-e", openedAt: "2026-11-29T00:00:00Z" }];
    expect(newWaveRefusal(five, "2025-f", NOW)).toEqual({ refused: "wave-limit", limit: 4, nextAt: "2027-01-15T00:00:00.000Z" });
    expect(newWaveRefusal(five, "2025-f", new Date("2027-01-15T00:00:01Z"))).toBeNull();
  });
});
