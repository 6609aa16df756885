/**
 * The client deck's later slides: the heat map of dimensions by unit (paged, hidden units without
 * figures), the change since the last wave (chart and table with interval, p and status), the
 * priorities and the action plan with each action's outcome.
 */
import { DEFAULT_MODEL, planClientDeck, type DeckBarometer, type DeckPlan, type DeckSlide } from "@symmetry/engine";
import type { Action } from "@symmetry/engine/actions";
import type { HeatmapGroup } from "@symmetry/engine/heatmap/heatmap";
import type { Priority } from "@symmetry/engine/priorities/priorities";
import type { Trend } from "@symmetry/engine/trend/trend";

const score = (value: number | null, n = 40) => ({ score: value, n, alpha: null });
const labelOf = (id: string) => DEFAULT_MODEL.dimensions.find((candidate) => candidate.id === id)!.label.en;
function dimension(id: string, employee: number, customer: number, status: "alert" | "watch" | "ok", p: number) {
  const gap = employee - customer;
  return {
    id,
    label: labelOf(id),
    employee: score(employee),
    customer: score(customer),
    gap,
    low: gap - 3,
    high: gap + 3,
    p,
    hedgesG: null,
    status,
  };
}

function group(name: string, n: number | null, culture: number | null, recognition: number | null, enps: number | null): HeatmapGroup {
  return {
    group: name,
    n,
    suppressed: n === null,
    enps,
    dimensions: [
      { id: "culture", employee: culture, customer: null, gap: null },
      { id: "recognition", employee: recognition, customer: null, gap: null },
    ],
  };
}

const base: DeckBarometer = {
  employees: { n: 400, enps: { value: -5, low: -12, high: 2, n: 400, standardError: 3 } as never },
  customers: { n: 600, nps: { value: 12, low: 7, high: 17, n: 600, standardError: 2.5 } as never },
  dimensions: [dimension("culture", 70, 72, "ok", 0.4), dimension("recognition", 45, 68, "alert", 1e-12)],
  symmetryIndex: 87.5,
  minGroupSize: 5,
  units: [{ unit: "North", n: 20, enps: 10, suppressed: false }],
  thresholds: { gapThreshold: 10, alpha: 0.05 },
};

const slidesOf = (plan: DeckPlan, role: DeckSlide["role"]) => plan.slides.filter((slide) => slide.role === role);
const tableOf = (slide: DeckSlide) => {
  const table = slide.blocks.find((block) => block.kind === "table");
  if (!table || table.kind !== "table") throw new Error(`slide ${slide.title} has no table`);
  return table;
};

describe("the heat map slides", () => {
  // 15 visible units and one hidden: two slides of at most 14 units.
  const groups = [
    ...Array.from({ length: 15 }, (_, index) =>
      group(`Unit ${String(index + 1).padStart(2, "0")}`, 20 + index, 70 + index - 7, 45, index - 7),
    ),
    group("Hidden", null, null, null, null),
  ];
  const barometer: DeckBarometer = { ...base, heatmap: [{ by: "unit", groups }] };
  const plan = planClientDeck({ language: "en", organisation: "Acme", barometer, model: DEFAULT_MODEL });
  const slides = slidesOf(plan, "groups");

  it("replaces the eNPS by unit chart and pages the units", () => {
    expect(slides).toHaveLength(2);
    expect(slides.flatMap((slide) => slide.blocks).some((block) => block.kind === "bars")).toBe(false);
    expect(slides.map((slide) => tableOf(slide).rows.length)).toEqual([14, 2]);
    expect(slides.map((slide) => slide.subtitle)).toEqual(["Part 1 of 2", "Part 2 of 2"]);
    expect(tableOf(slides[0]).header).toEqual(["Unit", "Respondents", "eNPS", labelOf("culture"), labelOf("recognition")]);
  });
  it("shows a hidden unit by name only, its count as fewer than 5", () => {
    const hidden = tableOf(slides[1]).rows.find((row) => row[0].text === "Hidden")!;
    expect(hidden.map((cell) => cell.text)).toEqual(["Hidden", "fewer than 5", "–", "–", "–"]);
    expect(JSON.stringify(slides[1])).toContain("1 unit(s) hidden");
  });
  it("shades the cells 5 points or more from the whole organisation", () => {
    const rows = [...tableOf(slides[0]).rows, ...tableOf(slides[1]).rows];
    // culture: the whole is 70; units score 63 … 77.
    const culture = rows.filter((row) => row[0].text !== "Hidden").map((row) => [row[3].text, row[3].shade ?? "none"]);
    expect(culture.filter(([, shade]) => shade === "below").map(([text]) => text)).toEqual(["63", "64", "65"]);
    expect(culture.filter(([, shade]) => shade === "above").map(([text]) => text)).toEqual(["75", "76", "77"]);
    expect(culture.find(([text]) => text === "66")![1]).toBe("none");
  });
  it("says no unit can be shown when every unit is hidden", () => {
    const allHidden: DeckBarometer = {
      ...base,
      heatmap: [{ by: "unit", groups: [group("A", null, null, null, null), group("B", null, null, null, null)] }],
    };
    const only = slidesOf(planClientDeck({ language: "fr", organisation: "Acme", barometer: allHidden, model: DEFAULT_MODEL }), "groups");
    expect(only).toHaveLength(1);
    expect(only[0].blocks).toEqual([
      { kind: "note", text: "Aucune unité ne peut être affichée : toutes sont sous le seuil de confidentialité." },
    ]);
  });
});

const trend: Pick<Trend, "waves" | "changes"> = {
  waves: [
    {
      wave: "2025",
      employees: { n: 380, enps: { value: -12, low: -19, high: -5, n: 380 } as never },
      customers: { n: 500, nps: null },
      symmetryIndex: 84.1,
      alerts: 2,
      largestGap: null,
      dimensions: [],
      units: [],
    },
    {
      wave: "2026",
      employees: { n: 400, enps: { value: -5, low: -12, high: 2, n: 400 } as never },
      customers: { n: 600, nps: null },
      symmetryIndex: 87.5,
      alerts: 1,
      largestGap: null,
      dimensions: [],
      units: [],
    },
  ],
  changes: [
    {
      from: "2025",
      to: "2026",
      enps: { change: 7, z: 2.1, p: 0.036 },
      nps: null,
      dimensions: [
        {
          id: "information",
          label: labelOf("information"),
          gapFrom: -14,
          gapTo: -3,
          gapChange: 11,
          low: 6.5,
          high: 15.5,
          p: 0.0002,
          df: 900,
          status: "narrowed",
          closed: true,
          employeeChange: null,
          customerChange: null,
        },
        {
          id: "recognition",
          label: labelOf("recognition"),
          gapFrom: -15,
          gapTo: -23,
          gapChange: -8,
          low: -12.1,
          high: -3.9,
          p: 0.012,
          df: 900,
          status: "widened",
          closed: false,
          employeeChange: null,
          customerChange: null,
        },
        {
          id: "ethics",
          label: labelOf("ethics"),
          gapFrom: null,
          gapTo: -2,
          gapChange: null,
          low: null,
          high: null,
          p: null,
          df: null,
          status: "not-computable",
          closed: false,
          employeeChange: null,
          customerChange: null,
        },
      ],
    },
  ],
};

describe("the trend slides", () => {
  const plan = planClientDeck({ language: "en", organisation: "Acme", barometer: base, model: DEFAULT_MODEL, trend });
  const slides = slidesOf(plan, "trend");
  it("come after the groups slide: headline then and now with a chart of both waves' gaps", () => {
    expect(plan.slides.map((slide) => slide.role)).toEqual(["title", "headline", "gaps", "alerts", "groups", "trend", "trend", "method"]);
    expect(slides[0].title).toBe("Since the last wave: 2025 → 2026");
    const figures = slides[0].blocks[0];
    expect(figures.kind === "figures" && figures.figures.map((figure) => [figure.value, figure.detail])).toEqual([
      ["87.5", "2025: 84.1"],
      ["1", "2025: 2"],
      ["+7.0", "p: 0.036 · 2026: -5.0"],
    ]);
    const chart = slides[0].blocks[1];
    expect(chart.kind === "bars" && chart.series.map((series) => [series.name, series.values])).toEqual([
      ["2025", [-14, -15]],
      ["2026", [-3, -23]],
    ]);
  });
  it("lists each dimension's gap change with its interval, p and status", () => {
    const rows = tableOf(slides[1]).rows.map((row) => row.map((cell) => cell.text));
    expect(rows).toEqual([
      [labelOf("information"), "-14.0", "-3.0", "+11.0", "[+6.5; +15.5]", "<0.001", "Closed (alert no more)"],
      [labelOf("recognition"), "-15.0", "-23.0", "-8.0", "[-12.1; -3.9]", "0.012", "Widened"],
      [labelOf("ethics"), "–", "-2.0", "–", "–", "–", "Not computable"],
    ]);
  });
  it("are left out with a single wave", () => {
    const single = { waves: [trend.waves[1]], changes: [] };
    expect(
      slidesOf(planClientDeck({ language: "en", organisation: "Acme", barometer: base, model: DEFAULT_MODEL, trend: single }), "trend"),
    ).toEqual([]);
  });
});

describe("the priorities and action plan slides", () => {
  const priorities: Priority[] = [
    { rank: 1, id: "recognition", label: labelOf("recognition"), status: "alert", need: 23, impact: 0.4, priority: 9.2 },
    { rank: 2, id: "culture", label: labelOf("culture"), status: "ok", need: 2, impact: 0.6, priority: 1.2 },
  ];
  const actions: Action[] = [
    {
      dimension: "information",
      scope: { kind: "all" },
      owner: "HR",
      due: "2026-03-31",
      status: "done",
      text: "Monthly briefings",
      wave: "2025",
    },
    {
      dimension: "recognition",
      scope: { kind: "unit", value: "North" },
      owner: "Ann",
      due: null,
      status: "in-progress",
      text: "x".repeat(400),
      wave: "2025",
    },
    {
      dimension: "culture",
      scope: { kind: "unitType", value: "support" },
      owner: "",
      due: null,
      status: "planned",
      text: "Later",
      wave: "2026",
    },
  ];
  it("ranks the dimensions and lists the plan with each action's outcome since the last wave", () => {
    const barometer = { ...base, unitAttributes: { support: "Support" } };
    const plan = planClientDeck({ language: "en", organisation: "Acme", barometer, model: DEFAULT_MODEL, trend, priorities, actions });
    const slides = slidesOf(plan, "priorities");
    expect(plan.slides.map((slide) => slide.role).slice(-3)).toEqual(["priorities", "priorities", "method"]);
    expect(tableOf(slides[0]).rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ["1", labelOf("recognition"), "Alert", "23.0", "40 %", "9.2"],
      ["2", labelOf("culture"), "Other", "2.0", "60 %", "1.2"],
    ]);
    const table = tableOf(slides[1]);
    expect(table.header[6]).toBe("Gap 2025 → 2026");
    const rows = table.rows.map((row) => row.map((cell) => cell.text));
    expect(rows[0]).toEqual([
      labelOf("information"),
      "Whole organisation",
      "HR",
      "2026-03-31",
      "Done",
      "Monthly briefings",
      "Closed (alert no more)",
    ]);
    expect(rows[1].slice(1, 5)).toEqual(["Unit North", "Ann", "–", "In progress"]);
    expect(rows[1][5].length).toBeLessThanOrEqual(180);
    expect(rows[1][6]).toBe("Widened");
    // Decided in the last wave: nothing to judge it on yet.
    expect(rows[2]).toEqual([labelOf("culture"), "Support units", "–", "–", "Planned", "Later", "Not measured yet"]);
  });
  it("leaves out the outcome column without waves, and the slides without priorities or plan", () => {
    const plan = planClientDeck({ language: "fr", organisation: "Acme", barometer: base, model: DEFAULT_MODEL, actions });
    const slides = slidesOf(plan, "priorities");
    expect(slides.map((slide) => slide.title)).toEqual(["Plan d'action"]);
    expect(tableOf(slides[0]).header).toEqual(["Dimension", "Pour qui", "Responsable", "Échéance", "Statut", "Action"]);
    expect(slidesOf(planClientDeck({ language: "en", organisation: "Acme", barometer: base, model: DEFAULT_MODEL }), "priorities")).toEqual(
      [],
    );
  });
});
