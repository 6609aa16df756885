/**
 * A burst of one tenant's submissions against the default quota (120 jobs a minute, 50 active),
 * on Azurite: the quota's shards (functions/src/storage/tenantQuota.ts) spread the conditional
 * updates, so every submission within the limits is admitted at once, and none beyond them.
 */
import { submitJob } from "../../src/functions/submitJob";
import { MAX_QUOTA_SHARDS, MISSING_JOB_GRACE_MS, shardLimits, stillCounts } from "../../src/storage/tenantQuota";
import { READ_KEY, useAzurite } from "../support/azurite";
import { syntheticPopulation } from "../support/aggregates";
import { call } from "../support/requests";

useAzurite({ SYM_JOBS_PER_MINUTE: "120", SYM_MAX_CONCURRENT_JOBS: "50" });

const payload = { employees: syntheticPopulation("employees", 40, 1), customers: syntheticPopulation("customers", 40, 2) };
const submit = () => call(submitJob, "POST", "/api/jobs", { headers: { "x-sym-key": READ_KEY }, body: { kind: "barometer", payload } });

describe("quota shards", () => {
  it("add up to the tenant's limits exactly, and small quotas keep one entity", () => {
    for (const limits of [
      { jobsPerMinute: 120, concurrentJobs: 50 },
      { jobsPerMinute: 1000, concurrentJobs: 500 },
      { jobsPerMinute: 47.5, concurrentJobs: 3 },
      { jobsPerMinute: 31, concurrentJobs: 1 },
    ]) {
      const shards = shardLimits(limits);
      expect(shards.reduce((sum, shard) => sum + shard.jobsPerMinute, 0)).toBeCloseTo(limits.jobsPerMinute, 12);
      expect(shards.reduce((sum, shard) => sum + shard.concurrentJobs, 0)).toBe(limits.concurrentJobs);
      for (const shard of shards) expect(shard.jobsPerMinute).toBeGreaterThanOrEqual(1);
    }
    expect(shardLimits({ jobsPerMinute: 120, concurrentJobs: 50 }).map((shard) => shard.concurrentJobs)).toEqual([7, 7, 6, 6, 6, 6, 6, 6]);
    expect(shardLimits({ jobsPerMinute: 3, concurrentJobs: 2 })).toEqual([{ jobsPerMinute: 3, concurrentJobs: 2 }]);
    expect(shardLimits({ jobsPerMinute: 1e6, concurrentJobs: 500 })).toHaveLength(MAX_QUOTA_SHARDS);
  });
});

describe("a slot of an admitted job", () => {
  it("is kept while the job runs or may still be created, and freed when it finished or its submission died", () => {
    expect(stillCounts("active", 3_600_000)).toBe(true);
    expect(stillCounts("missing", 1_000)).toBe(true); // the submission has not created it yet
    expect(stillCounts("missing", MISSING_JOB_GRACE_MS + 1)).toBe(false);
    expect(stillCounts("finished", 0)).toBe(false);
  });
});

describe("a burst of 60 simultaneous submissions of one tenant", () => {
  it("admits exactly the 50 the concurrent-jobs limit allows and refuses the other 10 with too-many-active-jobs", async () => {
    const results = await Promise.all(Array.from({ length: 60 }, () => submit()));
    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status === 202)).toHaveLength(50);
    const refused = results.filter((result) => result.status !== 202);
    expect(refused).toHaveLength(10);
    for (const refusal of refused) {
      expect(refusal.status).toBe(429);
      expect(refusal.jsonBody).toMatchObject({ error: "too-many-active-jobs" });
    }
  }, 60_000);
});
