import type { JobOutcome, Workspace } from './workspace.ts';

export interface Worker {
  /** Runs the queue now rather than at the next tick (after an upload). */
  wake(): void;
  /** Stops after the job in hand, if any; resolves once the loop has ended. */
  stop(): Promise<void>;
}

export interface WorkerOptions {
  /** Pause between polls of an empty queue (default 1000 ms). */
  intervalMs?: number;
  onJob?: (outcome: JobOutcome) => void;
  onError?: (error: unknown) => void;
}

/**
 * The background loop that runs check jobs one at a time. It first puts back jobs a crash left running, so
 * an interrupted check resumes.
 */
export async function startWorker(
  workspace: Pick<Workspace, 'runNextJob' | 'recover'>,
  options: WorkerOptions = {},
): Promise<Worker> {
  const intervalMs = options.intervalMs ?? 1000;
  await workspace.recover();
  let stopped = false;
  let wakeUp: (() => void) | undefined;
  const sleep = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, intervalMs);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = (async () => {
    while (!stopped) {
      try {
        const outcome = await workspace.runNextJob();
        if (outcome.ran) {
          options.onJob?.(outcome);
          continue;
        }
      } catch (e) {
        // The store itself failed (e.g. the database went away): wait and try again.
        options.onError?.(e);
      }
      if (!stopped) await sleep();
    }
  })();

  return {
    wake: () => wakeUp?.(),
    stop: async () => {
      stopped = true;
      wakeUp?.();
      await loop;
    },
  };
}
