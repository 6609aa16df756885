import {
  ACTIONS_NAMESPACE,
  actionOutcomes,
  actionsFromXml,
  actionsToXml,
  parseActionPlan,
  type Action,
  type ActionPlan,
} from "@symmetry/engine/actions";
import { mappingFromXml } from "@symmetry/engine/model";
import type { TrendChange } from "@symmetry/engine/trend";
import { SymError } from "@symmetry/engine/errors";

const ACTION: Action = {
  dimension: "recognition",
  scope: { kind: "unitType", value: "support" },
  owner: "HR director",
  due: "2026-03-31",
  status: "in-progress",
  text: 'Thank-you notes & "shout-outs" <weekly> in team meetings',
  wave: "2025",
};
const PLAN: ActionPlan = {
  version: 1,
  actions: [ACTION, { ...ACTION, dimension: "information", scope: { kind: "all" }, due: null, wave: null }],
};

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SymError);
    return (error as SymError).message;
  }
  throw new Error("expected a refusal");
}

describe("the action plan's custom XML part", () => {
  it("round-trips a plan whose text holds markup characters, in the actions namespace", () => {
    const xml = actionsToXml(PLAN);
    expect(xml).toContain(`<actions xmlns="${ACTIONS_NAMESPACE}" version="1">`);
    expect(xml).not.toContain("<weekly>");
    expect(actionsFromXml(xml)).toEqual(PLAN);
  });

  it("reads a prefixed root, entities and CDATA as other XML writers produce them", () => {
    const json = JSON.stringify(PLAN);
    const cut = json.indexOf("Thank");
    const xml = `<a:actions xmlns:a='${ACTIONS_NAMESPACE}' version="1">${json.slice(0, cut).replace(/"/g, "&quot;")}<![CDATA[${json.slice(cut)}]]></a:actions>`;
    expect(actionsFromXml(xml)).toEqual(PLAN);
  });

  it("refuses another namespace, the mapping part, bad JSON and an oversized part, saying which", () => {
    expect(refusal(() => actionsFromXml(actionsToXml(PLAN).replace(ACTIONS_NAMESPACE, "urn:other")))).toMatch(
      /actionsFromXml requires namespace urn:symmetry-barometer:actions:1, got urn:other/,
    );
    expect(refusal(() => actionsFromXml('<mapping xmlns="urn:symmetry-barometer:mapping:1">{}</mapping>'))).toMatch(
      /requires a <actions> root/,
    );
    expect(refusal(() => mappingFromXml(actionsToXml(PLAN)))).toMatch(/mappingFromXml requires a <mapping> root/);
    expect(refusal(() => actionsFromXml(`<actions xmlns="${ACTIONS_NAMESPACE}">{"version":1,</actions>`))).toMatch(
      /requires JSON inside <actions>/,
    );
    expect(refusal(() => actionsFromXml(" ".repeat(4 * 1024 * 1024 + 1)))).toMatch(/refuses a part of 4,194,305 characters/);
  });

  it("refuses invalid actions with the path of the first issue", () => {
    const bad = (action: Record<string, unknown>) => ({ version: 1, actions: [ACTION, { ...ACTION, ...action }] });
    expect(refusal(() => parseActionPlan(bad({ due: "2026-02-30" })))).toBe("action plan: actions.1.due: expected a date that exists");
    expect(refusal(() => parseActionPlan(bad({ due: "31/03/2026" })))).toMatch(/^action plan: actions\.1\.due: expected a date YYYY-MM-DD/);
    expect(refusal(() => parseActionPlan(bad({ status: "finished" })))).toMatch(/^action plan: actions\.1\.status:/);
    expect(refusal(() => parseActionPlan(bad({ scope: { kind: "unit", value: " " } })))).toMatch(/^action plan: actions\.1\.scope\.value:/);
    expect(refusal(() => parseActionPlan(bad({ budget: 3 })))).toMatch(/^action plan: actions\.1:.*budget/);
    expect(refusal(() => parseActionPlan({ version: 1, actions: Array.from({ length: 1001 }, () => ACTION) }))).toMatch(
      /^action plan: actions:/,
    );
    expect(refusal(() => actionsToXml(bad({ text: "x".repeat(2001) }) as ActionPlan))).toMatch(
      /actionsToXml requires a valid plan: actions\.1\.text/,
    );
  });
});

describe("action outcomes", () => {
  const change: TrendChange = {
    from: "2025",
    to: "2026",
    enps: null,
    nps: null,
    dimensions: [
      dimensionChange("recognition", -13.3, -20.2, 0.0001, "widened", false),
      dimensionChange("information", -15.2, 1.4, 1e-9, "narrowed", true),
    ],
  };

  it("reads each action's targeted gap on the change, with its p and whether the alert closed", () => {
    const outcomes = actionOutcomes(PLAN.actions, change, ["2025", "2026"]);
    expect(outcomes.map((outcome) => [outcome.dimension, outcome.outcome, outcome.closed, outcome.p, outcome.measuredOn])).toEqual([
      ["recognition", "widened", false, 0.0001, "organisation"],
      ["information", "narrowed", true, 1e-9, "organisation"],
    ]);
    expect(outcomes[1].gapChange).toBeCloseTo(16.6, 12);
  });

  it("leaves out actions decided after the change's first wave and names unknown dimensions", () => {
    const later = { ...ACTION, wave: "2026" };
    const unknown = { ...ACTION, dimension: "salary", wave: null };
    const outcomes = actionOutcomes([later, unknown], change, ["2025", "2026"]);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ index: 1, outcome: "unknown-dimension", p: null });
  });
});

function dimensionChange(id: string, gapFrom: number, gapTo: number, p: number, status: "narrowed" | "widened", closed: boolean) {
  return {
    id,
    label: id,
    gapFrom,
    gapTo,
    gapChange: gapTo - gapFrom,
    low: null,
    high: null,
    p,
    df: 100,
    status,
    closed,
    employeeChange: null,
    customerChange: null,
  };
}
