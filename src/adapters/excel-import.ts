import { headerKey, labelKey, matchColumn, squeeze as squeezeSpaces } from '#domain/template-keys.ts';
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { DatasetSchema, type Dataset, type DatasetRow, type DatasetTable } from '#compile/dataset.ts';
import {
  CODE_HEADERS,
  ECONOMIC_TOTALS,
  EMPTY_TABLE_PHRASES,
  FINAL_ACCOUNTS_TEMPLATE,
  GENERIC_HEADERS,
  LINE_NO_HEADERS,
  NAME_HEADERS,
  THREE_PUBLIC_CATEGORIES,
  THREE_PUBLIC_KINDS,
  TOTAL_LABELS,
  type TableTemplate,
  type TemplatePanel,
} from '#domain/final-accounts-template.ts';
import { FIXED_SCALE, formatFixed } from '#domain/quantity.ts';
import { tableNumber, type TableId } from '#domain/table.ts';
import { columnLetter } from './render-xlsx.ts';

/**
 * A department-year dataset from a workbook in the national nine-table layout, as finance systems export it
 * and as `templateWorkbook` writes it: one sheet per table (found by title, alias or 表N name), merged
 * multi-row headers, a 栏次 row, rows by 项目/行次 or by code (whole or split into 类/款/项), amounts as
 * numbers or as text with separators, blanks as zero; 部门, 年度 and 单位 from the rows above the header.
 *
 * All or nothing: every problem is reported with its sheet, row and column, and no dataset is returned
 * while any remains. Legacy .xls is converted by LibreOffice when it is installed.
 */

export interface ImportProblem {
  sheet: string;
  row?: number;
  /** Excel column letter. */
  column?: string;
  message: { zh: string; en: string };
}

export type ImportResult = { ok: true; dataset: Dataset } | { ok: false; problems: ImportProblem[] };

export interface ImportOptions {
  /** LibreOffice's `soffice` for legacy .xls: a path, or null for none; by default looked up on PATH. */
  soffice?: string | null;
}

export const MAX_WORKBOOK_BYTES = 50 * 1024 * 1024;
const WORKBOOK = '（工作簿）';

const msg = (zh: string, en: string) => ({ zh, en });

// ———— bytes → workbook ————

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** An encrypted .xlsx is an OLE container holding the package in an EncryptionInfo/EncryptedPackage pair. */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  return Buffer.from(bytes).includes(Buffer.from('EncryptionInfo', 'utf16le'));
}

async function onPath(name: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const file = join(dir, name);
    try {
      await access(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** .xls → .xlsx through LibreOffice in a private profile (a running LibreOffice would lock the shared one). */
async function convertLegacy(bytes: Uint8Array, soffice: string): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-xls-'));
  try {
    const input = join(dir, 'input.xls');
    await writeFile(input, bytes);
    await promisify(execFile)(
      soffice,
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'xlsx',
        '--outdir',
        dir,
        input,
      ],
      { timeout: 120_000 },
    );
    const out = (await readdir(dir)).find((f) => f.endsWith('.xlsx'));
    if (!out) throw new Error('LibreOffice wrote no .xlsx');
    return new Uint8Array(await readFile(join(dir, out)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

type Loaded = { ok: true; workbook: ExcelJS.Workbook } | { ok: false; problem: ImportProblem };

async function loadWorkbook(bytes: Uint8Array, fileName: string, options: ImportOptions): Promise<Loaded> {
  const fail = (zh: string, en: string): Loaded => ({
    ok: false,
    problem: { sheet: WORKBOOK, message: msg(zh, en) },
  });
  if (bytes.length === 0) return fail('文件为空（0 字节）。', 'The file is empty (0 bytes).');
  if (bytes.length > MAX_WORKBOOK_BYTES) {
    return fail(
      `文件超过 ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB，无法导入。`,
      `The file exceeds ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB and cannot be imported.`,
    );
  }
  let xlsx = bytes;
  if (startsWith(bytes, OLE)) {
    if (isEncryptedPackage(bytes)) {
      return fail(
        '工作簿已加密（设有打开密码），无法读取；请另存为未加密的 .xlsx 后再导入。',
        'The workbook is password-protected and cannot be read; save an unencrypted .xlsx and import that.',
      );
    }
    const soffice = options.soffice === undefined ? await onPath('soffice') : options.soffice;
    if (!soffice) {
      return fail(
        '旧版 .xls 文件需要 LibreOffice 转换（apt-get install libreoffice-calc-nogui），或在 Excel/WPS 中另存为 .xlsx 后再导入。',
        'legacy .xls needs LibreOffice (apt-get install libreoffice-calc-nogui), or save it as .xlsx in Excel/WPS and import that.',
      );
    }
    try {
      xlsx = await convertLegacy(bytes, soffice);
    } catch (e) {
      const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
      return fail(
        `旧版 .xls 文件转换失败：${detail}`,
        `The legacy .xls file could not be converted: ${detail}`,
      );
    }
  } else if (!startsWith(bytes, ZIP)) {
    return fail(
      `${fileName} 不是 Excel 工作簿（.xlsx 或 .xls）。`,
      `${fileName} is not an Excel workbook (.xlsx or .xls).`,
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as its own Buffer; a Node Buffer is what it reads.
    await workbook.xlsx.load(Buffer.from(xlsx) as unknown as ExcelJS.Buffer);
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return fail(
      `工作簿已损坏或不是有效的 .xlsx 文件（${detail}）。`,
      `The workbook is damaged or not a valid .xlsx file (${detail}).`,
    );
  }
  return { ok: true, workbook };
}

// ———— text and numbers ————

/** Width-normalised (a workbook keeps what was typed), without spaces: for comparing words. */
function squeeze(s: string): string {
  return squeezeSpaces(s.normalize('NFKC'));
}

/** What a cell holds, as far as this reader cares. */
type CellRead =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number; numFmt: string }
  | { kind: 'bad'; why: { zh: string; en: string } };

function readCell(cell: ExcelJS.Cell): CellRead {
  const v = cell.value;
  const numFmt = typeof cell.numFmt === 'string' ? cell.numFmt : '';
  if (v === null || v === undefined) return { kind: 'empty' };
  if (typeof v === 'number') return { kind: 'number', value: v, numFmt };
  if (typeof v === 'string') return v.trim() === '' ? { kind: 'empty' } : { kind: 'text', text: v };
  if (typeof v === 'boolean') return { kind: 'bad', why: msg('单元格是逻辑值', 'the cell is a boolean') };
  if (v instanceof Date) return { kind: 'bad', why: msg('单元格是日期', 'the cell is a date') };
  if ('richText' in v) {
    const text = v.richText.map((r) => r.text).join('');
    return text.trim() === '' ? { kind: 'empty' } : { kind: 'text', text };
  }
  if ('error' in v)
    return { kind: 'bad', why: msg(`单元格是错误值 ${v.error}`, `the cell holds the error ${v.error}`) };
  if ('formula' in v || 'sharedFormula' in v) {
    const result = v.result;
    if (result === undefined || result === null) {
      return {
        kind: 'bad',
        why: msg(
          '公式没有计算结果（请在 Excel 或 WPS 中打开并保存后再导入）',
          'the formula has no computed value (open and save the workbook in Excel or WPS, then import it)',
        ),
      };
    }
    if (typeof result === 'number') return { kind: 'number', value: result, numFmt };
    if (typeof result === 'string')
      return result.trim() === '' ? { kind: 'empty' } : { kind: 'text', text: result };
    if (typeof result === 'object' && 'error' in result) {
      return {
        kind: 'bad',
        why: msg(`公式结果是错误值 ${result.error}`, `the formula yields the error ${result.error}`),
      };
    }
    return {
      kind: 'bad',
      why: msg('公式结果不是数字或文字', 'the formula yields neither a number nor text'),
    };
  }
  if ('text' in v) return { kind: 'text', text: String(v.text) };
  return { kind: 'bad', why: msg('无法识别的单元格内容', 'unrecognised cell content') };
}

function textOf(read: CellRead): string {
  switch (read.kind) {
    case 'empty':
    case 'bad':
      return '';
    case 'text':
      return read.text.trim();
    case 'number':
      return decimalOfNumber(read.value) ?? '';
  }
}

/**
 * The decimal a stored number stands for. Excel keeps 15 significant digits, so a sum stored as
 * 1940.6799999999998 is the 1940.68 Excel shows; beyond 15 digits a double carries only binary noise.
 */
export function decimalOfNumber(n: number): string | undefined {
  if (!Number.isFinite(n)) return undefined;
  const [mantissa = '', exp = '0'] = n.toPrecision(15).split('e');
  const neg = mantissa.startsWith('-');
  const [intPart = '', frac = ''] = mantissa.replace('-', '').split('.');
  let digits = intPart + frac;
  let point = intPart.length + Number(exp);
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) {
    digits = digits.padEnd(point, '0');
  }
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const fraction = digits.slice(point).replace(/0+$/, '');
  const text = fraction ? `${whole}.${fraction}` : whole;
  return neg && /[1-9]/.test(text) ? `-${text}` : text;
}

/** A plain decimal ("-1234.5") → value × 10^12, rounding half away from zero beyond 12 decimals. */
function scaled(decimal: string): bigint {
  const neg = decimal.startsWith('-');
  const [intPart = '0', frac = ''] = decimal.replace(/^[+-]/, '').split('.');
  let value = BigInt((intPart || '0') + frac.slice(0, FIXED_SCALE).padEnd(FIXED_SCALE, '0'));
  if ((frac[FIXED_SCALE] ?? '0') >= '5') value += 1n;
  return neg ? -value : value;
}

function decimalsOf(decimal: string): number {
  return decimal.split('.')[1]?.length ?? 0;
}

/** Decimals a fixed number format shows ("#,##0.00" → 2, "0" → 0); undefined for General and text. */
function formatDecimals(numFmt: string): number | undefined {
  const first = numFmt.split(';')[0] ?? '';
  if (!/[0#]/.test(first) || /[@]/.test(first)) return undefined;
  const m = /\.(0+)/.exec(first);
  return m?.[1]?.length ?? 0;
}

/** The print decimals of every amount: two at least (the tables print to the fen). */
const MIN_DECIMALS = 2;

/** A decimal as the dataset keeps it: no separators, at least two decimals. */
function amount(decimal: string, showDecimals?: number): string {
  const own = decimalsOf(decimal);
  const target =
    showDecimals === undefined
      ? Math.max(MIN_DECIMALS, own)
      : Math.max(MIN_DECIMALS, Math.min(own, showDecimals));
  return formatFixed(scaled(decimal), Math.min(target, FIXED_SCALE), false);
}

const TEXT_AMOUNT = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;
const DASHES = /^[-－—–]+$/;

type AmountRead =
  { ok: true; amount: string; blank: boolean } | { ok: false; why: { zh: string; en: string } };

function readAmount(read: CellRead): AmountRead {
  switch (read.kind) {
    case 'empty':
      return { ok: true, amount: '0.00', blank: true };
    case 'bad':
      return { ok: false, why: read.why };
    case 'number': {
      const d = decimalOfNumber(read.value);
      if (d === undefined) return { ok: false, why: msg('不是有限的数字', 'not a finite number') };
      return { ok: true, amount: amount(d, formatDecimals(read.numFmt)), blank: false };
    }
    case 'text': {
      const t = squeeze(read.text);
      if (t === '' || DASHES.test(t)) return { ok: true, amount: '0.00', blank: true };
      const m = TEXT_AMOUNT.exec(t);
      if (!m) {
        return {
          ok: false,
          why: msg(`“${read.text.trim()}”不是金额`, `"${read.text.trim()}" is not an amount`),
        };
      }
      const [, sign = '', int = '', frac = ''] = m;
      return {
        ok: true,
        amount: amount(`${sign === '-' ? '-' : ''}${int.replaceAll(',', '')}${frac}`),
        blank: false,
      };
    }
  }
}

// ———— a sheet as a grid ————

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function decodeAddress(a: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a.toUpperCase());
  if (!m?.[1] || !m[2]) return { row: 0, col: 0 };
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

interface Grid {
  name: string;
  rows: number;
  cols: number;
  cell(row: number, col: number): CellRead;
  /** Text of a cell, or of the merged cell it lies in. */
  shown(row: number, col: number): string;
  /** Whether the cell is the top-left of a merge or not merged at all. */
  isOrigin(row: number, col: number): boolean;
}

/** Bounds of a sheet this reader accepts: a 决算 table has a few hundred rows and at most a few dozen columns. */
export const MAX_ROWS = 5000;
export const MAX_COLS = 60;

function gridOf(ws: ExcelJS.Worksheet): Grid {
  const merges: Merge[] = ws.model.merges.map((range) => {
    const [a = '', b = a] = range.split(':');
    const p = decodeAddress(a);
    const q = decodeAddress(b);
    return { top: p.row, left: p.col, bottom: q.row, right: q.col };
  });
  const mergeAt = (row: number, col: number): Merge | undefined =>
    merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  // The last row and column holding a value (a sheet may be formatted far beyond its data).
  let rows = 0;
  let cols = 0;
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    rows = Math.max(rows, n);
    row.eachCell({ includeEmpty: false }, (_cell, c) => {
      cols = Math.max(cols, c);
    });
  });
  const cache = new Map<string, CellRead>();
  const cell = (row: number, col: number): CellRead => {
    const key = `${row}:${col}`;
    let read = cache.get(key);
    if (!read) {
      const m = mergeAt(row, col);
      read =
        m && (m.top !== row || m.left !== col) ? { kind: 'empty' } : readCell(ws.getRow(row).getCell(col));
      cache.set(key, read);
    }
    return read;
  };
  return {
    name: ws.name,
    rows,
    cols,
    cell,
    shown(row, col) {
      const m = mergeAt(row, col);
      return textOf(m ? cell(m.top, m.left) : cell(row, col));
    },
    isOrigin(row, col) {
      const m = mergeAt(row, col);
      return !m || (m.top === row && m.left === col);
    },
  };
}

function rowTexts(grid: Grid, row: number): string[] {
  return Array.from({ length: grid.cols }, (_, i) => textOf(grid.cell(row, i + 1)));
}

// ———— which table a sheet holds ————

interface TitleName {
  id: TableId;
  key: string;
}

const TITLE_NAMES: readonly TitleName[] = FINAL_ACCOUNTS_TEMPLATE.flatMap((t) =>
  [t.title, ...t.aliases].map((name) => ({ id: t.id, key: headerKey(name) })),
).sort((a, b) => b.key.length - a.key.length);

/** The table a title names: the longest title or alias the text ends with (after an org, year or number). */
function titleId(text: string): TableId | undefined {
  // “（公开01表）” after a title numbers it for the finance system.
  const key = headerKey(text.replace(/[（(][^（）()]*[)）]\s*$/, ''));
  if (key.length < 4 || /[，。；,;]/.test(key)) return undefined;
  return TITLE_NAMES.find((n) => key.endsWith(n.key))?.id;
}

/** Where a sheet's table is named: a title in its first rows, else the sheet name (a title or 表N). */
function identify(grid: Grid): TableId | undefined {
  if (/^(?:填表)?说明|^封面|^目录/.test(squeeze(grid.name))) return undefined;
  for (let r = 1; r <= Math.min(grid.rows, 6); r++) {
    for (const text of rowTexts(grid, r)) {
      const id = text ? titleId(text) : undefined;
      if (id) return id;
    }
  }
  const byName = TITLE_NAMES.find((n) => headerKey(grid.name).includes(n.key));
  if (byName) return byName.id;
  const m = /^附?表\s*([1-9])(?!\d)/.exec(squeeze(grid.name));
  return m?.[1] ? (`t${m[1]}` as TableId) : undefined;
}

const ORG_SUFFIX = /(?:局|委员会|委|办公室|院|中心|部|街道办事处|政府|厅|所|站|馆|队|会|办)$/;

/** The department a title names before its year: “广州市…局2024年度收入支出决算总表” → “广州市…局”. */
function orgFromTitle(text: string): string | undefined {
  const t = text.replace(/[（(][^（）()]*[)）]\s*$/, '');
  const key = headerKey(t);
  const name = TITLE_NAMES.find((n) => key.endsWith(n.key));
  if (!name) return undefined;
  const m = /^(.+?)(?:19|20)\d{2}年度?(?:部门)?$/.exec(key.slice(0, key.length - name.key.length));
  const org = m?.[1]?.replace(/部门$/, '');
  return org && ORG_SUFFIX.test(org) ? org : undefined;
}

/** The sheet name the template gives a table, to name a missing one. */
function expectedSheet(id: TableId): string {
  const t = FINAL_ACCOUNTS_TEMPLATE.find((x) => x.id === id);
  return `${tableNumber(id)} ${t?.title ?? ''}`.trim();
}

// ———— header ————

const CODE_SET = new Set(CODE_HEADERS.map(headerKey));
const NAME_SET = new Set(NAME_HEADERS.map(headerKey));
const LINE_NO_SET = new Set(LINE_NO_HEADERS.map(headerKey));
const TOTAL_SET = new Set(TOTAL_LABELS.map(headerKey));
const ECONOMIC_TOTAL_KEYS = new Map(Object.entries(ECONOMIC_TOTALS).map(([k, v]) => [headerKey(k), v]));
const EMPTY_PHRASES = EMPTY_TABLE_PHRASES.map(squeeze);
const NOTE_RE = /^(?:注|说明|备注)\d*[:：.、]|^本表/;
/** Signature lines under a finance system's table: “单位负责人：… 财务负责人：… 制表人：…”. */
const FOOTER_RE = /(?:负责人|制表人|填表人|审核人|联系电话|填报日期|制表日期)[:：]/;
const KIND_KEYS = THREE_PUBLIC_KINDS.map((k) => ({ offset: k.offset, keys: new Set(k.keys.map(headerKey)) }));

function vocabulary(t: TableTemplate): Set<string> {
  const words = [
    ...GENERIC_HEADERS,
    ...t.panels.flatMap((p) => [p.name, ...p.columns.flatMap((c) => [c.label, ...c.keys])]),
    ...THREE_PUBLIC_CATEGORIES.flatMap((c) => [c.label, ...c.keys]),
    ...THREE_PUBLIC_KINDS.flatMap((k) => k.keys),
    '本年支出',
    '本年收入',
  ];
  return new Set(words.map(headerKey).filter((w) => w !== ''));
}

/** A 栏次 row: “栏次 │ │ 1 │ 2 …” or a bare 1, 2, 3 … run. Returns column → number. */
function stepRow(grid: Grid, row: number): Map<number, number> | undefined {
  const out = new Map<number, number>();
  let word = false;
  let last = 0;
  let consecutive = true;
  for (let c = 1; c <= grid.cols; c++) {
    if (!grid.isOrigin(row, c)) continue;
    const t = squeeze(textOf(grid.cell(row, c)));
    if (t === '') continue;
    if (t === '栏次') {
      word = true;
      continue;
    }
    if (!/^\d{1,2}$/.test(t)) return undefined;
    const n = Number(t);
    if (n !== last + 1) consecutive = false;
    last = n;
    out.set(c, n);
  }
  if (out.size === 0) return undefined;
  return word || (out.size >= 2 && consecutive) ? out : undefined;
}

interface HeaderInfo {
  top: number;
  /** Last header row, the 栏次 row included. */
  bottom: number;
  steps?: { row: number; numbers: Map<number, number> };
}

function findHeader(grid: Grid, words: Set<string>): HeaderInfo | undefined {
  let top = 0;
  for (let r = 1; r <= Math.min(grid.rows, 20) && top === 0; r++) {
    if (rowTexts(grid, r).some((t) => words.has(headerKey(t)))) top = r;
  }
  if (top === 0) return undefined;
  for (let r = top; r <= Math.min(grid.rows, top + 6); r++) {
    const numbers = stepRow(grid, r);
    if (numbers) return { top, bottom: r, steps: { row: r, numbers } };
  }
  // No 栏次 row (表6 prints none): the header runs while every word in a row is a header word.
  let bottom = top;
  for (let r = top + 1; r <= grid.rows; r++) {
    const texts = rowTexts(grid, r).filter((t) => t !== '');
    if (texts.length === 0 || !texts.every((t) => words.has(headerKey(t)))) break;
    bottom = r;
  }
  return { top, bottom };
}

/** The distinct header words above a column, top to bottom (merged cells give their text to each column). */
function chainOf(grid: Grid, header: HeaderInfo, col: number): string[] {
  const chain: string[] = [];
  for (let r = header.top; r <= header.bottom; r++) {
    if (r === header.steps?.row) continue;
    const k = headerKey(grid.shown(r, col));
    if (k !== '' && chain[chain.length - 1] !== k) chain.push(k);
  }
  return chain;
}

type Role = { role: 'code' } | { role: 'name' } | { role: 'lineNo' } | { role: 'figure'; number: number };

interface PanelColumns {
  start: number;
  end: number;
  roles: Map<number, Role>;
}

/** 表9's 栏次 from its words: 预算数/决算数 above one of the six categories. */
function threePublicNumber(chain: readonly string[]): number | undefined {
  const kind = KIND_KEYS.find((k) => chain.some((w) => k.keys.has(w)))?.offset;
  if (kind === undefined) return undefined;
  for (let i = chain.length - 1; i >= 0; i--) {
    const w = chain[i] ?? '';
    const c = THREE_PUBLIC_CATEGORIES.find((x) => [x.label, ...x.keys].some((k) => headerKey(k) === w));
    if (c) return kind + c.number;
  }
  return undefined;
}

// ———— a sheet → a dataset table ————

interface SheetResult {
  table?: DatasetTable;
  org?: string;
  year?: number;
  unit?: Dataset['unit'];
}

class SheetReader {
  readonly problems: ImportProblem[] = [];

  constructor(
    private readonly grid: Grid,
    private readonly template: TableTemplate,
  ) {}

  private problem(row: number | undefined, col: number | undefined, zh: string, en: string): void {
    this.problems.push({
      sheet: this.grid.name,
      ...(row !== undefined ? { row } : {}),
      ...(col !== undefined ? { column: columnLetter(col) } : {}),
      message: msg(zh, en),
    });
  }

  read(): SheetResult {
    if (this.grid.rows > MAX_ROWS || this.grid.cols > MAX_COLS) {
      this.problem(
        undefined,
        undefined,
        `工作表过大（${this.grid.rows} 行、${this.grid.cols} 列；最多 ${MAX_ROWS} 行、${MAX_COLS} 列）。`,
        `The sheet is too large (${this.grid.rows} rows, ${this.grid.cols} columns; at most ${MAX_ROWS} and ${MAX_COLS}).`,
      );
      return {};
    }
    const header = findHeader(this.grid, vocabulary(this.template));
    if (!header) {
      this.problem(
        undefined,
        undefined,
        '找不到表头（项目、科目编码、栏次等）。',
        'No table header found (项目, 科目编码, 栏次 …).',
      );
      return {};
    }
    const identity = this.identity(header.top);
    const panels = this.panels(header);
    if (!panels) return identity;
    const table = this.body(header, panels);
    return { ...identity, ...(table ? { table } : {}) };
  }

  /** 部门, 年度 and 单位 from the rows above the header. */
  private identity(headerTop: number): Omit<SheetResult, 'table'> {
    const out: Omit<SheetResult, 'table'> = {};
    let titleOrg: string | undefined;
    for (let r = 1; r < headerTop; r++) {
      for (let c = 1; c <= this.grid.cols; c++) {
        const raw = textOf(this.grid.cell(r, c)).normalize('NFKC');
        if (!raw) continue;
        const text = raw.replace(/\s+/g, '');
        const unit = /(?:金额)?单位[:：](万元|元|亿元|千元)/.exec(text)?.[1];
        if (unit === '万元') out.unit = 'wan-yuan';
        else if (unit === '元') out.unit = 'yuan';
        else if (unit) {
          this.problem(
            r,
            c,
            `金额单位“${unit}”不受支持（只能是万元或元）。`,
            `The unit "${unit}" is not supported (万元 or 元 only).`,
          );
        }
        const org =
          /^(?:预算)?(?:主管)?(?:部门|单位|编制单位|填报单位)(?:名称)?[:：](.*?)(?:(?:金额)?单位[:：].*)?$/.exec(
            text,
          )?.[1];
        if (org && !/^(?:万元|元|亿元|千元)$/.test(org)) out.org = org;
        const year = /((?:19|20)\d{2})年/.exec(text)?.[1];
        if (year && out.year === undefined) out.year = Number(year);
        titleOrg ??= orgFromTitle(text);
      }
    }
    // “广州市…局2024年度收入支出决算总表”: the title names the department when no 部门 row does.
    if (out.org === undefined && titleOrg !== undefined) out.org = titleOrg;
    return out;
  }

  /** Column roles of each panel (two side by side in 表1, 表4, 表6). */
  private panels(header: HeaderInfo): PanelColumns[] | undefined {
    const { grid, template } = this;
    let width = 0;
    for (let c = 1; c <= grid.cols; c++) {
      for (let r = header.top; r <= header.bottom; r++) if (grid.shown(r, c) !== '') width = c;
    }
    const starts = [1];
    const second = template.panels[1];
    if (second) {
      const key = headerKey(second.name);
      let at = 0;
      for (let r = header.top; r <= header.bottom && at === 0; r++) {
        for (let c = 2; c <= width; c++) {
          if (grid.isOrigin(r, c) && headerKey(textOf(grid.cell(r, c))) === key) {
            at = c;
            break;
          }
        }
      }
      // Without the panel words, the second half starts where the first half's 项目/编码 column repeats.
      if (at === 0) at = this.repeatedColumn(header, width);
      if (at === 0) {
        this.problem(
          header.top,
          undefined,
          `表头中找不到“${second.name}”栏，无法分开两半表。`,
          `The header has no "${second.name}" cell marking the table's second half.`,
        );
        return undefined;
      }
      starts.push(at);
    }
    const out: PanelColumns[] = [];
    let ok = true;
    template.panels.forEach((panel, i) => {
      const start = starts[i] ?? 1;
      const end = (starts[i + 1] ?? width + 1) - 1;
      const roles = this.panelRoles(header, panel, start, end);
      if (!roles) ok = false;
      else if (template.kind === 'economic') out.push(...splitAtCodes({ start, end, roles }));
      else out.push({ start, end, roles });
    });
    return ok ? out : undefined;
  }

  /** The first column after a figure column whose header repeats column A's 项目/科目编码 word. */
  private repeatedColumn(header: HeaderInfo, width: number): number {
    const structural = (c: number) =>
      [...chainOf(this.grid, header, c)]
        .reverse()
        .find((k) => LINE_NO_SET.has(k) || CODE_SET.has(k) || NAME_SET.has(k));
    const first = structural(1);
    if (first === undefined) return 0;
    let sawOther = false;
    for (let c = 2; c <= width; c++) {
      const k = structural(c);
      if (k === undefined) sawOther = true;
      else if (k === first && sawOther) return c;
    }
    return 0;
  }

  private panelRoles(
    header: HeaderInfo,
    panel: TemplatePanel,
    start: number,
    end: number,
  ): Map<number, Role> | undefined {
    const { template } = this;
    const roles = new Map<number, Role>();
    const at = new Map<number, number>();
    const kind = template.kind;
    let ok = true;
    const numbers = new Set(panel.columns.map((c) => c.number));
    for (let c = start; c <= end; c++) {
      const chain = chainOf(this.grid, header, c);
      const structural = [...chain]
        .reverse()
        .find((k) => LINE_NO_SET.has(k) || CODE_SET.has(k) || NAME_SET.has(k));
      if (structural !== undefined) {
        roles.set(c, {
          role: LINE_NO_SET.has(structural) ? 'lineNo' : CODE_SET.has(structural) ? 'code' : 'name',
        });
        continue;
      }
      const printed = header.steps?.numbers.get(c);
      let number: number | undefined;
      if (kind === 'economic') {
        // Both halves of 表6 print their amount as 栏1, whatever a finance system numbers them.
        if (printed !== undefined || chain.some((k) => matchColumn(k, panel.columns, true, true))) number = 1;
      } else if (printed !== undefined) {
        if (!numbers.has(printed)) {
          this.problem(
            header.steps?.row,
            c,
            `栏次 ${printed} 不是${tableNumber(template.id)}的栏次（应为 ${[...numbers].join('、')}）。`,
            `栏次 ${printed} is not a column of ${tableNumber(template.id)} (expected ${[...numbers].join(', ')}).`,
          );
          ok = false;
          continue;
        }
        number = printed;
        const named =
          kind === 'three-public'
            ? threePublicNumber(chain)
            : matchColumn(chain[chain.length - 1] ?? '', panel.columns, true, true)?.number;
        if (named !== undefined && named !== printed) {
          this.problem(
            header.steps?.row,
            c,
            `栏次 ${printed} 与表头“${chain.join('/')}”不符（应为栏次 ${named}）。`,
            `栏次 ${printed} does not match the header "${chain.join('/')}" (which is 栏次 ${named}).`,
          );
          ok = false;
          continue;
        }
      } else if (chain.length > 0) {
        number =
          kind === 'three-public'
            ? threePublicNumber(chain)
            : (
                matchColumn(chain[chain.length - 1] ?? '', panel.columns, true, true) ??
                [...chain]
                  .reverse()
                  .map(
                    (k) =>
                      matchColumn(k, panel.columns, true, true) ?? matchColumn(k, panel.columns, false, true),
                  )
                  .find(Boolean)
              )?.number;
      }
      if (number === undefined) continue;
      const seen = at.get(number);
      // 表6 may print a half in several code │ name │ amount groups (the central template splits 公用经费).
      if (seen !== undefined && kind !== 'economic') {
        this.problem(
          header.steps?.row ?? header.bottom,
          c,
          `栏次 ${number} 出现两次（另见 ${columnLetter(seen)} 列）。`,
          `栏次 ${number} appears twice (also in column ${columnLetter(seen)}).`,
        );
        ok = false;
        continue;
      }
      at.set(number, c);
      roles.set(c, { role: 'figure', number });
    }
    // The national columns must all be there (表8's 4–6 belong to a regional variant); after a wrong 栏次
    // the missing one is already named in that problem.
    if (!ok) return undefined;
    const required = panel.columns.filter((c) => !(template.id === 't8' && c.number > 3));
    for (const col of required) {
      if (kind === 'economic' ? [...roles.values()].some((r) => r.role === 'figure') : at.has(col.number))
        continue;
      this.problem(
        header.steps?.row ?? header.bottom,
        undefined,
        `缺少栏次 ${col.number}（${col.label}）。`,
        `Column 栏次 ${col.number} (${col.label}) is missing.`,
      );
      ok = false;
    }
    if (
      template.kind === 'summary' &&
      ![...roles.values()].some((r) => r.role === 'name' || r.role === 'lineNo')
    ) {
      this.problem(header.bottom, start, '缺少“项目”或“行次”栏。', 'The 项目 or 行次 column is missing.');
      ok = false;
    }
    if (
      (kind === 'coded' || kind === 'economic') &&
      ![...roles.values()].some((r) => r.role === 'code' || r.role === 'name')
    ) {
      this.problem(header.bottom, start, '缺少“科目编码”栏。', 'The 科目编码 column is missing.');
      ok = false;
    }
    return ok ? roles : undefined;
  }

  private body(header: HeaderInfo, panels: PanelColumns[]): DatasetTable | undefined {
    const { grid } = this;
    const drafts: Draft[][] = panels.map(() => []);
    let note: string | undefined;
    let notesStarted = false;
    for (let r = header.bottom + 1; r <= grid.rows; r++) {
      const texts = rowTexts(grid, r).filter((t) => t !== '');
      const badCells = Array.from({ length: grid.cols }, (_, i) => grid.cell(r, i + 1)).some(
        (x) => x.kind === 'bad',
      );
      if (texts.length === 0 && !badCells) continue;
      const first = squeeze(texts[0] ?? '');
      const joinedRow = squeeze(texts.join(''));
      const isNote =
        NOTE_RE.test(first) || FOOTER_RE.test(joinedRow) || EMPTY_PHRASES.some((p) => joinedRow.includes(p));
      if (isNote || notesStarted) {
        if (
          !isNote &&
          panels.some((p) =>
            [...p.roles].some(([c, role]) => role.role === 'figure' && grid.cell(r, c).kind === 'number'),
          )
        ) {
          this.problem(r, undefined, '表格注释下方还有数据行。', 'A data row below the table notes.');
        }
        notesStarted = true;
        const joined = texts.join('');
        if (EMPTY_PHRASES.some((p) => squeeze(joined).includes(p))) {
          note = note ? `${note}${joined}` : joined.replace(/^(?:注|说明|备注)\d*[:：.、]\s*/, '');
        }
        continue;
      }
      panels.forEach((p, i) => {
        const d = this.draft(r, p);
        if (d) drafts[i]?.push(d);
      });
    }
    const rows = this.rows(drafts);
    if (!rows) return undefined;
    if (rows.length === 0) {
      if (note) return { empty: true, note };
      this.problem(
        header.bottom + 1,
        undefined,
        '表中没有数据行；无发生额的表请填写合计行（可为 0）或在表下注明“本表本年度无发生额”。',
        'The table has no rows; for a table with nothing to report fill the 合计 row (0 is fine) or write “本表本年度无发生额” under it.',
      );
      return undefined;
    }
    return { rows, ...(note ? { note } : {}) };
  }

  /** One panel of one body row; undefined when the panel is empty on that row. */
  private draft(row: number, panel: PanelColumns): Draft | undefined {
    const { grid } = this;
    const d: Draft = { row, label: '', codeParts: [], figures: new Map(), hasValue: false, ok: true };
    const labels: string[] = [];
    for (let c = panel.start; c <= panel.end; c++) {
      const role = panel.roles.get(c);
      const cell = grid.cell(row, c);
      if (role?.role === 'figure') {
        const read = readAmount(cell);
        if (!read.ok) {
          this.problem(
            row,
            c,
            `${read.why.zh}（栏次 ${role.number}）。`,
            `${read.why.en} (栏次 ${role.number}).`,
          );
          d.ok = false;
          continue;
        }
        d.figures.set(role.number, read.amount);
        if (!read.blank) d.hasValue = true;
        if (!read.blank && scaled(read.amount) !== 0n) d.nonZero = true;
        continue;
      }
      if (cell.kind === 'bad') {
        this.problem(row, c, `${cell.why.zh}。`, `${cell.why.en}.`);
        d.ok = false;
        continue;
      }
      const text = textOf(cell);
      if (text === '') continue;
      if (role?.role === 'lineNo') {
        const t = squeeze(text);
        if (!/^\d{1,3}$/.test(t)) {
          this.problem(row, c, `行次“${text}”不是数字。`, `The 行次 "${text}" is not a number.`);
          d.ok = false;
        } else d.lineNo = { value: Number(t), col: c };
        continue;
      }
      if (role?.role === 'code') {
        const t = squeeze(text).replace(/[-.．]/g, '');
        if (TOTAL_SET.has(headerKey(text)) || ECONOMIC_TOTAL_KEYS.has(headerKey(text))) {
          labels.push(text);
          continue;
        }
        if (!/^\d+$/.test(t)) {
          this.problem(row, c, `科目编码“${text}”不是数字。`, `The code "${text}" is not digits.`);
          d.ok = false;
          continue;
        }
        d.codeParts.push(t);
        d.codeCol ??= c;
        continue;
      }
      if (role === undefined && cell.kind === 'number') {
        this.problem(
          row,
          c,
          '这一列的表头无法识别，不能确定数字属于哪一栏。',
          'The header of this column is not recognised, so its number belongs to no column.',
        );
        d.ok = false;
        continue;
      }
      labels.push(text);
    }
    d.label = labels.join('').replace(/\s+/g, '');
    if (!d.ok) return d;
    if (d.label === '' && d.codeParts.length === 0 && !d.hasValue) return undefined;
    return d;
  }

  private rows(drafts: Draft[][]): DatasetRow[] | undefined {
    if (drafts.flat().some((d) => !d.ok)) return undefined;
    switch (this.template.kind) {
      case 'summary':
        return this.summaryRows(drafts);
      case 'coded':
        return this.codedRows(drafts[0] ?? [], new Set([3, 5, 7]), (label) =>
          TOTAL_SET.has(headerKey(label)) ? 'total' : undefined,
        );
      case 'economic': {
        // One key space over both halves: a code printed under 人员经费 and 公用经费 is printed twice.
        const seen = new Map<string, number>();
        const panels = drafts.map((panel) =>
          this.codedRows(panel, new Set([3, 5]), (label) => ECONOMIC_TOTAL_KEYS.get(headerKey(label)), seen),
        );
        return panels.every((p) => p !== undefined) ? panels.flat() : undefined;
      }
      case 'three-public':
        return this.threePublicRow(drafts[0] ?? []);
    }
  }

  private summaryRows(drafts: Draft[][]): DatasetRow[] | undefined {
    const out: DatasetRow[] = [];
    const seen = new Map<number, number>();
    let ok = true;
    this.template.panels.forEach((panel, i) => {
      const byLabel = new Map<string, number[]>();
      for (const r of panel.rows ?? [])
        for (const l of r.labels) byLabel.set(labelKey(l), [...(byLabel.get(labelKey(l)) ?? []), r.lineNo]);
      const lineNos = (panel.rows ?? []).map((r) => r.lineNo);
      const first = Math.min(...lineNos);
      const last = Math.max(...lineNos);
      let previous = 0;
      for (const d of drafts[i] ?? []) {
        let lineNo = d.lineNo?.value;
        if (lineNo === undefined) {
          const candidates = byLabel.get(labelKey(d.label)) ?? [];
          lineNo = candidates.find((n) => n > previous) ?? candidates[0];
        }
        if (lineNo === undefined) {
          this.problem(
            d.row,
            undefined,
            `“${d.label}”不是${tableNumber(this.template.id)}的项目。`,
            `"${d.label}" is not a row of ${tableNumber(this.template.id)}.`,
          );
          ok = false;
          continue;
        }
        previous = lineNo;
        const known = lineNos.includes(lineNo);
        if (!known) {
          // A blank row of the template (行次 9–26 of 表1): fine while nothing is in it.
          if (lineNo >= first && lineNo <= last && d.label === '' && !d.nonZero) continue;
          this.problem(
            d.row,
            d.lineNo?.col,
            `行次 ${lineNo} 不是${tableNumber(this.template.id)}“${panel.name}”部分的行次。`,
            `行次 ${lineNo} is not a row of the ${panel.name} part of ${tableNumber(this.template.id)}.`,
          );
          ok = false;
          continue;
        }
        const dup = seen.get(lineNo);
        if (dup !== undefined) {
          this.problem(
            d.row,
            d.lineNo?.col,
            `行次 ${lineNo} 出现两次（另见第 ${dup} 行）。`,
            `行次 ${lineNo} appears twice (also row ${dup}).`,
          );
          ok = false;
          continue;
        }
        seen.set(lineNo, d.row);
        const label = d.label || (panel.rows?.find((r) => r.lineNo === lineNo)?.labels[0] ?? '');
        out.push({ key: String(lineNo), label, cells: cellsOf(d) });
      }
    });
    return ok ? out.sort((a, b) => Number(a.key) - Number(b.key)) : undefined;
  }

  private codedRows(
    drafts: readonly Draft[],
    lengths: ReadonlySet<number>,
    totalKey: (label: string) => string | undefined,
    seen = new Map<string, number>(),
  ): DatasetRow[] | undefined {
    const out: DatasetRow[] = [];
    let ok = true;
    for (const d of drafts) {
      let code = joinCode(d.codeParts);
      let label = d.label;
      if (code === '') {
        // A code printed in the name cell (“2010301 行政运行”).
        const m = /^(\d{3}|\d{5}|\d{7})(\D.*)$/.exec(label);
        if (m?.[1] && m[2]) {
          code = m[1];
          label = m[2];
        }
      }
      let key: string;
      if (code !== '') {
        if (!lengths.has(code.length)) {
          this.problem(
            d.row,
            d.codeCol,
            `科目编码“${code}”的位数不对（应为 ${[...lengths].join('、')} 位）。`,
            `The code "${code}" has ${code.length} digits (expected ${[...lengths].join(', ')}).`,
          );
          ok = false;
          continue;
        }
        key = code;
      } else {
        const total = totalKey(label);
        if (total === undefined) {
          if (label === '' && !d.nonZero) continue;
          this.problem(
            d.row,
            undefined,
            `这一行没有科目编码（“${label || '（空）'}”）。`,
            `The row has no classification code ("${label}").`,
          );
          ok = false;
          continue;
        }
        key = total;
      }
      const dup = seen.get(key);
      if (dup !== undefined) {
        this.problem(
          d.row,
          d.codeCol,
          `“${key}”出现两次（另见第 ${dup} 行）。`,
          `"${key}" appears twice (also row ${dup}).`,
        );
        ok = false;
        continue;
      }
      seen.set(key, d.row);
      out.push({ key, label, cells: cellsOf(d) });
    }
    return ok ? out : undefined;
  }

  private threePublicRow(drafts: readonly Draft[]): DatasetRow[] | undefined {
    const data = drafts.filter((d) => d.figures.size > 0 && (d.hasValue || d.label === ''));
    if (data.length > 1) {
      for (const d of data.slice(1)) {
        this.problem(d.row, undefined, '“三公”经费表只有一行数据。', 'The 三公 table has a single data row.');
      }
      return undefined;
    }
    const d = data[0];
    if (d) return [{ key: 'row', label: '', cells: cellsOf(d) }];
    // The one row left blank: every amount is zero.
    const zero = Object.fromEntries(
      (this.template.panels[0]?.columns ?? []).map((c) => [String(c.number), '0.00'] as const),
    );
    return [{ key: 'row', label: '', cells: zero }];
  }
}

/** A panel of 表6 split into its code │ name │ amount groups, each read as a panel of its own. */
function splitAtCodes(panel: PanelColumns): PanelColumns[] {
  const codes = [...panel.roles]
    .filter(([, r]) => r.role === 'code')
    .map(([c]) => c)
    .sort((a, b) => a - b);
  // Split codes (类 │ 款) sit side by side; a group starts at a code column after a non-code column.
  const starts = codes.filter((c, i) => i === 0 || panel.roles.get(c - 1)?.role !== 'code');
  if (starts.length <= 1) return [panel];
  return starts.map((start, i) => {
    const from = i === 0 ? panel.start : start;
    const to = (starts[i + 1] ?? panel.end + 1) - 1;
    const roles = new Map([...panel.roles].filter(([c]) => c >= from && c <= to));
    return { start: from, end: to, roles };
  });
}

interface Draft {
  row: number;
  label: string;
  codeParts: string[];
  codeCol?: number;
  lineNo?: { value: number; col: number };
  figures: Map<number, string>;
  /** Some figure cell is not blank. */
  hasValue: boolean;
  nonZero?: boolean;
  ok: boolean;
}

function cellsOf(d: Draft): Record<string, string> {
  return Object.fromEntries([...d.figures].sort(([a], [b]) => a - b).map(([n, v]) => [String(n), v]));
}

/** 类/款/项 parts joined; a part that repeats the code so far (201 │ 20103 │ 2010301) replaces it. */
function joinCode(parts: readonly string[]): string {
  let code = '';
  for (const p of parts) code = code !== '' && p.startsWith(code) && p.length > code.length ? p : code + p;
  return code;
}

// ———— the workbook ————

/**
 * Reads a workbook in the national nine-table layout into a dataset, or lists every problem (sheet, row,
 * column) and returns no dataset at all.
 */
export async function importWorkbook(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const loaded = await loadWorkbook(bytes, fileName, options);
  if (!loaded.ok) return { ok: false, problems: [loaded.problem] };
  const problems: ImportProblem[] = [];
  const sheets = new Map<TableId, Grid>();
  for (const ws of loaded.workbook.worksheets) {
    const grid = gridOf(ws);
    const id = identify(grid);
    if (!id) continue;
    const other = sheets.get(id);
    if (other) {
      problems.push({
        sheet: grid.name,
        message: msg(
          `${tableNumber(id)}已在工作表“${other.name}”中，同一张表不能出现两次。`,
          `${tableNumber(id)} is already on sheet "${other.name}"; a table may appear once.`,
        ),
      });
      continue;
    }
    sheets.set(id, grid);
  }
  const tables: Partial<Record<TableId, DatasetTable>> = {};
  const identities: SheetIdentity[] = [];
  for (const template of FINAL_ACCOUNTS_TEMPLATE) {
    const grid = sheets.get(template.id);
    if (!grid) {
      problems.push({
        sheet: expectedSheet(template.id),
        message: msg(
          `缺少${tableNumber(template.id)}“${template.title}”的工作表。`,
          `The sheet for ${tableNumber(template.id)} (${template.title}) is missing.`,
        ),
      });
      continue;
    }
    const reader = new SheetReader(grid, template);
    const result = reader.read();
    problems.push(...reader.problems);
    if (result.table) tables[template.id] = result.table;
    identities.push({ sheet: grid.name, ...result });
  }
  const identity = agree(identities, problems);
  if (problems.length > 0 || !identity) return { ok: false, problems };
  const parsed = DatasetSchema.safeParse({
    kind: 'final-accounts',
    org: identity.org,
    year: identity.year,
    unit: identity.unit,
    tables,
  });
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({
        sheet: WORKBOOK,
        message: msg(
          `数据不符合格式：${i.path.join('.')}：${i.message}`,
          `Invalid dataset: ${i.path.join('.')}: ${i.message}`,
        ),
      })),
    };
  }
  return { ok: true, dataset: parsed.data };
}

interface SheetIdentity {
  sheet: string;
  org?: string;
  year?: number;
  unit?: Dataset['unit'];
}

/** The value every sheet that states it agrees on; a problem for each sheet that differs. */
function agreed<T extends string | number>(
  sheets: readonly SheetIdentity[],
  get: (s: SheetIdentity) => T | undefined,
  name: { zh: string; en: string },
  hint: { zh: string; en: string },
  problems: ImportProblem[],
): T | undefined {
  const stated = sheets.filter((s) => get(s) !== undefined);
  const first = stated[0];
  const value = first ? get(first) : undefined;
  if (!first || value === undefined) {
    problems.push({
      sheet: sheets[0]?.sheet ?? WORKBOOK,
      message: msg(`找不到${name.zh}：${hint.zh}`, `No ${name.en} found: ${hint.en}`),
    });
    return undefined;
  }
  for (const s of stated) {
    const v = get(s);
    if (v === value) continue;
    problems.push({
      sheet: s.sheet,
      message: msg(
        `${name.zh}“${String(v)}”与工作表“${first.sheet}”的“${String(value)}”不一致。`,
        `The ${name.en} "${String(v)}" differs from "${String(value)}" on sheet "${first.sheet}".`,
      ),
    });
  }
  return value;
}

/** One 部门, 年度 and 单位 for the whole workbook: each stated somewhere, and nowhere differently. */
function agree(
  sheets: readonly SheetIdentity[],
  problems: ImportProblem[],
): { org: string; year: number; unit: Dataset['unit'] } | undefined {
  const org = agreed(
    sheets,
    (s) => s.org,
    msg('部门名称', 'department'),
    msg('请在表头上方填写“部门：…”。', 'write “部门：…” above the table header.'),
    problems,
  );
  const year = agreed(
    sheets,
    (s) => s.year,
    msg('年度', 'fiscal year'),
    msg('请在表头上方填写年度，如“2024年度”。', 'write the year (e.g. “2024年度”) above the table header.'),
    problems,
  );
  const unit = agreed(
    sheets,
    (s) => s.unit,
    msg('金额单位', 'unit'),
    msg(
      '请在表头上方填写“单位：万元”或“单位：元”。',
      'write “单位：万元” or “单位：元” above the table header.',
    ),
    problems,
  );
  if (unit !== undefined) {
    for (const s of sheets.filter((x) => x.unit === undefined)) {
      problems.push({
        sheet: s.sheet,
        message: msg(
          '这张表没有写明金额单位（单位：万元／元）。',
          'This sheet does not state its unit (单位：万元 or 元).',
        ),
      });
    }
  }
  return org !== undefined && year !== undefined && unit !== undefined ? { org, year, unit } : undefined;
}
