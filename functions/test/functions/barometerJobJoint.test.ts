import { QueueClient } from "@azure/storage-queue";
import { DEFAULT_MODEL, PopulationAccumulator, groupEnps, type PopulationAggregate } from "@symmetry/engine";
import { getJob } from "../../src/functions/getJob";
import { jobWorker } from "../../src/functions/jobWorker";
import { submitJob } from "../../src/functions/submitJob";
import { JOB_QUEUE } from "../../src/storage/names";
import { syntheticPopulation } from "../support/aggregates";
import { READ_KEY, useAzurite } from "../support/azurite";
import { call, context } from "../support/requests";
import { organisation, type Respondent } from "../../../shared/test/heatmap/organisation";

/**
 * The adversary against a barometer job's result (docs/domain.md#joint-suppression): it knows
 * every count the result publishes (the total, each visible unit and manager) and who belongs to
 * which group, and tries every differencing: the total or a visible unit minus the visible managers
 * inside it, the total or a visible manager minus the visible units inside it. A remainder of 1 … 4
 * people, or exactly the people of a hidden group, is a leak. The aggregates carry the (unit,
 * manager) cells the accumulator records, so the job decides both groupings together; run through
 * the API, the real queue and table storage (Azurite), on seeded organisations whose managers
 * sometimes span two units.
 */
const azurite = useAzurite();
const reader = { "x-sym-key": READ_KEY };

interface Published {
  unit: string;
  n: number | null;
  suppressed: boolean;
}

function employeesOf(respondents: readonly Respondent[]): PopulationAggregate {
  const accumulator = new PopulationAccumulator({
    population: "employees",
    scale: { min: 1, max: 5 },
    items: DEFAULT_MODEL.dimensions.slice(0, 2).map((dimension, column) => ({ column, dimension: dimension.id, reversed: false })),
    recommendationColumn: 2,
  });
  for (const person of respondents) accumulator.addRow(person.answers, person.unit, person.manager);
  return accumulator.result();
}

/** Every leak of the published units and managers (empty when none). */
function attack(respondents: readonly Respondent[], units: readonly Published[], managers: readonly Published[]): string[] {
  const membersOf = (labelOf: (person: Respondent) => string, label: string) =>
    respondents.flatMap((person, index) => (labelOf(person) === label ? [index] : []));
  const sets = (groups: readonly Published[], labelOf: (person: Respondent) => string) =>
    groups.map((group) => ({ name: group.unit, members: membersOf(labelOf, group.unit), n: group.n, hidden: group.suppressed }));
  const byUnit = sets(units, (person) => person.unit);
  const byManager = sets(managers, (person) => person.manager);
  const hidden = new Set([...byUnit, ...byManager].filter((set) => set.hidden).map((set) => set.members.join(",")));
  const leaks: string[] = [];
  const total: (typeof byUnit)[number] = {
    name: "total",
    members: respondents.map((_, index) => index),
    n: respondents.length,
    hidden: false,
  };
  const tries: [typeof total, typeof byUnit][] = [
    [total, byUnit],
    [total, byManager],
    ...byUnit.filter((set) => !set.hidden).map((set): [typeof total, typeof byUnit] => [set, byManager]),
    ...byManager.filter((set) => !set.hidden).map((set): [typeof total, typeof byUnit] => [set, byUnit]),
  ];
  for (const [parent, children] of tries) {
    const inside = new Set(parent.members);
    const visible = children.filter((child) => !child.hidden && child.members.every((member) => inside.has(member)));
    const gone = new Set(visible.flatMap((child) => child.members));
    const rest = parent.members.filter((member) => !gone.has(member));
    // The published counts alone give the remainder's size: check they describe these people.
    expect(parent.n! - visible.reduce((sum, child) => sum + child.n!, 0)).toBe(rest.length);
    if (rest.length > 0 && rest.length < 5) leaks.push(`${parent.name} − visible: ${rest.length} people`);
    else if (rest.length > 0 && rest.length < respondents.length && hidden.has(rest.join(",")))
      leaks.push(`${parent.name} − visible = a hidden group`);
  }
  return leaks;
}

async function runJob(employees: PopulationAggregate): Promise<{ units: Published[]; managers: Published[] }> {
  const customers = syntheticPopulation("customers", 40, 2);
  const submitted = await call(submitJob, "POST", "/api/jobs", {
    headers: reader,
    body: { kind: "barometer", payload: { employees, customers } },
  });
  expect(submitted.status).toBe(202);
  const queue = new QueueClient(azurite().connectionString, JOB_QUEUE);
  let message: unknown;
  for (let attempt = 0; attempt < 40 && message === undefined; attempt++) {
    const received = (await queue.receiveMessages({ numberOfMessages: 1 })).receivedMessageItems[0];
    if (received) {
      await queue.deleteMessage(received.messageId, received.popReceipt);
      message = JSON.parse(Buffer.from(received.messageText, "base64").toString("utf8"));
    } else await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await jobWorker(message, context("jobWorker", { dequeueCount: 1 }));
  const done = await call(getJob, "GET", `/api/jobs/${submitted.jsonBody.id}`, { headers: reader, params: { id: submitted.jsonBody.id } });
  expect(done.jsonBody.status).toBe("succeeded");
  return done.jsonBody.result as { units: Published[]; managers: Published[] };
}

describe("a barometer job's units and managers, attacked together", () => {
  it("recovers no hidden unit or manager by differencing the published counts", async () => {
    let hiddenSeen = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const { respondents } = organisation(seed);
      const result = await runJob(employeesOf(respondents));
      hiddenSeen += [...result.units, ...result.managers].filter((group) => group.suppressed).length;
      for (const group of [...result.units, ...result.managers]) if (group.suppressed) expect(group.n).toBeNull();
      expect(attack(respondents, result.units, result.managers)).toEqual([]);
    }
    expect(hiddenSeen).toBeGreaterThan(5);
  }, 120_000);

  it("catches the leak of units and managers suppressed each on its own (the attack can fail)", () => {
    let leaked = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { respondents } = organisation(seed);
      const employees = employeesOf(respondents);
      if (attack(respondents, groupEnps(employees.units, 5), groupEnps(employees.managers, 5)).length > 0) leaked += 1;
    }
    expect(leaked).toBeGreaterThan(0);
  });

  it("hides every manager of an aggregate made without its (unit, manager) cells", async () => {
    const { respondents } = organisation(3);
    const result = await runJob({ ...employeesOf(respondents), unitManagerCells: [] });
    expect(result.managers.length).toBeGreaterThan(0);
    expect(result.managers.every((manager) => manager.suppressed && manager.n === null)).toBe(true);
  });
});
