import { execFileSync } from "node:child_process";
import path from "node:path";
import { BENCHMARK_PERCENTILES, percentile, summarisePool, type BenchmarkSummary, type PooledContribution } from "@symmetry/engine";
import { deleteBenchmark } from "../../src/functions/deleteBenchmark";
import { getBenchmark } from "../../src/functions/getBenchmark";
import { getMyBenchmark } from "../../src/functions/getMyBenchmark";
import { postBenchmark } from "../../src/functions/postBenchmark";
import { useAzurite } from "../support/azurite";
import { call } from "../support/requests";
import { seededRandom } from "../support/seededRandom";

/**
 * The attacker of the benchmark pool: an organisation that contributes, re-posts, deletes and reads
 * the published figures after each step, and differences them to learn the other organisations'
 * scores. Every figure it reads becomes a linear constraint on the others' sorted scores; a linear
 * programme (scipy, fixtures/pool_attack_bounds.py) then gives, for each other organisation, the
 * lowest and highest score consistent with everything the attacker saw. The pool is safe when that
 * range is wider than 2 points for every organisation: no guess is then within ±1 point.
 *
 * The attacker's own figure is 0 or 100, where it knows its place in the sorted pool (at a score in
 * between, it would not know which published window it falls in, and would learn less).
 */

const BOUNDS_SCRIPT = path.join(__dirname, "..", "fixtures", "pool_attack_bounds.py");
const OTHERS = 11;
const DIMENSIONS = ["culture", "recognition"] as const;
const random = seededRandom(20261129);
const round1 = (value: number) => Math.round(value * 10) / 10;
/** The other organisations' true scores, 30–90 points. */
const others = Array.from({ length: OTHERS }, () => Object.fromEntries(DIMENSIONS.map((id) => [id, round1(30 + 60 * random())])));

const keyOf = (tenant: string) => `${tenant}-pool-contribute-key-0123456789abcdef`;
const tenants = [...others.map((_, index) => `org-${index}`), "mallory"];
useAzurite({ SYM_KEYS: JSON.stringify(tenants.map((tenant) => ({ key: keyOf(tenant), role: "contribute", tenant }))) });

const as = (tenant: string) => ({ "x-sym-key": keyOf(tenant) });
const post = (tenant: string, dimensions: Record<string, number>, wave = "2025") =>
  call(postBenchmark, "POST", "/api/benchmarks/default", {
    headers: as(tenant),
    params: { id: "default" },
    body: { sector: "retail", wave, n: 40, dimensions, enps: null, nps: null },
  });
const remove = (tenant: string) =>
  call(deleteBenchmark, "DELETE", "/api/benchmarks/default?wave=2025", { headers: as(tenant), params: { id: "default" } });
async function read(tenant: string, query = "sector=retail") {
  const { HttpRequest } = await import("@azure/functions");
  const { context } = await import("../support/requests");
  const request = new HttpRequest({
    method: "GET",
    url: `http://localhost:7071/api/benchmarks/default?${query}`,
    headers: as(tenant),
    params: { id: "default" },
  });
  return (await getBenchmark(request, context("getBenchmark"))) as { status: number; jsonBody: any };
}

interface Constraint {
  coefficients: number[];
  constant: number;
  lo: number;
  hi: number;
}
interface Problem {
  variables: number;
  lower: number;
  upper: number;
  constraints: Constraint[];
}
type Published = Record<"p10" | "p25" | "p50" | "p75" | "p90", number>;

/** Where the attacker's own score sits in the sorted pool: first (0), last (100), or absent. */
type Own = 0 | 100 | null;

/**
 * The constraints one published summary puts on the others' sorted scores, under the documented
 * rule (docs/api.md, "Pool privacy"): each figure r = ⌊mean of 5 sorted scores + 0.5⌋, the window
 * starting at clamp(⌊p·(n−1) + 0.5⌋ − 2, 0, n − 5), so r − 0.5 ≤ mean < r + 0.5.
 */
function windowConstraints(published: Published, own: Own, m: number): Constraint[] {
  const n = m + (own === null ? 0 : 1);
  return BENCHMARK_PERCENTILES.map((percent) => {
    const start = Math.min(Math.max(Math.floor((percent / 100) * (n - 1) + 0.5) - 2, 0), n - 5);
    const coefficients = new Array<number>(m).fill(0);
    let constant = 0;
    for (let position = start; position < start + 5; position++) {
      if (own === 0 && position === 0) constant += 0;
      else if (own === 100 && position === n - 1) constant += 100 / 5;
      else coefficients[own === 0 ? position - 1 : position] += 1 / 5;
    }
    const r = published[`p${percent}` as keyof Published];
    return { coefficients, constant, lo: r - 0.5, hi: r + 0.5 };
  });
}

/** The constraints of exact, unrounded type-7 percentiles (numpy.percentile's default): the rule the pool used to publish. */
function interpolatedConstraints(published: Published, own: Own, m: number): Constraint[] {
  const n = m + (own === null ? 0 : 1);
  return BENCHMARK_PERCENTILES.map((percent) => {
    const h = (percent / 100) * (n - 1);
    const below = Math.floor(h);
    const weights: [number, number][] = [
      [below, 1 - (h - below)],
      [Math.min(below + 1, n - 1), h - below],
    ];
    const coefficients = new Array<number>(m).fill(0);
    let constant = 0;
    for (const [position, weight] of weights) {
      if (own === 0 && position === 0) continue;
      if (own === 100 && position === n - 1) constant += 100 * weight;
      else coefficients[own === 0 ? position - 1 : position] += weight;
    }
    const value = published[`p${percent}` as keyof Published];
    return { coefficients, constant, lo: value, hi: value };
  });
}

function solve(problems: Problem[]): { feasible: boolean; bounds: [number, number][] }[] {
  return JSON.parse(execFileSync("/usr/bin/python3", [BOUNDS_SCRIPT], { input: JSON.stringify(problems), encoding: "utf8" }));
}

/** The true sorted scores satisfy every constraint: the attacker's model of the rule is the rule the API applies. */
function expectConsistent(problem: Problem, truth: number[]): void {
  for (const constraint of problem.constraints) {
    const value = constraint.constant + constraint.coefficients.reduce((sum, coefficient, index) => sum + coefficient * truth[index], 0);
    expect(value).toBeGreaterThanOrEqual(constraint.lo - 1e-9);
    expect(value).toBeLessThanOrEqual(constraint.hi + 1e-9);
  }
}

/** The widest a guess can be wrong by: for each other organisation, the spread of its score over the consistent pools. */
function spreads(bounds: [number, number][]): number[] {
  return bounds.map(([low, high]) => high - low);
}

describe("the benchmark pool against an attacker that re-posts, deletes and differences", () => {
  const seen: { own: Own; dimension: string; published: Published }[] = [];
  const answers: Record<string, unknown> = {};

  it("lets the attacker see the pool with its score at 0, at 100 and without it, and nothing more", async () => {
    for (const [index, scores] of others.entries()) expect((await post(`org-${index}`, scores)).status).toBe(201);
    const record = async (own: Own) => {
      const answer = await read("mallory");
      expect(answer.status).toBe(200);
      for (const dimension of DIMENSIONS) seen.push({ own, dimension, published: answer.jsonBody.dimensions[dimension] });
      // Whole points, and counts only at or above the minimum.
      for (const dimension of DIMENSIONS) {
        const figures = answer.jsonBody.dimensions[dimension];
        for (const percent of BENCHMARK_PERCENTILES) expect(Number.isInteger(figures[`p${percent}`])).toBe(true);
        expect(figures.organisations).toBeGreaterThanOrEqual(10);
      }
    };
    expect((await post("mallory", { culture: 0, recognition: 0 })).status).toBe(201);
    await record(0);
    expect((await post("mallory", { culture: 100, recognition: 100 })).status).toBe(200);
    await record(100);
    // A second change in the wave, to place itself elsewhere: refused, and the pool is as it was.
    answers.thirdPost = await post("mallory", { culture: 50, recognition: 50 });
    expect(answers.thirdPost).toMatchObject({ status: 409, jsonBody: { error: "contribution-locked" } });
    expect((await read("mallory")).jsonBody.dimensions.culture).toEqual(seen[2].published);
    expect((await remove("mallory")).status).toBe(204);
    await record(null);
    // Deleted, then posted again in the same wave at a new place: refused.
    answers.repost = await post("mallory", { culture: 0, recognition: 0 });
    expect(answers.repost).toMatchObject({ status: 409, jsonBody: { error: "contribution-withdrawn" } });
    // Its own rows are all it can read back; the pool names nobody.
    expect(
      (await call(getMyBenchmark, "GET", "/api/benchmarks/default/mine", { headers: as("mallory"), params: { id: "default" } })).status,
    ).toBe(404);
    expect(JSON.stringify((await read("mallory")).jsonBody)).not.toMatch(/org-\d/);
    // A sector or wave only it fills says nothing, not even how many are there.
    expect((await post("mallory", { culture: 10, recognition: 10 }, "2025-x")).status).toBe(201);
    expect((await read("mallory", "sector=retail&wave=2025-x")).jsonBody).toEqual({
      error: "not enough organisations",
      details: { required: 10 },
    });
  });

  it("refuses new wave labels used to move the contribution that counts: one before its latest, and a fifth in 12 months", async () => {
    // Without a wave the pool counts each organisation's latest wave: fresh labels would move mallory at will.
    const before = (await read("mallory")).jsonBody;
    answers.backfill = await post("mallory", { culture: 100, recognition: 100 }, "2024");
    expect(answers.backfill).toMatchObject({ status: 409, jsonBody: { error: "wave-out-of-order", details: { latest: "2025-x" } } });
    // Waves 2025 (withdrawn) and 2025-x are open; two more fit in 12 months, then a fifth is refused.
    expect((await post("mallory", { culture: 0, recognition: 0 }, "2025-y")).status).toBe(201);
    expect((await post("mallory", { culture: 100, recognition: 100 }, "2025-z")).status).toBe(201);
    const moved = (await read("mallory")).jsonBody;
    answers.fifthWave = await post("mallory", { culture: 50, recognition: 50 }, "2026");
    expect(answers.fifthWave).toMatchObject({ status: 409, jsonBody: { error: "wave-limit", details: { limit: 4 } } });
    expect((await read("mallory")).jsonBody).toEqual(moved);
    // Two more placements than the wave rule alone allowed, at 0 and 100 again: what it saw before, nothing new.
    for (const dimension of DIMENSIONS) expect(before.dimensions[dimension].organisations).toBe(OTHERS + 1);
  });

  it("leaves every other organisation's score uncertain by more than ±1 point after all it saw", () => {
    expect(seen).toHaveLength(DIMENSIONS.length * 3);
    const problems = DIMENSIONS.map((dimension) => ({
      variables: OTHERS,
      lower: 0,
      upper: 100,
      constraints: seen
        .filter((entry) => entry.dimension === dimension)
        .flatMap((entry) => windowConstraints(entry.published, entry.own, OTHERS)),
    }));
    DIMENSIONS.forEach((dimension, index) =>
      expectConsistent(
        problems[index],
        others.map((scores) => scores[dimension]).sort((a, b) => a - b),
      ),
    );
    for (const result of solve(problems)) {
      expect(result.feasible).toBe(true);
      expect(Math.min(...spreads(result.bounds))).toBeGreaterThan(2);
    }
  });

  it("holds on 40 more pools of 10 to 14 organisations run through the engine", () => {
    const pools = Array.from({ length: 40 }, (_, index) => {
      const m = 10 + (index % 5);
      return Array.from({ length: m }, () => round1(20 + 75 * random())).sort((a, b) => a - b);
    });
    const summaryOf = (scores: number[], own: Own): Published => {
      const rows: PooledContribution[] = [...scores, ...(own === null ? [] : [own])].map((score, index) => ({
        organisation: `o${index}`,
        sector: "retail",
        wave: "2025",
        n: 40,
        dimensions: { culture: score },
        enps: null,
        nps: null,
      }));
      return (summarisePool(rows) as BenchmarkSummary).dimensions.culture;
    };
    const problems = pools.map((scores) => ({
      variables: scores.length,
      lower: 0,
      upper: 100,
      constraints: ([0, 100, null] as Own[]).flatMap((own) => windowConstraints(summaryOf(scores, own), own, scores.length)),
    }));
    problems.forEach((problem, index) => expectConsistent(problem, pools[index]));
    const results = solve(problems);
    const narrowest = Math.min(...results.map((result) => Math.min(...spreads(result.bounds))));
    expect(narrowest).toBeGreaterThan(2);
  });

  it("recovers every score exactly from the unrounded interpolated percentiles of 5 organisations, as the pool used to publish", () => {
    // The control: the same attacker against the former rule finds each of the 4 others' scores.
    const truth = [41.3, 55.8, 62.1, 77.4];
    const exact = (own: Own): Published => {
      const values = [...truth, ...(own === null ? [] : [own])];
      return Object.fromEntries(BENCHMARK_PERCENTILES.map((percent) => [`p${percent}`, percentile(values, percent / 100)])) as Published;
    };
    const problem = {
      variables: 4,
      lower: 0,
      upper: 100,
      constraints: ([0, 100] as Own[]).flatMap((own) => interpolatedConstraints(exact(own), own, 4)),
    };
    expectConsistent(problem, truth);
    const [result] = solve([problem]);
    expect(result.feasible).toBe(true);
    result.bounds.forEach(([low, high], index) => {
      expect(low).toBeCloseTo(truth[index], 6);
      expect(high).toBeCloseTo(truth[index], 6);
    });
  });
});
