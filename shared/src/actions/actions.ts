import { z } from "zod";
import { SymError } from "../errors";
import { describeIssues } from "../model/schemas";
import { jsonFromXmlPart, jsonToXmlPart, type JsonXmlPart } from "../model/jsonXmlPart";

/**
 * The action plan (docs/domain.md#actions): what the organisation will do about a
 * dimension, for whom, by whom, by when. It travels in the workbook as the custom XML part
 * `urn:symmetry-barometer:actions:1` and, when an API is used, in the tenant's store.
 * Actions carry no figures, so confidentiality has nothing to hide in them.
 */
export const ACTIONS_NAMESPACE = "urn:symmetry-barometer:actions:1";
export const ACTIONS_XML_ROOT = "actions";

/** Status words of an action, in the workbook's validation list order. */
export const ACTION_STATUSES = ["planned", "in-progress", "done"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Who the action is for: the whole organisation, one unit, or one unit type (front office, support…). */
export const ActionScopeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("all") }).strict(),
  z.object({ kind: z.literal("unit"), value: z.string().trim().min(1).max(200) }).strict(),
  z.object({ kind: z.literal("unitType"), value: z.string().trim().min(1).max(200) }).strict(),
]);
export type ActionScope = z.infer<typeof ActionScopeSchema>;

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). */
const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD")
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
  }, "expected a date that exists");

export const ActionSchema = z
  .object({
    /** Dimension id of the model (`recognition`). */
    dimension: z.string().trim().min(1).max(100),
    scope: ActionScopeSchema,
    owner: z.string().trim().max(200),
    due: IsoDateSchema.nullable(),
    status: z.enum(ACTION_STATUSES),
    text: z.string().max(2000),
    /** The wave in which the action was decided; its outcome is read on the waves after it. */
    wave: z.string().trim().min(1).max(100).nullable(),
  })
  .strict();
export type Action = z.infer<typeof ActionSchema>;

/** At most this many actions in a plan: a plan is read by people, and the part stays small. */
export const MAX_ACTIONS = 1000;

export const ActionPlanSchema = z
  .object({
    version: z.literal(1),
    actions: z.array(ActionSchema).max(MAX_ACTIONS),
  })
  .strict();
export type ActionPlan = z.infer<typeof ActionPlanSchema>;

/**
 * Validates an action plan from any source (JSON file, API body, XML part).
 *
 * @throws SymError `invalid-argument` naming the first issue and its path (`actions.3.due: …`)
 */
export function parseActionPlan(value: unknown, source = "action plan"): ActionPlan {
  const parsed = ActionPlanSchema.safeParse(value);
  if (!parsed.success) {
    const first = describeIssues(parsed.error)[0];
    throw new SymError("invalid-argument", `${source}: ${first.path || "plan"}: ${first.message}`);
  }
  return parsed.data;
}

/** 1,000 actions of 2,000 characters take about 2.5 MB of JSON with escapes; the part is capped above that. */
export const MAX_ACTIONS_PART_CHARACTERS = 4 * 1024 * 1024;

const ACTIONS_PART: JsonXmlPart = {
  root: ACTIONS_XML_ROOT,
  namespace: ACTIONS_NAMESPACE,
  caller: "actionsFromXml",
  maxCharacters: MAX_ACTIONS_PART_CHARACTERS,
  sizeHint: `a plan holds at most ${MAX_ACTIONS.toLocaleString("en-GB")} actions`,
};

/**
 * The custom XML part's text for a plan (validated first):
 * `<actions xmlns="urn:symmetry-barometer:actions:1" version="1">{"version":1,"actions":[…]}</actions>`.
 */
export function actionsToXml(plan: ActionPlan): string {
  const valid = parseActionPlan(plan, "actionsToXml requires a valid plan");
  return jsonToXmlPart(ACTIONS_PART, valid.version, valid);
}

/**
 * Reads a plan back from the custom XML part's text.
 *
 * @throws SymError `invalid-argument`: no root in the namespace, bad JSON, or the first schema issue
 */
export function actionsFromXml(xml: string): ActionPlan {
  return parseActionPlan(jsonFromXmlPart(xml, ACTIONS_PART), "actionsFromXml found an invalid plan");
}
