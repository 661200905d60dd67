/**
 * A small flow layout on pdf-lib for the samarbetsavtal: text runs down an A4 page and on to the
 * next, wrapped at word boundaries, with headings kept with what follows them, lists with hanging
 * bullets, two-column facts and tables whose numbers are right-aligned and whose header repeats
 * on a new page. The running header and footer are drawn last, when the page count is known.
 */
import { type Color, type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { type AgreementFonts, printable } from './pdf-fonts.ts';

export const A4: readonly [number, number] = [595.28, 841.89];

/** the type area: 25 mm on the left for binding, about 22 mm elsewhere */
export const FRAME = { left: 72, right: A4[0] - 62, top: A4[1] - 84, bottom: 74 } as const;

export const COLORS = {
  ink: rgb(0.12, 0.12, 0.14),
  muted: rgb(0.36, 0.38, 0.42),
  accent: rgb(0.07, 0.25, 0.42),
  rule: rgb(0.78, 0.8, 0.83),
  strongRule: rgb(0.35, 0.37, 0.4),
  fill: rgb(0.945, 0.955, 0.965),
  draft: rgb(0.68, 0.15, 0.1),
} as const;

export type TextStyle = {
  readonly font: PDFFont;
  readonly size: number;
  readonly leading: number;
  readonly color: Color;
};

export type TableColumn = { readonly label: string; readonly align: 'left' | 'right'; readonly weight?: number };

export type TableSpec = {
  readonly caption?: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly string[])[];
  readonly totalRow?: readonly string[];
  readonly note?: string;
};

/** the styles every page uses, from the embedded fonts */
export function stylesOf(fonts: AgreementFonts) {
  return {
    body: { font: fonts.regular, size: 10, leading: 14.2, color: COLORS.ink },
    small: { font: fonts.regular, size: 8.5, leading: 11.5, color: COLORS.muted },
    note: { font: fonts.italic, size: 8.5, leading: 11.5, color: COLORS.muted },
    label: { font: fonts.semibold, size: 9, leading: 12.6, color: COLORS.muted },
    cell: { font: fonts.regular, size: 9.2, leading: 12.4, color: COLORS.ink },
    cellHead: { font: fonts.semibold, size: 8.8, leading: 12, color: COLORS.ink },
    cellTotal: { font: fonts.bold, size: 9.2, leading: 12.4, color: COLORS.ink },
    subheading: { font: fonts.semibold, size: 10.5, leading: 14, color: COLORS.ink },
    heading: { font: fonts.bold, size: 13, leading: 17, color: COLORS.accent },
  } satisfies Record<string, TextStyle>;
}

/**
 * Widths of words at size 1, per font. Measuring runs the font's OpenType shaping, which made
 * wrapping word by word cost seconds per agreement; pdf-lib adds advance widths without kerning,
 * so a line's width is exactly the sum of its words' and spaces' widths.
 */
const wordWidths = new WeakMap<PDFFont, Map<string, number>>();

export function textWidth(font: PDFFont, text: string, size: number): number {
  let cache = wordWidths.get(font);
  if (cache === undefined) {
    cache = new Map();
    wordWidths.set(font, cache);
  }
  let width = cache.get(text);
  if (width === undefined) {
    width = font.widthOfTextAtSize(text, 1);
    cache.set(text, width);
  }
  return width * size;
}

/**
 * Breaks text into lines no wider than `width`: at the line breaks it has, then between words; a
 * word wider than a line is split.
 */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  return printable(text)
    .split('\n')
    .flatMap((paragraph) => wrapParagraph(paragraph, font, size, width));
}

function wrapParagraph(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  const space = textWidth(font, ' ', size);
  let line = '';
  let lineWidth = 0;
  // only ordinary spaces break: a no-break space (in `1 065 500 kr`) holds its words together
  for (const word of text.split(' ').filter((part) => part !== '')) {
    const wordWidth = textWidth(font, word, size);
    if (line !== '' && lineWidth + space + wordWidth <= width) {
      line = `${line} ${word}`;
      lineWidth += space + wordWidth;
      continue;
    }
    if (line !== '') {
      lines.push(line);
    }
    line = word;
    lineWidth = wordWidth;
    while (lineWidth > width) {
      // a word longer than the line (a checksum, a URL): as many characters as fit, then the rest
      let cut = line.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) {
        cut -= 1;
      }
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
      lineWidth = font.widthOfTextAtSize(line, size);
    }
  }
  if (line !== '' || lines.length === 0) {
    lines.push(line);
  }
  return lines;
}

export class PageFlow {
  readonly pages: PDFPage[] = [];
  page: PDFPage;
  y: number;
  readonly styles: ReturnType<typeof stylesOf>;
  readonly width = FRAME.right - FRAME.left;

  constructor(
    readonly document: PDFDocument,
    readonly fonts: AgreementFonts,
  ) {
    this.styles = stylesOf(fonts);
    this.page = this.newPage();
    this.y = FRAME.top;
  }

  newPage(): PDFPage {
    this.page = this.document.addPage([A4[0], A4[1]]);
    this.pages.push(this.page);
    this.y = FRAME.top;
    return this.page;
  }

  /** starts a new page unless `height` points still fit on this one */
  ensure(height: number): void {
    if (this.y - height < FRAME.bottom) {
      this.newPage();
    }
  }

  /** vertical space, dropped at the top of a page */
  space(points: number): void {
    if (this.y < FRAME.top) {
      this.y -= points;
    }
  }

  drawLine(text: string, x: number, baseline: number, style: TextStyle): void {
    this.page.drawText(printable(text), { x, y: baseline, size: style.size, font: style.font, color: style.color });
  }

  /** wrapped text; it continues on the next page where this one ends, never leaving a lone first line */
  text(text: string, style: TextStyle, options: { indent?: number; after?: number; firstLinePrefix?: string } = {}) {
    const indent = options.indent ?? 0;
    const lines = wrapText(text, style.font, style.size, this.width - indent);
    this.ensure(Math.min(lines.length, 2) * style.leading);
    lines.forEach((line, index) => {
      this.ensure(style.leading);
      const baseline = this.y - style.size;
      if (index === 0 && options.firstLinePrefix !== undefined) {
        this.drawLine(options.firstLinePrefix, FRAME.left + indent - 11, baseline, style);
      }
      this.drawLine(line, FRAME.left + indent, baseline, style);
      this.y -= style.leading;
    });
    this.y -= options.after ?? 0;
  }

  paragraph(text: string): void {
    this.text(text, this.styles.body, { after: 5.5 });
  }

  /** a section heading, `4. Ersättning och rekvirering`, with a rule; kept with three lines of what follows */
  heading(text: string): void {
    const style = this.styles.heading;
    this.space(14);
    this.ensure(style.leading + 6 + 3 * this.styles.body.leading);
    this.drawLine(text, FRAME.left, this.y - style.size, style);
    this.y -= style.leading + 1;
    this.page.drawLine({
      start: { x: FRAME.left, y: this.y },
      end: { x: FRAME.right, y: this.y },
      thickness: 0.6,
      color: COLORS.rule,
    });
    this.y -= 7;
  }

  subheading(text: string): void {
    const style = this.styles.subheading;
    this.space(5);
    this.ensure(style.leading + 2 * this.styles.body.leading);
    this.drawLine(text, FRAME.left, this.y - style.size, style);
    this.y -= style.leading + 1.5;
  }

  list(items: readonly string[]): void {
    for (const item of items) {
      this.text(item, this.styles.body, { indent: 14, firstLinePrefix: '•', after: 2 });
    }
    this.y -= 3.5;
  }

  /** label and value side by side; `boxed` draws them on a tinted panel kept on one page */
  facts(rows: readonly { label: string; value: string }[], options: { boxed?: boolean; labelWidth?: number } = {}) {
    const boxed = options.boxed === true;
    const pad = boxed ? 10 : 0;
    const labelWidth = options.labelWidth ?? 168;
    const valueWidth = this.width - labelWidth - 2 * pad;
    const { label, body } = this.styles;
    const laid = rows.map((row) => {
      const labelLines = wrapText(row.label, label.font, label.size, labelWidth - 10);
      const valueLines = wrapText(row.value, body.font, body.size, valueWidth);
      const height = Math.max(labelLines.length * body.leading, valueLines.length * body.leading) + 3;
      return { labelLines, valueLines, height };
    });
    if (boxed) {
      const total = laid.reduce((sum, row) => sum + row.height, 0) + 2 * pad - 3;
      this.ensure(total);
      this.page.drawRectangle({
        x: FRAME.left,
        y: this.y - total,
        width: this.width,
        height: total,
        color: COLORS.fill,
        borderColor: COLORS.rule,
        borderWidth: 0.5,
      });
      this.y -= pad;
    }
    for (const row of laid) {
      this.ensure(row.height);
      row.labelLines.forEach((line, index) => {
        // the label sits on the value's first baseline though its type is smaller
        this.drawLine(line, FRAME.left + pad, this.y - body.size - index * body.leading, label);
      });
      row.valueLines.forEach((line, index) => {
        this.drawLine(line, FRAME.left + pad + labelWidth, this.y - body.size - index * body.leading, body);
      });
      this.y -= row.height;
    }
    this.y -= boxed ? pad + 6 : 5;
  }

  table(spec: TableSpec): void {
    const pad = 5;
    const weights = spec.columns.map((column) => column.weight ?? 1);
    const sum = weights.reduce((total, weight) => total + weight, 0);
    const widths = weights.map((weight) => (weight / sum) * this.width);
    const lefts = widths.map((_, index) => FRAME.left + widths.slice(0, index).reduce((total, w) => total + w, 0));
    const { cell, cellHead, cellTotal } = this.styles;
    const layRow = (cells: readonly string[], style: TextStyle) => {
      const lines = spec.columns.map((_, index) =>
        wrapText(cells[index] ?? '', style.font, style.size, (widths[index] ?? 0) - 2 * pad),
      );
      return { lines, height: Math.max(...lines.map((cellLines) => cellLines.length)) * style.leading + 2 * pad - 2 };
    };
    const drawRow = (row: ReturnType<typeof layRow>, style: TextStyle, fill: Color | null) => {
      if (fill !== null) {
        this.page.drawRectangle({
          x: FRAME.left,
          y: this.y - row.height,
          width: this.width,
          height: row.height,
          color: fill,
        });
      }
      row.lines.forEach((cellLines, column) => {
        const align = spec.columns[column]?.align ?? 'left';
        cellLines.forEach((line, index) => {
          const left = lefts[column] ?? FRAME.left;
          const x =
            align === 'right'
              ? left + (widths[column] ?? 0) - pad - textWidth(style.font, printable(line), style.size)
              : left + pad;
          this.drawLine(line, x, this.y - pad + 1 - style.size - index * style.leading, style);
        });
      });
      this.y -= row.height;
    };
    const rule = (thickness: number, color: Color) =>
      this.page.drawLine({
        start: { x: FRAME.left, y: this.y },
        end: { x: FRAME.right, y: this.y },
        thickness,
        color,
      });
    const header = layRow(
      spec.columns.map((column) => column.label),
      cellHead,
    );
    const drawHeader = () => {
      drawRow(header, cellHead, COLORS.fill);
      rule(0.8, COLORS.strongRule);
    };
    const body = spec.rows.map((cells) => layRow(cells, cell));
    const first = body[0]?.height ?? 0;
    const captionHeight = spec.caption === undefined ? 0 : this.styles.label.leading + 2;
    this.space(3);
    this.ensure(captionHeight + header.height + first);
    if (spec.caption !== undefined) {
      this.drawLine(spec.caption, FRAME.left, this.y - this.styles.label.size, this.styles.label);
      this.y -= captionHeight;
    }
    drawHeader();
    body.forEach((row) => {
      if (this.y - row.height < FRAME.bottom) {
        this.newPage();
        drawHeader();
      }
      drawRow(row, cell, null);
      rule(0.4, COLORS.rule);
    });
    if (spec.totalRow !== undefined) {
      const total = layRow(spec.totalRow, cellTotal);
      this.ensure(total.height);
      rule(0.8, COLORS.strongRule);
      drawRow(total, cellTotal, null);
      rule(0.8, COLORS.strongRule);
    }
    this.y -= 4;
    if (spec.note !== undefined) {
      this.text(spec.note, this.styles.note);
    }
    this.y -= 6;
  }
}

export type RunningText = {
  /** left of the header: the förbund */
  readonly headerLeft: string;
  /** right of the header: `Samarbetsavtal NOVA` */
  readonly headerRight: string;
  /** after headerRight, in red: `Utkast – ej undertecknat` */
  readonly mark?: string;
  readonly footerLeft: string;
  readonly footerRight: (pageNumber: number, pageCount: number) => string;
};

/** the header and footer of every page, drawn once the number of pages is known */
export function stampPages(pages: readonly PDFPage[], fonts: AgreementFonts, text: RunningText): void {
  const size = 8;
  const headerY = A4[1] - 46;
  const footerY = 40;
  const width = (value: string, font: PDFFont) => font.widthOfTextAtSize(printable(value), size);
  const separator = '  ·  ';
  pages.forEach((page, index) => {
    const draw = (value: string, x: number, y: number, font: PDFFont, color: Color) =>
      page.drawText(printable(value), { x, y, size, font, color });
    draw(text.headerLeft, FRAME.left, headerY, fonts.regular, COLORS.muted);
    const markWidth = text.mark === undefined ? 0 : width(separator, fonts.regular) + width(text.mark, fonts.semibold);
    const rightX = FRAME.right - markWidth - width(text.headerRight, fonts.semibold);
    draw(text.headerRight, rightX, headerY, fonts.semibold, COLORS.muted);
    if (text.mark !== undefined) {
      const markX = FRAME.right - width(text.mark, fonts.semibold);
      draw(separator, markX - width(separator, fonts.regular), headerY, fonts.regular, COLORS.muted);
      draw(text.mark, markX, headerY, fonts.semibold, COLORS.draft);
    }
    page.drawLine({
      start: { x: FRAME.left, y: headerY - 7 },
      end: { x: FRAME.right, y: headerY - 7 },
      thickness: 0.5,
      color: COLORS.rule,
    });
    page.drawLine({
      start: { x: FRAME.left, y: footerY + 12 },
      end: { x: FRAME.right, y: footerY + 12 },
      thickness: 0.5,
      color: COLORS.rule,
    });
    draw(text.footerLeft, FRAME.left, footerY, fonts.regular, COLORS.muted);
    const right = text.footerRight(index + 1, pages.length);
    draw(right, FRAME.right - width(right, fonts.regular), footerY, fonts.regular, COLORS.muted);
  });
}
