import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Command, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import type { CheckInput, DocumentResult } from '#app/check-documents.ts';
import { OUTPUT_FORMATS, type OutputFormat } from '#app/compile-documents.ts';
import { presentCheck, claimJson, tableJson, type Lang } from '#app/present.ts';
import { createApp, serveWorkspace } from '#src/compose.ts';
import { DEMO_DOCUMENT } from '#adapters/demo.ts';
import { presentScore, type ScoreItem } from '#app/present-score.ts';
import { formatScore } from './format-score.ts';
import { formatText } from './format-text.ts';
import { expandPaths, readInput, type InputOrError } from './inputs.ts';

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_UNREADABLE = 2;

function split(items: InputOrError[]): { inputs: CheckInput[]; missing: DocumentResult[] } {
  const inputs: CheckInput[] = [];
  const missing: DocumentResult[] = [];
  for (const it of items) {
    if ('bytes' in it) inputs.push(it);
    else
      missing.push({
        ok: false,
        path: it.path,
        error: {
          code: 'unsupported',
          message: { zh: `无法打开文件：${it.missing}`, en: `cannot open the file: ${it.missing}` },
        },
      });
  }
  return { inputs, missing };
}

/**
 * Writes `{"documents": [...]}` one document at a time, so a large batch is never held as one string
 * (the same JSON as stringifying the whole object with two-space indentation).
 */
function writeJsonDocuments(documents: readonly unknown[]): void {
  process.stdout.write('{\n  "documents": [');
  documents.forEach((d, i) => {
    const body = JSON.stringify(d, null, 2).replace(/\n/g, '\n    ');
    process.stdout.write(`${i === 0 ? '' : ','}\n    ${body}`);
  });
  process.stdout.write(documents.length ? '\n  ]\n}\n' : ']\n}\n');
}

/** Exit code: 2 when any input could not be read, else 1 when any error-level finding, else 0. */
export function exitCode(results: DocumentResult[]): number {
  if (results.some((r) => !r.ok)) return EXIT_UNREADABLE;
  if (results.some((r) => r.ok && r.findings.some((f) => f.severity === 'error'))) return EXIT_FINDINGS;
  return EXIT_OK;
}

async function runCheck(
  paths: string[],
  opts: { format: 'text' | 'json'; lang: Lang; prior?: string[]; against?: string[]; all?: boolean },
): Promise<number> {
  const app = createApp();
  const { inputs, missing } = split(expandPaths(paths).map(readInput));
  const prior = split(expandPaths(opts.prior ?? []).map(readInput));
  const against = split(expandPaths(opts.against ?? []).map(readInput));
  const bar =
    process.stderr.isTTY && inputs.length > 1
      ? new SingleBar({ format: ' {bar} {value}/{total} {file}', stream: process.stderr, hideCursor: true })
      : undefined;
  bar?.start(inputs.length, 0, { file: '' });
  const results = await app.check(inputs, {
    prior: prior.inputs,
    against: against.inputs,
    onProgress: (done, _total, file) => bar?.update(done, { file }),
  });
  bar?.stop();
  const all = [...results, ...missing, ...prior.missing, ...against.missing];
  if (opts.format === 'json') writeJsonDocuments(all.map((r) => presentCheck([r], opts.lang).documents[0]));
  else
    process.stdout.write(
      formatText(all, { lang: opts.lang, all: opts.all ?? false, color: process.stdout.isTTY }),
    );
  return exitCode(all);
}

/** Exit code of `score`: 2 when a file could not be scored, else 1 when the evidence cannot support a score. */
function scoreExitCode(items: readonly ScoreItem[]): number {
  if (items.some((it) => 'error' in it)) return EXIT_UNREADABLE;
  if (items.some((it) => 'report' in it && it.report.cannotSupport.length > 0)) return EXIT_FINDINGS;
  return EXIT_OK;
}

async function runScore(
  paths: string[],
  opts: { format: 'text' | 'json'; lang: Lang; system?: string },
): Promise<number> {
  const app = createApp();
  if (opts.system && !app.systemIds().includes(opts.system)) {
    const known = app.systemIds().join(', ');
    process.stderr.write(
      `未知的指标体系“${opts.system}”，可用：${known}\nunknown indicator system "${opts.system}"; known: ${known}\n`,
    );
    return EXIT_UNREADABLE;
  }
  const { inputs, missing } = split(expandPaths(paths).map(readInput));
  const scored = await app.score(inputs, { systemId: opts.system });
  const items: ScoreItem[] = [
    ...scored,
    ...missing.flatMap((m) =>
      m.ok ? [] : [{ path: m.path, error: { ...m.error, code: 'unsupported' as const } }],
    ),
  ];
  if (opts.format === 'json') {
    process.stdout.write(JSON.stringify(presentScore(items, opts.lang), null, 2) + '\n');
  } else {
    const color = process.stdout.isTTY;
    for (const it of items) {
      process.stdout.write(
        'report' in it
          ? formatScore(it.report, { lang: opts.lang, color, path: it.path }) + '\n'
          : `${it.path}\n  ✖ ${it.error.message[opts.lang]}\n\n`,
      );
    }
  }
  return scoreExitCode(items);
}

const FORMAT_NAMES = OUTPUT_FORMATS.join(',');

async function readDatasetInput(file: string): Promise<{ dataset?: unknown; problems: string[] }> {
  const app = createApp();
  const bytes = readFileSync(file);
  if (/\.xlsx?$/i.test(file)) {
    const r = await app.importWorkbook(new Uint8Array(bytes), basename(file));
    if (r.ok) return { dataset: r.dataset, problems: [] };
    return {
      problems: r.problems.map(
        (p) =>
          `${p.sheet}${p.row ? ` 第${p.row}行` : ''}${p.column ? ` ${p.column}列` : ''}：${p.message.zh} · ${p.message.en}`,
      ),
    };
  }
  try {
    return { dataset: JSON.parse(new TextDecoder().decode(bytes)) as unknown, problems: [] };
  } catch (e) {
    return { problems: [`${file}: 不是有效的 JSON · not valid JSON: ${(e as Error).message}`] };
  }
}

async function runCompile(
  file: string,
  opts: { out: string; format: string; force?: boolean; lang: Lang },
): Promise<number> {
  const formats = opts.format.split(',').map((f) => f.trim());
  const unknown = formats.filter((f) => !(OUTPUT_FORMATS as readonly string[]).includes(f));
  if (unknown.length) {
    process.stderr.write(`未知格式 unknown format: ${unknown.join(', ')} (${FORMAT_NAMES})\n`);
    return EXIT_UNREADABLE;
  }
  const { dataset, problems } = await readDatasetInput(file);
  if (problems.length) {
    process.stderr.write(
      `无法导入 · cannot import ${file}:\n${problems.map((p) => `  ✖ ${p}`).join('\n')}\n`,
    );
    return EXIT_UNREADABLE;
  }
  const app = createApp();
  try {
    const r = await app.compile(dataset, { formats: formats as OutputFormat[], force: opts.force });
    if (!r.ok) {
      const lines = [
        ...r.problems.map((p) => `  ✖ ${p}`),
        ...r.findings.map((f) => `  ✖ ${f.message[opts.lang]}  ${f.ruleId}`),
      ];
      process.stderr.write(
        opts.lang === 'zh'
          ? `拒绝生成：数据未通过核对（可用 --force 强制生成，输出将标注“未经核对”）\n${lines.join('\n')}\n`
          : `refused: the data fails its checks (--force generates anyway, stamped as unchecked)\n${lines.join('\n')}\n`,
      );
      return EXIT_FINDINGS;
    }
    mkdirSync(opts.out, { recursive: true });
    for (const f of r.files) {
      const path = join(opts.out, f.name);
      writeFileSync(path, f.bytes);
      process.stdout.write(`${path}\n`);
    }
    if (r.unchecked)
      process.stderr.write('⚠ 已强制生成，文件标注为未经核对 · forced: outputs are stamped as unchecked\n');
    return EXIT_OK;
  } finally {
    await app.close();
  }
}

/**
 * Serves the workspace until SIGINT or SIGTERM, then closes the server, the worker and the database.
 * PostgreSQL when DATABASE_URL is set, else PGlite under GONGKAI_DATA_DIR (default ./data).
 */
async function runServe(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`PORT 无效 · invalid PORT: ${process.env.PORT}\n`);
    process.exitCode = EXIT_UNREADABLE;
    return;
  }
  const databaseUrl = process.env.DATABASE_URL;
  const dataDir = join(process.env.GONGKAI_DATA_DIR ?? './data', 'db');
  const served = await serveWorkspace({
    port,
    host: process.env.HOST ?? '127.0.0.1',
    ...(databaseUrl ? { databaseUrl } : { dataDir }),
    ...(process.env.GONGKAI_JURISDICTION ? { jurisdiction: process.env.GONGKAI_JURISDICTION } : {}),
  });
  const where = databaseUrl ? 'PostgreSQL' : dataDir;
  process.stdout.write(
    `工作台已启动：${served.url}/api/docs（数据：${where}）\nWorkspace running at ${served.url}/api/docs (data: ${where})\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.stdout.write(`\n正在关闭… · shutting down (${signal})\n`);
      served.close().then(resolve, (e: unknown) => {
        process.stderr.write(`关闭失败 · shutdown failed: ${String(e)}\n`);
        process.exitCode = 1;
        resolve();
      });
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

function program(): Command {
  const cmd = new Command('gongkai').description(
    '核对部门决算、预算与绩效自评公开文件 · checks Chinese budget disclosures',
  );
  const lang = new Option('--lang <lang>', 'zh | en').choices(['zh', 'en']).default('zh');
  const format = new Option('--format <format>', 'text | json').choices(['text', 'json']).default('text');
  cmd
    .command('check')
    .description('核对文件或文件夹中的每一份文件 · check files or folders')
    .argument('<paths...>')
    .addOption(format)
    .addOption(lang)
    .option('--prior <paths...>', '上年度同一单位的文件 · the previous year’s document(s)')
    .option(
      '--against <paths...>',
      '核对绩效自评时对照的部门决算（同年或次年）· final accounts to check a self-evaluation against',
    )
    .option('--all', '列出全部提示 · list info-level notes too')
    .action(
      async (
        paths: string[],
        o: { format: 'text' | 'json'; lang: Lang; prior?: string[]; against?: string[]; all?: boolean },
      ) => {
        process.exitCode = await runCheck(paths, o);
      },
    );
  cmd
    .command('score')
    .description('按指标体系复核绩效自评得分 · score self-evaluations on their indicator system')
    .argument('<paths...>')
    .addOption(format)
    .addOption(lang)
    .option('--system <id>', '指定指标体系 · the indicator system to score on (rulesets/indicator-systems)')
    .action(async (paths: string[], o: { format: 'text' | 'json'; lang: Lang; system?: string }) => {
      process.exitCode = await runScore(paths, o);
    });
  cmd
    .command('compile')
    .description(
      '由数据集或官方 Excel 生成部门决算公开文件 · compile a disclosure from a dataset or workbook',
    )
    .argument('<input>', 'dataset.json | workbook.xlsx')
    .requiredOption('--out <dir>', '输出目录 · output folder')
    .option('--format <formats>', `${FORMAT_NAMES}`, 'docx,pdf,xlsx,html')
    .option('--force', '核对未通过也生成（标注未经核对）· generate despite errors, stamped as unchecked')
    .addOption(lang)
    .action(async (input: string, o: { out: string; format: string; force?: boolean; lang: Lang }) => {
      process.exitCode = await runCompile(input, o);
    });
  cmd
    .command('template')
    .description('导出待填写的九张表 Excel 模板 · write the workbook template to fill in')
    .requiredOption('--out <file>', 'FILE.xlsx')
    .option('--org <name>', '单位名称 · organisation')
    .option('--year <year>', '年度 · fiscal year', (v) => Number(v))
    .action(async (o: { out: string; org?: string; year?: number }) => {
      writeFileSync(o.out, await createApp().templateWorkbook({ org: o.org, year: o.year }));
      process.stdout.write(`${o.out}\n`);
    });
  cmd
    .command('dataset')
    .description(
      '由已公开的部门决算生成数据集 · a dataset from a published 部门决算 (to regenerate or seed next year)',
    )
    .argument('<file>')
    .option('--out <file>', 'dataset.json (默认输出到标准输出 · stdout by default)')
    .action(async (file: string, o: { out?: string }) => {
      const { inputs, missing } = split([readInput(file)]);
      const [input] = inputs;
      if (!input) {
        process.stderr.write(`${missing[0] && !missing[0].ok ? missing[0].error.message.zh : file}\n`);
        process.exitCode = EXIT_UNREADABLE;
        return;
      }
      try {
        const dataset = await createApp().datasetFrom(input);
        const json = JSON.stringify(dataset, null, 2) + '\n';
        if (o.out) writeFileSync(o.out, json);
        else process.stdout.write(json);
      } catch (e) {
        process.stderr.write(`无法生成数据集 · cannot build a dataset: ${(e as Error).message}\n`);
        process.exitCode = EXIT_UNREADABLE;
      }
    });
  cmd
    .command('extract')
    .description('只提取表格与叙述数字 · print the tables and narrative claims only')
    .argument('<file>')
    .addOption(new Option('--format <format>', 'json').choices(['json']).default('json'))
    .action(async (file: string) => {
      const app = createApp();
      const { inputs, missing } = split([readInput(file)]);
      const [r] = [...(await app.check(inputs)), ...missing];
      if (!r?.ok) {
        process.stderr.write(`${r?.error.message.zh ?? ''} / ${r?.error.message.en ?? ''}\n`);
        process.exitCode = EXIT_UNREADABLE;
        return;
      }
      const out = {
        path: r.path,
        kind: r.kind,
        org: r.org,
        fiscalYear: r.fiscalYear,
        tables: r.tables.map(tableJson),
        claims: r.claims.map(claimJson),
      };
      process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    });
  cmd
    .command('serve')
    .description(
      '启动工作台（HTTP API 与核对任务）· start the workspace (HTTP API and check jobs); PORT, DATABASE_URL, GONGKAI_DATA_DIR',
    )
    .action(async () => {
      await runServe();
    });
  cmd
    .command('demo')
    .description('核对随附的示例文件 · check the bundled demo document')
    .addOption(lang)
    .action(async (o: { lang: Lang }) => {
      process.stdout.write(
        o.lang === 'zh'
          ? '示例：核对随附的一份虚构部门决算（数字取自公开文件，含一处故意的错误）\n\n'
          : 'Demo: checking a bundled fictitious final-accounts document (with one deliberate error)\n\n',
      );
      await runCheck([DEMO_DOCUMENT], { format: 'text', lang: o.lang });
      // The demo's deliberate error is the point of the demo, not a failure of `npm start`.
      process.exitCode = 0;
    });
  return cmd;
}

await program().parseAsync(process.argv);
