import { MAPPING_NAMESPACE, mappingFromXml, mappingToXml, type Mapping } from "@symmetry/engine";
import type { WorkbookPort } from "../workbook/WorkbookPort";

/**
 * The mapping lives in the workbook as a custom XML part (namespace
 * urn:symmetry-barometer:mapping:1, format in docs/taskpane.md), so it survives save, close and
 * reopen and the CLI reads it from the .xlsx.
 */

export async function saveMapping(port: WorkbookPort, mapping: Mapping): Promise<void> {
  await port.setCustomXmlPart(MAPPING_NAMESPACE, mappingToXml(mapping));
}

/** The saved mapping, or null when the workbook has none. A damaged part is an error naming its problem. */
export async function loadMapping(port: WorkbookPort): Promise<Mapping | null> {
  const xml = await port.getCustomXmlPart(MAPPING_NAMESPACE);
  return xml === null ? null : mappingFromXml(xml);
}
