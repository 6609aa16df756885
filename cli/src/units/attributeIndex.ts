import type { Model } from "@symmetry/engine";
import { normaliseHeader } from "@symmetry/engine/model/headers";

/**
 * Attribute values as people write them in a units file or a Units sheet, normalised as headers
 * are (case and accents folded), to the model's attribute ids (`front-office`, `support`): the id,
 * the id with spaces, and the French and English labels; "back office" also means `support`.
 */
export function attributeIndex(model: Model): Map<string, string> {
  const index = new Map<string, string>();
  for (const attribute of model.unitAttributes) {
    for (const name of [attribute.id, attribute.id.replace(/-/g, " "), attribute.label.fr, attribute.label.en])
      index.set(normaliseHeader(name), attribute.id);
  }
  if (index.has("support")) for (const name of ["back office", "back-office", "backoffice"]) index.set(name, "support");
  return index;
}
