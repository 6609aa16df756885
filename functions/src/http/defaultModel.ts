import { createHash } from "node:crypto";
import { DEFAULT_MODEL } from "@symmetry/engine";

/**
 * The embedded default model (docs/domain.md#dimensions, 11 dimensions) as the API serves it: read-only, with a
 * strong ETag derived from its content so caches revalidate when a release changes it.
 */
export const DEFAULT_MODEL_ETAG = `"default-${createHash("sha256").update(JSON.stringify(DEFAULT_MODEL)).digest("hex").slice(0, 16)}"`;
