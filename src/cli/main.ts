import { Command, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import type { CheckInput, DocumentResult } from '#app/check-documents.ts';
import { presentCheck, claimJson, tableJson, type Lang } from '#app/present.ts';
import { createApp } from '#src/compose.ts';
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
