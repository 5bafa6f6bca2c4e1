import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  VerticalMergeType,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { Block, BodyCell, CompiledDocument, TableBlock } from '#compile/model.ts';
import { UNCHECKED_STAMP } from '#compile/assemble.ts';
import { isLandscape } from '#compile/layout.ts';
import { columnUnits, headerSlots } from './table-grid.ts';

/**
 * A compiled disclosure as an editable Word document (opens in Word and WPS): real heading styles, body
 * text indented two characters, each table a Word table with the template's merged header, wide tables
 * on landscape pages. Fonts are named for East Asian text so Chinese renders in 宋体/黑体 everywhere.
 */

const BODY_FONT = '宋体';
const HEADING_FONT = '黑体';
const LATIN_FONT = 'Times New Roman';
/** Half-points: 12 pt (小四) for text, 9 pt (小五) in tables. */
const BODY_SIZE = 24;
const TABLE_SIZE = 18;
/** Two characters of body text, in twips (1 pt = 20 twips). */
const FIRST_LINE_INDENT = 2 * (BODY_SIZE / 2) * 20;

/** A4 in twips, and margins. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1440, bottom: 1440, left: 1304, right: 1304 };
const PORTRAIT_TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const LANDSCAPE_TEXT_WIDTH = A4.height - MARGIN.left - MARGIN.right;
/** Twips per half-width character at table size, and the cell's own left+right padding. */
const TWIPS_PER_UNIT = (TABLE_SIZE / 2) * 10;
const CELL_PADDING = 2 * 80;

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER } as const;

function font(eastAsia: string): { ascii: string; hAnsi: string; eastAsia: string; cs: string } {
  return { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia, cs: LATIN_FONT };
}

function runs(text: string, options: { bold?: boolean; size?: number } = {}): TextRun[] {
  // A line break inside a cell or paragraph stays a line break, not a new paragraph.
  return text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, ...options }));
}

type Orientation = 'portrait' | 'landscape';

function naturalWidth(table: TableBlock): number {
  return columnUnits(table).reduce((s, u) => s + u * TWIPS_PER_UNIT + CELL_PADDING, 0);
}

/** Wide tables go on a landscape page: the layout's choice, or any table too wide for a portrait line. */
export function orientationOf(table: TableBlock): Orientation {
  return isLandscape(table) || naturalWidth(table) > PORTRAIT_TEXT_WIDTH ? 'landscape' : 'portrait';
}

function alignment(align: BodyCell['align']): (typeof AlignmentType)[keyof typeof AlignmentType] {
  switch (align) {
    case 'left':
      return AlignmentType.LEFT;
    case 'center':
      return AlignmentType.CENTER;
    case 'right':
      return AlignmentType.RIGHT;
  }
}

function cell(
  text: string,
  options: {
    align: BodyCell['align'];
    bold?: boolean;
    columnSpan?: number;
    verticalMerge?: (typeof VerticalMergeType)[keyof typeof VerticalMergeType];
  },
): TableCell {
  return new TableCell({
    borders: BORDERS,
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 80, right: 80, top: 20, bottom: 20 },
    ...(options.columnSpan && options.columnSpan > 1 ? { columnSpan: options.columnSpan } : {}),
    ...(options.verticalMerge ? { verticalMerge: options.verticalMerge } : {}),
    children: [
      new Paragraph({
        alignment: alignment(options.align),
        spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
        children: runs(text, { size: TABLE_SIZE, ...(options.bold ? { bold: true } : {}) }),
      }),
    ],
  });
}

function headerRows(table: TableBlock): TableRow[] {
  return headerSlots(table).map((slots) => {
    const cells: TableCell[] = [];
    for (let c = 0; c < slots.length; c++) {
      const slot = slots[c];
      if (!slot) continue;
      if (slot.kind === 'empty') {
        cells.push(cell('', { align: 'center' }));
        continue;
      }
      const h = slot.placed;
      // Word draws a merged cell as a run of cells: the first carries the text and gridSpan; below it
      // each row has a cell with the same span marked to continue the vertical merge.
      if (h.col !== c) continue;
      cells.push(
        cell(slot.kind === 'start' ? h.text : '', {
          align: 'center',
          bold: true,
          columnSpan: h.colSpan,
          ...(h.rowSpan > 1
            ? {
                verticalMerge: slot.kind === 'start' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE,
              }
            : {}),
        }),
      );
    }
    return new TableRow({ children: cells, tableHeader: true, cantSplit: true });
  });
}

function bodyRows(table: TableBlock): TableRow[] {
  return table.body.map((row) => {
    const cells: TableCell[] = [];
    let width = 0;
    for (const c of row) {
      const span = c.colSpan ?? 1;
      cells.push(cell(c.text, { align: c.align, columnSpan: span }));
      width += span;
    }
    for (; width < table.columns; width++) cells.push(cell('', { align: 'left' }));
    return new TableRow({ children: cells, cantSplit: true });
  });
}

function tableWidths(table: TableBlock, orientation: Orientation): number[] {
  const units = columnUnits(table);
  const natural = units.map((u) => u * TWIPS_PER_UNIT + CELL_PADDING);
  const total = natural.reduce((s, w) => s + w, 0);
  const available = orientation === 'landscape' ? LANDSCAPE_TEXT_WIDTH : PORTRAIT_TEXT_WIDTH;
  // Fill the line: tables print full width in the published documents.
  return natural.map((w) => Math.floor((w * available) / total));
}

function tableParagraphs(
  table: TableBlock,
  orientation: Orientation,
  breakBefore: boolean,
): (Paragraph | Table)[] {
  const widths = tableWidths(table, orientation);
  const textWidth = widths.reduce((s, w) => s + w, 0);
  const caption = (
    text: string,
    opts: { align: 'left' | 'center' | 'right'; heading?: boolean; breakBefore?: boolean },
  ) =>
    new Paragraph({
      alignment: alignment(opts.align),
      ...(opts.breakBefore ? { pageBreakBefore: true } : {}),
      spacing: { before: 0, after: 60 },
      keepNext: true,
      children: opts.heading
        ? [new TextRun({ text, font: font(HEADING_FONT), size: 32 })]
        : runs(text, { size: TABLE_SIZE + 2 }),
    });
  const out: (Paragraph | Table)[] = [
    caption(table.number, { align: 'left', breakBefore }),
    caption(table.title, { align: 'center', heading: true }),
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: textWidth }],
      spacing: { before: 0, after: 60 },
      keepNext: true,
      children: [new TextRun({ text: `${table.org}\t${table.unit}`, size: TABLE_SIZE + 2 })],
    }),
    new Table({
      rows: [...headerRows(table), ...bodyRows(table)],
      width: { size: textWidth, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: {
        top: BORDER,
        bottom: BORDER,
        left: BORDER,
        right: BORDER,
        insideHorizontal: BORDER,
        insideVertical: BORDER,
      },
    }),
  ];
  if (table.note) {
    out.push(
      new Paragraph({
        spacing: { before: 60, after: 0 },
        children: runs(table.note, { size: TABLE_SIZE }),
      }),
    );
  }
  return out;
}

const HEADINGS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;

interface Section {
  orientation: Orientation;
  children: (Paragraph | Table)[];
}

function sectionsOf(doc: CompiledDocument): Section[] {
  const sections: Section[] = [];
  let pendingBreak = false;
  /**
   * The section the next block goes in, and whether that block starts a new page: a page break between
   * blocks of one orientation is the next paragraph's page-break-before (no empty paragraph); a new
   * section starts a new page by itself.
   */
  const target = (orientation: Orientation): { section: Section; breakBefore: boolean } => {
    const last = sections[sections.length - 1];
    const breakBefore = pendingBreak;
    pendingBreak = false;
    if (last && last.orientation === orientation) return { section: last, breakBefore };
    const section: Section = { orientation, children: [] };
    sections.push(section);
    return { section, breakBefore: false };
  };
  const first = target('portrait').section;
  if (doc.unchecked) {
    first.children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        children: [
          new TextRun({
            text: UNCHECKED_STAMP,
            bold: true,
            color: 'C00000',
            size: 28,
            font: font(HEADING_FONT),
          }),
        ],
      }),
    );
  }
  const startsWithTitle = doc.blocks[0]?.kind === 'heading' && doc.blocks[0].text === doc.title;
  if (!startsWithTitle && doc.title) {
    first.children.push(
      new Paragraph({
        heading: HeadingLevel.TITLE,
        alignment: AlignmentType.CENTER,
        children: [new TextRun(doc.title)],
      }),
    );
  }
  for (const block of doc.blocks) addBlock(block);
  return sections.filter((s) => s.children.length > 0);

  function addBlock(block: Block): void {
    switch (block.kind) {
      case 'page-break':
        pendingBreak = true;
        return;
      case 'heading': {
        const { section, breakBefore } = target('portrait');
        section.children.push(
          new Paragraph({
            heading: HEADINGS[block.level],
            ...(breakBefore ? { pageBreakBefore: true } : {}),
            children: runs(block.text),
          }),
        );
        return;
      }
      case 'paragraph': {
        const { section, breakBefore } = target('portrait');
        section.children.push(
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            indent: { firstLine: FIRST_LINE_INDENT },
            ...(breakBefore ? { pageBreakBefore: true } : {}),
            children: runs(block.text),
          }),
        );
        return;
      }
      case 'table': {
        const orientation = orientationOf(block.table);
        const { section, breakBefore } = target(orientation);
        section.children.push(...tableParagraphs(block.table, orientation, breakBefore));
        return;
      }
    }
  }
}

function sectionOptions(s: Section): ISectionOptions {
  return {
    properties: {
      page: {
        size: {
          width: A4.width,
          height: A4.height,
          orientation: s.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: MARGIN,
      },
    },
    children: s.children,
  };
}

export async function renderDocx(doc: CompiledDocument): Promise<Uint8Array> {
  // Outline levels make the navigation pane and a generated 目录 (TOC field) find the headings.
  const heading = (size: number, outlineLevel: number) => ({
    run: { font: font(HEADING_FONT), size, bold: false, color: '000000' },
    paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, outlineLevel },
  });
  const document = new Document({
    title: doc.title,
    creator: 'gongkai',
    styles: {
      default: {
        document: {
          run: { font: font(BODY_FONT), size: BODY_SIZE },
          paragraph: { spacing: { line: 360, lineRule: LineRuleType.AUTO } },
        },
        title: {
          run: { font: font(HEADING_FONT), size: 44, bold: false, color: '000000' },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 480 } },
        },
        heading1: {
          ...heading(32, 0),
          paragraph: { ...heading(32, 0).paragraph, alignment: AlignmentType.CENTER },
        },
        heading2: heading(30, 1),
        heading3: heading(28, 2),
      },
    },
    sections: sectionsOf(doc).map(sectionOptions),
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
