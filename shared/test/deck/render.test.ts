/** renderDeck draws native charts and tables: the written .pptx holds chart parts with the plan's data and table cells with its text. */
import JSZip from "jszip";
import PptxGenJS from "pptxgenjs";
import { DEFAULT_MODEL, planClientDeck, renderDeck, type DeckBarometer } from "@symmetry/engine";

const score = (value: number) => ({ score: value, n: 40, alpha: null });
const barometer: DeckBarometer = {
  employees: { n: 40, enps: null },
  customers: { n: 60, nps: null },
  dimensions: [
    {
      id: "culture",
      label: "Customer culture and values",
      employee: score(70),
      customer: score(72),
      gap: -2,
      low: -5,
      high: 1,
      p: 0.2,
      hedgesG: null,
      status: "ok",
    },
    {
      id: "recognition",
      label: "Recognition",
      employee: score(45),
      customer: score(68),
      gap: -23,
      low: -26,
      high: -20,
      p: 1e-9,
      hedgesG: null,
      status: "alert",
    },
  ],
  symmetryIndex: 87.5,
  minGroupSize: 5,
  units: [],
  thresholds: { gapThreshold: 10, alpha: 0.05 },
};

it("writes editable charts (bar and radar) and a table, not pictures", async () => {
  const pptx = renderDeck(planClientDeck({ language: "en", organisation: "Acme", barometer, model: DEFAULT_MODEL }), new PptxGenJS());
  const zip = await JSZip.loadAsync((await pptx.write({ outputType: "nodebuffer" })) as Buffer);
  const charts = Object.keys(zip.files).filter((name) => /^ppt\/charts\/chart\d+\.xml$/.test(name));
  expect(charts).toHaveLength(2);
  const xml = (await Promise.all(charts.map((name) => zip.file(name)!.async("string")))).join("");
  expect(xml).toContain("<c:barChart>");
  expect(xml).toContain("<c:radarChart>");
  expect(xml).toContain("<c:v>-23</c:v>");
  const slides = (
    await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
        .map((name) => zip.file(name)!.async("string")),
    )
  ).join("");
  expect(slides).toContain("<a:tbl>");
  expect(slides).not.toContain("<p:pic>");
  expect(slides).toContain("&lt;0.001");
});
