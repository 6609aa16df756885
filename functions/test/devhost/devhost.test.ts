import { encodeQueueMessage } from "../../src/storage/jobQueue";
import { httpHandlers } from "../../src/handlers";
import { httpRoutes } from "../../src/routes";
import { compileRoute } from "../../src/devhost/httpServer";
import { decodeMessage } from "../../src/devhost/queuePump";

describe("dev host helpers", () => {
  it("compiles route templates into one-segment parameters", () => {
    const { pattern, parameters } = compileRoute("models/{id}/versions/{version}");
    expect(parameters).toEqual(["id", "version"]);
    expect(pattern.exec("models/acme/versions/3")?.slice(1)).toEqual(["acme", "3"]);
    expect(pattern.test("models/acme/versions")).toBe(false);
    expect(pattern.test("models/a/b/versions/3")).toBe(false);
  });

  it("decodes base64 queue messages as the trigger does: JSON parsed, other text kept", () => {
    expect(decodeMessage(encodeQueueMessage({ jobId: "abc" }))).toEqual({ jobId: "abc" });
    expect(decodeMessage(Buffer.from("plain text").toString("base64"))).toBe("plain text");
  });

  it("leaves every route anonymous at the Functions level: the handlers authenticate", () => {
    // A function-level route would make Azure answer 401 to every call without a function key.
    for (const route of Object.values(httpRoutes)) expect(route.authLevel).toBe("anonymous");
  });

  it("has a handler for every route of the table and no route without one", () => {
    expect(Object.keys(httpHandlers).sort()).toEqual(Object.keys(httpRoutes).sort());
    for (const handler of Object.values(httpHandlers)) expect(typeof handler).toBe("function");
  });
});
