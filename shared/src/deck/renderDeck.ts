import type PptxGenJS from "pptxgenjs";
import type { DeckBlock, DeckPlan, DeckSlide, Tone } from "./plan";

/**
 * Draws a deck plan with pptxgenjs as native PowerPoint objects: text boxes, tables and charts
 * (bar, radar) whose data stays editable in PowerPoint. The presentation object is made by the
 * caller (`new PptxGenJS()` in Node or in the browser), so this module imports only its types
 * and stays free of I/O; the caller writes the file.
 * pptxgenjs API: https://gitbrent.github.io/PptxGenJS/docs/api-charts/ and /api-tables/.
 */

const COLOURS: Record<Tone, string> = {
  alert: "C00000",
  watch: "ED7D31",
  ok: "8C8C8C",
  better: "2E7D32",
  team: "2F5597",
  whole: "A5A5A5",
  employees: "2F5597",
  customers: "00A3A1",
  hidden: "7F7F7F",
  plain: "262626",
};
/** Heat map cells: light red below the whole organisation, light green above, dark text stays readable on both. */
const SHADES = { below: "F8CBAD", above: "C6E0B4" } as const;
const FONT = "Liberation Sans";
const TITLE_COLOUR = "1F3864";

interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

interface PageSize {
  readonly width: number;
  readonly height: number;
}

/** Height a block asks for at a width (inches); charts take what is left. */
function wantedHeight(block: DeckBlock, width: number): number | "rest" {
  const lineHeight = 0.32;
  const wrapped = (text: string, size: number) => Math.max(1, Math.ceil((text.length * size * 0.0085) / width));
  switch (block.kind) {
    case "figures":
      return Math.ceil(block.figures.length / 3) * 1.75;
    case "lines":
      return block.lines.reduce((sum, line) => sum + wrapped(line, 16) * lineHeight + 0.12, 0.1);
    case "note":
      return wrapped(block.text, 12) * 0.26 + 0.15;
    case "table":
      if (block.compact) return 0.75 + block.rows.length * 0.3;
      return (
        0.4 +
        block.rows.reduce(
          (sum, row) =>
            sum +
            Math.max(...row.map((cell) => cell.text.split("\n").reduce((lines, part) => lines + wrapped(part, 11 * 3.2), 0))) * 0.24 +
            0.12,
          0,
        )
      );
    case "bars":
    case "radar":
      return "rest";
  }
}

function drawFigures(slide: PptxGenJS.Slide, block: Extract<DeckBlock, { kind: "figures" }>, box: Box): void {
  const perRow = 3;
  const cellWidth = box.w / perRow;
  block.figures.forEach((figure, index) => {
    const x = box.x + (index % perRow) * cellWidth;
    const y = box.y + Math.floor(index / perRow) * 1.75;
    const colour = COLOURS[figure.tone ?? "plain"];
    slide.addText(figure.label, { x, y, w: cellWidth - 0.2, h: 0.35, fontFace: FONT, fontSize: 13, color: "595959", bold: true });
    slide.addText(figure.value, {
      x,
      y: y + 0.35,
      w: cellWidth - 0.2,
      h: 0.7,
      fontFace: FONT,
      fontSize: 34,
      bold: true,
      color: colour === COLOURS.plain ? TITLE_COLOUR : colour,
    });
    if (figure.detail)
      slide.addText(figure.detail, {
        x,
        y: y + 1.05,
        w: cellWidth - 0.2,
        h: 0.6,
        fontFace: FONT,
        fontSize: 11,
        color: "595959",
        valign: "top",
      });
  });
}

function drawBlock(pptx: PptxGenJS, slide: PptxGenJS.Slide, block: DeckBlock, box: Box): void {
  switch (block.kind) {
    case "figures":
      drawFigures(slide, block, box);
      return;
    case "lines":
      slide.addText(
        block.lines.map((line, index) => {
          const heading = block.headings === true && index === 0;
          return {
            text: line,
            options: {
              breakLine: true,
              bold: heading,
              fontSize: heading ? 18 : 15,
              color: heading ? TITLE_COLOUR : "262626",
              bullet: heading || block.headings ? false : { code: "2022" },
              paraSpaceAfter: 6,
            },
          };
        }),
        { x: box.x, y: box.y, w: box.w, h: box.h, fontFace: FONT, valign: "top" },
      );
      return;
    case "note":
      slide.addText(block.text, {
        x: box.x,
        y: box.y,
        w: box.w,
        h: box.h,
        fontFace: FONT,
        fontSize: 12,
        italic: true,
        color: "595959",
        valign: "top",
      });
      return;
    case "table": {
      const compact = block.compact === true;
      const header = block.header.map((text) => ({
        text,
        options: {
          bold: true,
          color: "FFFFFF",
          fill: { color: TITLE_COLOUR },
          ...(compact ? { fontSize: 8, valign: "bottom" as const } : {}),
        },
      }));
      const rows = block.rows.map((row) =>
        row.map((cell) => ({
          text: cell.text,
          options: {
            color: COLOURS[cell.tone ?? "plain"],
            bold: cell.tone === "alert",
            ...(cell.shade ? { fill: { color: SHADES[cell.shade] } } : {}),
            ...(compact ? { align: "center" as const } : {}),
          },
        })),
      );
      const total = (block.widths ?? block.header.map(() => 1)).reduce((sum, width) => sum + width, 0);
      const colW = (block.widths ?? block.header.map(() => 1)).map((width) => (width / total) * box.w);
      slide.addTable([header, ...rows], {
        x: box.x,
        y: box.y,
        w: box.w,
        colW,
        fontFace: FONT,
        fontSize: compact ? 9 : 11,
        ...(compact ? { rowH: 0.28 } : {}),
        border: { type: "solid", pt: 0.5, color: "BFBFBF" },
        valign: "middle",
        margin: 0.05,
      });
      return;
    }
    case "bars": {
      // Horizontal bars are drawn bottom-up: reversed, the first category reads at the top.
      const order = (values: readonly (number | null)[] | readonly string[]) => (block.horizontal ? [...values].reverse() : [...values]);
      const data = block.series.map((series) => ({
        name: series.name,
        labels: order(block.categories) as string[],
        values: (order(series.values) as (number | null)[]).map((value) => value ?? 0),
      }));
      slide.addChart(pptx.ChartType.bar, data, {
        x: box.x,
        y: box.y,
        w: box.w,
        h: box.h,
        barDir: block.horizontal ? "bar" : "col",
        barGrouping: block.stacked ? "stacked" : "clustered",
        chartColors: block.series.map((series) => COLOURS[series.tone]),
        showTitle: true,
        title: block.title,
        titleFontSize: 13,
        titleFontFace: FONT,
        showLegend: block.series.length > 1,
        legendPos: "b",
        legendFontFace: FONT,
        catAxisLabelFontFace: FONT,
        catAxisLabelFontSize: block.categories.length > 16 ? 8 : 10,
        // Labels at the low end of the value axis, clear of bars that go below zero.
        catAxisLabelPos: "low",
        valAxisLabelFontSize: 9,
        valAxisLabelFormatCode: "0",
        // Values on bars only with one series: two bars per category put their labels on top of each other.
        showValue: !block.stacked && block.series.length === 1 && block.categories.length <= 16,
        dataLabelFormatCode: "0.0",
        dataLabelFontSize: 9,
      });
      return;
    }
    case "radar":
      slide.addChart(
        pptx.ChartType.radar,
        block.series.map((series) => ({
          name: series.name,
          labels: [...block.categories],
          values: series.values.map((value) => value ?? 0),
        })),
        {
          x: box.x,
          y: box.y,
          w: box.w,
          h: box.h,
          radarStyle: "marker",
          chartColors: block.series.map((series) => COLOURS[series.tone]),
          showTitle: true,
          title: block.title,
          titleFontSize: 13,
          titleFontFace: FONT,
          showLegend: true,
          legendPos: "b",
          legendFontFace: FONT,
          catAxisLabelFontFace: FONT,
          catAxisLabelFontSize: 9,
          valAxisMinVal: 0,
          valAxisMaxVal: 100,
          valAxisLabelFontSize: 8,
        },
      );
      return;
  }
}

function drawSlide(pptx: PptxGenJS, plan: DeckPlan, content: DeckSlide, page: PageSize, number: number): void {
  const slide = pptx.addSlide();
  const margin = 0.5;
  const width = page.width - 2 * margin;
  if (content.role === "title") {
    slide.background = { color: TITLE_COLOUR };
    slide.addText(content.title, { x: margin, y: 2.2, w: width, h: 1.2, fontFace: FONT, fontSize: 40, bold: true, color: "FFFFFF" });
    if (content.subtitle)
      slide.addText(content.subtitle, { x: margin, y: 3.4, w: width, h: 0.6, fontFace: FONT, fontSize: 22, color: "DDEBF7" });
    const lines = content.blocks.flatMap((block) => (block.kind === "lines" ? block.lines : []));
    slide.addText(lines.join("\n"), { x: margin, y: 4.2, w: width, h: 1.2, fontFace: FONT, fontSize: 16, color: "FFFFFF", valign: "top" });
    return;
  }
  slide.addText(content.title, { x: margin, y: 0.3, w: width, h: 0.7, fontFace: FONT, fontSize: 26, bold: true, color: TITLE_COLOUR });
  let top = 1.05;
  if (content.subtitle) {
    slide.addText(content.subtitle, { x: margin, y: top, w: width, h: 0.4, fontFace: FONT, fontSize: 12, color: "595959" });
    top += 0.45;
  }
  slide.addText(String(number), {
    x: page.width - 1,
    y: page.height - 0.45,
    w: 0.6,
    h: 0.3,
    fontFace: FONT,
    fontSize: 9,
    color: "8C8C8C",
    align: "right",
  });
  const bottom = page.height - 0.55;
  if (content.columns) {
    const gap = 0.3;
    const columnWidth = (width - gap * (content.blocks.length - 1)) / content.blocks.length;
    content.blocks.forEach((block, index) =>
      drawBlock(pptx, slide, block, { x: margin + index * (columnWidth + gap), y: top, w: columnWidth, h: bottom - top }),
    );
    return;
  }
  const wanted = content.blocks.map((block) => wantedHeight(block, width));
  const fixed = wanted.reduce<number>((sum, height) => sum + (height === "rest" ? 0 : height), 0);
  const flexible = wanted.filter((height) => height === "rest").length;
  const rest = flexible > 0 ? Math.max(2.5, (bottom - top - fixed - 0.15 * content.blocks.length) / flexible) : 0;
  for (const [index, block] of content.blocks.entries()) {
    const requested = wanted[index];
    const height = requested === "rest" ? rest : Math.min(requested, Math.max(0.4, bottom - top));
    drawBlock(pptx, slide, block, { x: margin, y: top, w: width, h: height });
    top += height + 0.15;
  }
}

/**
 * Draws every slide of `plan` into `pptx` (a fresh `new PptxGenJS()`), sets the page shape and the
 * document title, and returns the same object for the caller to write (`write({ outputType:
 * "nodebuffer" })` in Node, `writeFile` or a Blob in the browser).
 */
export function renderDeck(plan: DeckPlan, pptx: PptxGenJS): PptxGenJS {
  let page: PageSize;
  if (plan.shape === "portrait") {
    pptx.defineLayout({ name: "A4_PORTRAIT", width: 8.27, height: 11.69 });
    pptx.layout = "A4_PORTRAIT";
    page = { width: 8.27, height: 11.69 };
  } else {
    pptx.layout = "LAYOUT_WIDE";
    page = { width: 13.33, height: 7.5 };
  }
  pptx.title = plan.title;
  plan.slides.forEach((slide, index) => drawSlide(pptx, plan, slide, page, index + 1));
  return pptx;
}
