import type { DisclosureDocument } from '#domain/document.ts';
import { scoreEvaluation } from '#score/engine.ts';
import type { IndicatorSystem } from '#score/system.schema.ts';
import { chooseSystem } from '#score/tree.ts';
import { isFailure, load, type CheckInput } from './check-documents.ts';
import type { DocumentReader, IndicatorSystemSource } from './ports.ts';
import type { ScoreItem } from './present-score.ts';

export interface ScoreDeps {
  reader: DocumentReader;
  systems: IndicatorSystemSource;
}

export interface ScoreRunOptions {
  /** Score on this system (its id) instead of the one chosen by scope, year and organisation. */
  systemId?: string;
  onProgress?: (done: number, total: number, path: string) => void;
}

/**
 * Reads, extracts and scores self-evaluation reports on their indicator system. A file that cannot be read,
 * is not a self-evaluation, or has no system that applies yields a per-file failure; the batch goes on.
 */
export async function scoreDocuments(
  inputs: readonly CheckInput[],
  deps: ScoreDeps,
  options: ScoreRunOptions = {},
): Promise<ScoreItem[]> {
  const systems = deps.systems.systems();
  const named = options.systemId ? systems.find((s) => s.id === options.systemId) : undefined;
  if (options.systemId && !named) {
    const known = systems.map((s) => s.id).join(', ');
    throw new Error(`unknown indicator system "${options.systemId}" (known: ${known})`);
  }
  const items: ScoreItem[] = [];
  let done = 0;
  for (const input of inputs) {
    const doc = await load(input, deps);
    items.push(isFailure(doc) ? { path: doc.path, error: doc.error } : scoreOne(doc, systems, named));
    options.onProgress?.(++done, inputs.length, input.path);
  }
  return items;
}

function scoreOne(
  doc: DisclosureDocument,
  systems: readonly IndicatorSystem[],
  named: IndicatorSystem | undefined,
): ScoreItem {
  const evaluation = doc.selfEvaluation;
  if (doc.kind !== 'self-evaluation' || !evaluation) {
    return {
      path: doc.path,
      error: {
        code: 'no-system',
        message: {
          zh: '不是绩效自评报告，无法按指标体系计分',
          en: 'not a performance self-evaluation; nothing to score',
        },
      },
    };
  }
  const system = named ?? chooseSystem(systems, evaluation, doc.org, doc.fiscalYear);
  if (!system) {
    const scope = evaluation.scope === 'department' ? '部门整体支出' : '项目支出';
    return {
      path: doc.path,
      error: {
        code: 'no-system',
        message: {
          zh: `没有适用于${doc.org ?? '该单位'}${doc.fiscalYear ?? ''}年度${scope}自评的指标体系；可用 --system 指定`,
          en: `no indicator system applies to this ${evaluation.scope} self-evaluation of ${doc.fiscalYear ?? 'unknown year'}; name one with --system`,
        },
      },
    };
  }
  return { path: doc.path, report: scoreEvaluation(evaluation, system) };
}
