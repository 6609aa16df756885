/**
 * Deck plans: the client deck's slides, the fallbacks when figures are withheld, the manager decks'
 * eligibility and what they may show, and the employee summary's organisation-only figures.
 */
import { DEFAULT_MODEL, planClientDeck, planEmployeeSummary, planManagerDecks, type DeckBarometer, type DeckPlan } from "@symmetry/engine";
import type { GroupAggregate } from "@symmetry/engine";

const score = (value: number | null, n = 40) => ({ score: value, n, alpha: null });
function dimension(
  id: string,
  employee: number | null,
  customer: number | null,
  status: "alert" | "watch" | "ok" | "suppressed",
  p: number | null = null,
) {
  const gap = employee === null || customer === null ? null : employee - customer;
  const label = DEFAULT_MODEL.dimensions.find((candidate) => candidate.id === id)!.label.en;
  return {
    id,
    label,
    employee: score(employee),
    customer: score(customer),
    gap,
    low: gap === null ? null : gap - 3,
    high: gap === null ? null : gap + 3,
    p,
    hedgesG: null,
    status,
  };
}

const barometer: DeckBarometer = {
  employees: { n: 40, enps: { value: -5, low: -20, high: 10, n: 40, standardError: 7 } as never },
  customers: { n: 60, nps: { value: 12, low: 2, high: 22, n: 60, standardError: 5 } as never },
  dimensions: [
    dimension("culture", 70, 72, "ok", 0.4),
    dimension("recognition", 45, 68, "alert", 1e-12),
    dimension("physical", 55, 67, "watch", 0.2),
  ],
  symmetryIndex: 87.7,
  minGroupSize: 5,
  units: [
    { unit: "North", n: 20, enps: 10, suppressed: false },
    { unit: "South", n: 17, enps: -20, suppressed: false },
    { unit: "Tiny", n: 3, enps: null, suppressed: true },
  ],
  thresholds: { gapThreshold: 10, alpha: 0.05 },
};

function allText(plan: DeckPlan): string {
  return JSON.stringify(plan.slides);
}

describe("planClientDeck", () => {
  it("has the title, headline, gaps, alerts, units and method slides, in that order", () => {
    const plan = planClientDeck({ language: "en", organisation: "Acme", barometer, model: DEFAULT_MODEL });
    expect(plan.slides.map((slide) => slide.role)).toEqual(["title", "headline", "gaps", "alerts", "groups", "method"]);
    const headline = plan.slides[1].blocks[0];
    expect(headline.kind === "figures" && headline.figures.map((figure) => figure.value)).toEqual(["87.7", "1", "-23.0", "-5.0", "+12.0"]);
    const alerts = plan.slides[3].blocks[0];
    expect(alerts.kind === "table" && alerts.rows.map((row) => row.slice(0, 4).map((cell) => cell.text))).toEqual([
      ["Recognition", "-23.0", "[-26.0; -20.0]", "<0.001"],
    ]);
    expect(alerts.kind === "table" && alerts.rows[0][4].text).toContain("My work is recognised by my manager");
    expect(allText(plan)).toContain("On watch: Physical environment and tools (gap -12.0)");
  });
  it("shows units above the threshold and counts the hidden ones without their figures", () => {
    const plan = planClientDeck({ language: "en", organisation: "Acme", barometer, model: DEFAULT_MODEL });
    const groups = plan.slides.find((slide) => slide.role === "groups")!;
    const chart = groups.blocks[0];
    expect(chart.kind === "bars" && chart.categories).toEqual(["North", "South"]);
    expect(allText({ ...plan, slides: [groups] })).not.toContain("Tiny");
    expect(allText({ ...plan, slides: [groups] })).toContain("1 unit(s) hidden: fewer than 5 answers");
  });
  it("writes French numbers and words", () => {
    const plan = planClientDeck({ language: "fr", organisation: "Acme", barometer, model: DEFAULT_MODEL });
    const headline = plan.slides[1].blocks[0];
    expect(headline.kind === "figures" && headline.figures[0].value).toBe("87,7");
    expect(plan.slides[3].title).toBe("Dimensions en alerte");
  });
  it("says every figure is withheld instead of drawing empty charts", () => {
    const hidden: DeckBarometer = {
      ...barometer,
      employees: { n: 3, enps: null },
      customers: { n: 2, nps: null },
      dimensions: [dimension("culture", null, null, "suppressed"), dimension("recognition", null, null, "suppressed")],
      symmetryIndex: null,
      units: [{ unit: "Tiny", n: 3, enps: null, suppressed: true }],
    };
    const plan = planClientDeck({ language: "en", organisation: "Small", barometer: hidden, model: DEFAULT_MODEL });
    const blocks = plan.slides.flatMap((slide) => slide.blocks);
    expect(blocks.some((block) => block.kind === "bars" || block.kind === "radar")).toBe(false);
    expect(allText(plan)).toContain("Every figure is withheld: fewer than 5 respondents answered");
    expect(allText(plan)).toContain("fewer than 5 employees and fewer than 5 customers answered");
    expect(allText(plan)).not.toMatch(/\b3 employees|\b2 customers/);
  });
});

function team(n: number, promoters: number, detractors: number, means: Record<string, [number, number]>): GroupAggregate {
  return {
    n,
    recommendation: { promoters, passives: n - promoters - detractors, detractors },
    dimensions: Object.fromEntries(
      Object.entries(means).map(([id, [answers, mean]]) => [id, { n: answers, mean, squaredDeviations: 100 }]),
    ),
  };
}

describe("planManagerDecks", () => {
  const managers = {
    Ann: team(8, 4, 2, { culture: [8, 61.25], recognition: [8, 38.5], physical: [4, 90] }),
    Bob: team(4, 2, 1, { culture: [4, 77.75], recognition: [4, 22.25], physical: [4, 66.5] }),
    Cy: team(28, 9, 11, { culture: [28, 72.5], recognition: [28, 47.75], physical: [28, 52.25] }),
  };
  it("makes one deck per manager at or above the threshold, with their team against the whole", () => {
    const decks = planManagerDecks({ language: "en", organisation: "Acme", barometer, managers });
    expect(decks.map((deck) => deck.manager)).toEqual(["Ann", "Cy"]);
    const ann = JSON.stringify(decks[0].plan);
    expect(ann).toContain("61.3");
    expect(ann).toContain("+25.0"); // Ann's eNPS: (4 − 2) / 8
    expect(ann).toContain("-5.0"); // the whole's eNPS
    for (const other of ["Bob", "Cy", "77.8", "22.3", "66.5", "72.5", "47.8", "52.3"]) expect(ann).not.toContain(other);
    // Ann's physical dimension has 4 answers: withheld.
    expect(ann).not.toContain("90.0");
    expect(ann).toContain("fewer than 5");
  });
  it("withholds the whole when the rest of the organisation is under the threshold", () => {
    const decks = planManagerDecks({
      language: "en",
      organisation: "Acme",
      barometer: { ...barometer, employees: { ...barometer.employees, n: 30 } },
      managers,
    });
    const cy = JSON.stringify(decks.find((deck) => deck.manager === "Cy")!.plan);
    expect(cy).toContain("The rest of the organisation is fewer than 5 people: the whole is not shown.");
    expect(cy).not.toContain("-5.0");
  });
});

describe("planEmployeeSummary", () => {
  it("speaks in plain words with organisation-level figures only", () => {
    const plan = planEmployeeSummary({ language: "en", organisation: "Acme", barometer, model: DEFAULT_MODEL });
    expect(plan.shape).toBe("portrait");
    expect(plan.slides).toHaveLength(1);
    const text = allText(plan);
    expect(text).toContain("What we measured");
    expect(text).toContain("Recognition: you rate it 45, customers 68 out of 100. You feel it less than our customers do.");
    expect(text).toContain("We will work first on Recognition");
    for (const unit of ["North", "South", "Tiny"]) expect(text).not.toContain(unit);
  });
});
