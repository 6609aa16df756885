import type { Model } from "@symmetry/engine";
import { unitTypeIndex } from "@symmetry/engine/ranges/heatmapRange";

/**
 * Attribute values as people write them in a units file or a Units sheet, normalised as headers
 * are (case and accents folded), to the model's attribute ids (`front-office`, `support`). The
 * add-in's SYM.HEATMAP reads unit types with the same table.
 */
export function attributeIndex(model: Model): Map<string, string> {
  return unitTypeIndex(model);
}
