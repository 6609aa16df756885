import { mergeParts, type Section } from "../../sheet/sections";

/** Two sections one after the other as one, with the given anchors; `bottom` is the second's. */
export function mergeSections<A>(first: Section<unknown>, second: Section<unknown>, anchors: A): Section<A> {
  return { ...mergeParts(first, second), bottom: second.bottom, anchors };
}
