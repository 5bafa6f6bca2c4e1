import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CheckOutputSchema } from '#app/check-output.schema.ts';
import { ScoreOutputSchema } from '#app/score-output.schema.ts';
import { DEMO_DOCUMENT } from '#adapters/demo.ts';
import { corpusAvailable, corpusFile, PROJECT_ROOT } from '#src/testing/corpus.ts';

const run = promisify(execFile);
const BIN = join(PROJECT_ROOT, 'bin', 'gongkai');

async function gongkai(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return gongkaiWith({}, ...args);
}

async function gongkaiWith(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(BIN, args, {
      cwd: PROJECT_ROOT,
      maxBuffer: 64 * 2 ** 20,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('gongkai CLI', () => {
  it('checks the demo document: the deliberate error is reported with table, row, column and page', async () => {
    const r = await gongkai('check', DEMO_DOCUMENT, '--format', 'json');
    expect(r.code).toBe(1);
    const out = CheckOutputSchema.parse(JSON.parse(r.stdout));
    const doc = out.documents[0];
    expect(doc && 'findings' in doc).toBe(true);
    if (!doc || !('findings' in doc)) return;
    expect(doc.kind).toBe('final-accounts');
    expect(doc.fiscalYear).toBe(2024);
    expect(doc.tables.map((t) => t.id).sort()).toEqual([
      't1',
      't2',
      't3',
      't4',
      't5',
      't6',
      't7',
      't8',
      't9',
    ]);
    const errors = doc.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(
      errors.some((f) => f.evidence.some((e) => e.table === 't3' && e.row === 'total' && e.column === 2)),
    ).toBe(true);
    expect(errors[0]?.message).toMatch(/表\d.*栏\d.*第\d+页/);
  });

  it('runs the same from the TypeScript sources as from the bundle', async () => {
    const bundled = await gongkai('check', DEMO_DOCUMENT, '--format', 'json');
    const source = await gongkaiWith(
      { GONGKAI_FROM_SOURCE: '1' },
      'check',
      DEMO_DOCUMENT,
      '--format',
      'json',
    );
    expect(source.code).toBe(bundled.code);
    expect(source.stdout).toBe(bundled.stdout);
  });

  it('speaks English with --lang en', async () => {
    const r = await gongkai('check', DEMO_DOCUMENT, '--lang', 'en');
    expect(r.stdout).toMatch(/checks: \d+ passed/);
    expect(r.stdout).toMatch(/column \d+ \(page \d+\)/);
  });

  it('reports unreadable files one by one and goes on with the batch (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));
    writeFileSync(join(dir, 'empty.pdf'), '');
    writeFileSync(join(dir, 'truncated.pdf'), '%PDF-1.7\n1 0 obj <<');
    writeFileSync(join(dir, 'binary.pdf'), Buffer.from([0, 1, 2, 3, 255, 254, 0, 7]));
    const encrypted = join(PROJECT_ROOT, 'fixtures', 'malformed', 'encrypted.pdf');
    const r = await gongkai('check', dir, encrypted, DEMO_DOCUMENT, '--format', 'json');
    expect(r.code).toBe(2);
    const out = CheckOutputSchema.parse(JSON.parse(r.stdout));
    const byName: Record<string, (typeof out.documents)[number]> = Object.fromEntries(
      out.documents.map((d) => [d.path.split('/').pop() ?? d.path, d]),
    );
    expect(byName['empty.pdf']).toMatchObject({ error: { code: 'empty' } });
    expect(byName['truncated.pdf']).toMatchObject({ error: { code: 'corrupt' } });
    expect(byName['binary.pdf']).toMatchObject({ error: { code: 'unsupported' } });
    expect(byName['encrypted.pdf']).toMatchObject({ error: { code: 'encrypted' } });
    const encryptedResult = byName['encrypted.pdf'];
    expect(encryptedResult && 'error' in encryptedResult ? encryptedResult.error.message : '').toContain(
      '加密',
    );
    expect(byName['demo-final-accounts.txt']).toHaveProperty('findings');
  });

  it('extract prints tables and claims only', async () => {
    const r = await gongkai('extract', DEMO_DOCUMENT, '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { tables: unknown[]; claims: unknown[]; findings?: unknown };
    expect(out.tables).toHaveLength(9);
    expect(out.claims.length).toBeGreaterThan(10);
    expect(out.findings).toBeUndefined();
  });
});

describe.skipIf(!corpusAvailable())('gongkai check with the previous year', () => {
  const seed = corpusFile('seeds/004_93c4c58a71a1e296.txt');
  const prior = join(PROJECT_ROOT, 'fixtures', 'prior-year', '2023-final-accounts.txt');
  type Checked = Extract<
    ReturnType<typeof CheckOutputSchema.parse>['documents'][number],
    { findings: unknown }
  >;
  const checked = (stdout: string): Checked[] =>
    CheckOutputSchema.parse(JSON.parse(stdout)).documents.filter((d): d is Checked => 'findings' in d);

  it('--prior checks the narrative’s 上年 figures against the prior document', async () => {
    const without = checked((await gongkai('check', seed, '--format', 'json')).stdout)[0];
    const r = await gongkai('check', seed, '--prior', prior, '--format', 'json');
    expect(r.code).toBe(0);
    const doc = checked(r.stdout)[0];
    expect(doc?.prior).toBe(prior);
    expect(doc?.checks.passed).toBeGreaterThan((without?.checks.passed ?? 0) + 5);
    expect(without?.notApplicable.some((n) => n.ruleId.startsWith('fa.prior-year'))).toBe(true);
  });

  it('pairs two documents of one organisation in one batch by year', async () => {
    const docs = checked((await gongkai('check', seed, prior, '--format', 'json')).stdout);
    expect(docs.find((d) => d.fiscalYear === 2024)?.prior).toBe(prior);
    expect(docs.find((d) => d.fiscalYear === 2023)?.prior).toBeNull();
  });

  it('reports a 上年 figure that the prior document contradicts, at the sentence and the prior cell', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-prior-'));
    const bad = join(dir, '2023.txt');
    const text = readFileSync(prior, 'utf8');
    const altered = text.replace('\t合计\t6,416.64\t2,225.69\t', '\t合计\t6,416.64\t2,252.69\t');
    expect(altered).not.toBe(text);
    writeFileSync(bad, altered);
    const r = await gongkai('check', seed, '--prior', bad, '--format', 'json');
    expect(r.code).toBe(1);
    const errors = checked(r.stdout)[0]?.findings.filter((f) => f.category === 'prior-year') ?? [];
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]?.message).toContain('基本支出');
    expect(errors[0]?.evidence.some((e) => e.table === 't3' && e.column === 2)).toBe(true);
  });
});

describe.skipIf(!corpusAvailable())('gongkai score', () => {
  const seed003 = corpusFile('seeds/003_43e396ea1042de79.txt');

  it('prints a per-indicator comparison in Chinese, with the system and the total', async () => {
    const r = await gongkai('score', seed003);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('gz-district-dept-overall');
    expect(r.stdout).toMatch(/管理效率\s+50\.00\s+47\s+47\.00\s+复核一致/);
    expect(r.stdout).toContain('等级：自评 优');
  });

  it('writes JSON that the published schema accepts, in English when asked', async () => {
    const r = await gongkai('score', seed003, '--format', 'json', '--lang', 'en');
    const out = ScoreOutputSchema.parse(JSON.parse(r.stdout));
    const doc = out.documents[0];
    expect(doc && 'total' in doc).toBe(true);
    if (!doc || !('total' in doc)) return;
    expect(doc.system.id).toBe('gz-district-dept-overall');
    expect(doc.total.status).toBe('reproduced');
  });

  it('exits 1 when the evidence cannot support a stated score, 2 for a document it cannot score', async () => {
    expect((await gongkai('score', corpusFile('seeds/002_2c450fdd424bffaf.txt'))).code).toBe(1);
    const notSelfEval = await gongkai('score', corpusFile('seeds/004_93c4c58a71a1e296.txt'));
    expect(notSelfEval.code).toBe(2);
    expect(notSelfEval.stdout).toContain('不是绩效自评报告');
  });

  it('refuses an unknown --system with the known ones listed', async () => {
    const r = await gongkai('score', seed003, '--system', 'nope');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知的指标体系');
    expect(r.stderr).toContain('gz-district-dept-overall');
    expect(r.stderr).not.toContain(' at ');
  });
});

describe.skipIf(!corpusAvailable())('gongkai check on self-evaluations', () => {
  it('prints what a self-evaluation states and its findings as JSON the published schema accepts', async () => {
    const r = await gongkai('check', corpusFile('seeds/003_43e396ea1042de79.txt'), '--format', 'json');
    expect(r.code).toBe(0);
    const out = CheckOutputSchema.parse(JSON.parse(r.stdout));
    const doc = out.documents[0];
    if (!doc || !('selfEvaluation' in doc)) throw new Error('no document');
    expect(doc.kind).toBe('self-evaluation');
    expect(doc.selfEvaluation?.indicators.length).toBe(22);
    const row12 = doc.selfEvaluation?.indicators.find((i) => i.index === 12 && i.group === 'output');
    expect(row12?.target?.quantity?.value.value).toBe('400000');
    expect(row12?.actual?.value.value).toBe('742000');
    expect(doc.findings.some((f) => f.ruleId === 'se.indicators.capping')).toBe(true);
  });
});

describe('gongkai compile, template and dataset', () => {
  const dataset = join(PROJECT_ROOT, 'fixtures', 'datasets', 'seed-004.json');

  it('compiles a dataset to the formats asked for and prints the files written', async () => {
    const out = mkdtempSync(join(tmpdir(), 'gongkai-compile-'));
    const r = await gongkai('compile', dataset, '--out', out, '--format', 'html,txt,xlsx');
    expect(r.code).toBe(0);
    const files = r.stdout.trim().split('\n');
    expect(files.map((f) => f.slice(f.lastIndexOf('.') + 1))).toEqual(['html', 'txt', 'xlsx']);
    expect(readFileSync(files[0] ?? '', 'utf8')).toContain('<html lang="zh-CN"');
  });

  it('imports a workbook it wrote, and refuses one with a wrong cell naming sheet, row and column, writing nothing', async () => {
    const out = mkdtempSync(join(tmpdir(), 'gongkai-compile-'));
    const first = await gongkai('compile', dataset, '--out', out, '--format', 'xlsx');
    const xlsx = first.stdout.trim();
    const again = await gongkai('compile', xlsx, '--out', join(out, 'again'), '--format', 'txt');
    expect(again.code).toBe(0);

    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.worksheets.find((w) => w.name.startsWith('表3'));
    if (!ws) throw new Error('no 表3 sheet');
    let totalRow = 0;
    ws.eachRow((row, n) => {
      if (!totalRow && row.getCell(1).text.includes('合计')) totalRow = n;
    });
    ws.getCell(totalRow, 4).value = '12,3x';
    const bad = join(out, 'bad.xlsx');
    await wb.xlsx.writeFile(bad);
    const refused = await gongkai('compile', bad, '--out', join(out, 'refused'));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`表3 支出决算表 第${totalRow}行 D列`);
    expect(existsSync(join(out, 'refused'))).toBe(false);
  });

  it('refuses a dataset that fails its checks unless forced', async () => {
    const ds = JSON.parse(readFileSync(dataset, 'utf8')) as {
      tables: { t3: { rows: { key: string; cells: Record<string, string> }[] } };
    };
    const total = ds.tables.t3.rows.find((row) => row.key === 'total');
    if (total) total.cells['2'] = '2046.26';
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-compile-'));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify(ds));
    const refused = await gongkai('compile', broken, '--out', join(dir, 'out'), '--format', 'txt');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('拒绝生成');
    expect(refused.stderr).toContain('表3');
    expect(existsSync(join(dir, 'out'))).toBe(false);
    const forced = await gongkai('compile', broken, '--out', join(dir, 'out'), '--format', 'txt', '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(forced.stdout.trim(), 'utf8')).toContain('未经');
  });

  it('writes the template workbook', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gongkai-template-')), 't.xlsx');
    const r = await gongkai('template', '--out', file, '--org', '示例局', '--year', '2025');
    expect(r.code).toBe(0);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.filter((w) => /^表[1-9]/.test(w.name)).length).toBe(9);
  });

  it.skipIf(!corpusAvailable())('builds a dataset from a published 决算', async () => {
    const r = await gongkai('dataset', corpusFile('seeds/004_93c4c58a71a1e296.txt'));
    expect(r.code).toBe(0);
    const ds = JSON.parse(r.stdout) as {
      org: string;
      year: number;
      prior?: { figures: Record<string, string> };
    };
    expect(ds.org).toBe('广州市荔湾区政务服务数据管理局');
    expect(ds.year).toBe(2024);
    expect(ds.prior?.figures['expenditure.basic']).toBe('2225.69');
  });
});
