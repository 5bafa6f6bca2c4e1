import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import type { LocalizedText } from '#domain/finding.ts';
import type { DocumentStatus } from '#app/ports.ts';
import { WorkspaceError, type DocumentJson, type Workspace } from '#app/workspace.ts';

export interface ServerOptions {
  workspace: Workspace;
  /** Pino logger options or instance; off by default (tests). */
  logger?: boolean | FastifyBaseLogger;
  /** Largest accepted file (default 200 MiB). */
  maxFileBytes?: number;
  /** Called after an upload stored files, so the worker need not wait for its next poll. */
  onUpload?: () => void;
}

const MIB = 1024 * 1024;
const DEFAULT_MAX_FILE_BYTES = 200 * MIB;
const STATUSES: DocumentStatus[] = ['received', 'checking', 'checked', 'failed'];

const CONTENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  text: 'text/plain; charset=utf-8',
};
const BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  docx: CONTENT_TYPES.docx ?? '',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

function contentType(format: string | null, fileName: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return (format && CONTENT_TYPES[format]) || BY_EXTENSION[ext] || 'application/octet-stream';
}

/** Errors leave the server as `{ error: { code, message: { zh, en } } }`, whatever raised them. */
function sendError(reply: FastifyReply, status: number, code: string, message: LocalizedText) {
  return reply.code(status).send({ error: { code, message } });
}

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1, description: '文件编号 · document id' } },
} as const;

/**
 * The workspace's HTTP API: thin routes that validate, call a use case and send its JSON. Every route
 * carries an OpenAPI description (served at /api/docs and /api/docs/openapi.json).
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { workspace } = options;
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const app = Fastify({
    logger: options.logger ?? false,
    // Room for the multipart framing around a file of the largest accepted size.
    bodyLimit: maxFileBytes + MIB,
    ajv: { customOptions: { coerceTypes: true, removeAdditional: false } },
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'gongkai 工作台 API · workspace API',
        description:
          '上传部门决算、预算与绩效自评文件，查看核对结果，审核问题，查看台账。错误均为 `{ error: { code, message: { zh, en } } }`。 · Upload disclosures, read their findings, review them, see the ledger. Errors are `{ error: { code, message: { zh, en } } }`.',
        version: '0.1.0',
      },
      tags: [
        { name: 'documents', description: '文件 · documents' },
        { name: 'reviews', description: '审核 · reviews' },
        { name: 'ledger', description: '台账 · ledger' },
        { name: 'system', description: '系统 · system' },
      ],
    },
  });
  await app.register(multipart, {
    limits: { fileSize: maxFileBytes, files: 1000, fields: 10 },
  });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof WorkspaceError)
      return sendError(reply, error.kind === 'not-found' ? 404 : 400, error.code, error.messages);
    const e = error as { code?: string; statusCode?: number; validation?: unknown; message?: string };
    if (e.code === 'FST_REQ_FILE_TOO_LARGE' || e.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return sendError(reply, 413, 'file-too-large', {
        zh: `文件超过大小上限 ${formatSize(maxFileBytes)}`,
        en: `a file exceeds the size limit of ${formatSize(maxFileBytes)}`,
      });
    if (e.validation || (e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500))
      return sendError(reply, e.statusCode === 415 ? 415 : 400, 'invalid-request', {
        zh: `请求无效：${e.message ?? ''}`,
        en: `invalid request: ${e.message ?? ''}`,
      });
    reply.log.error(error);
    return sendError(reply, 500, 'internal', { zh: '服务器内部错误', en: 'internal server error' });
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, 'no-such-route', {
      zh: `没有这个地址：${request.method} ${request.url}`,
      en: `no such route: ${request.method} ${request.url}`,
    }),
  );

  app.post(
    '/api/documents',
    {
      schema: {
        tags: ['documents'],
        summary: '上传文件（可多个）· upload one or many files',
        description:
          'multipart/form-data，每个文件一个部分；相同内容只存一次，每份新文件排队核对 · one part per file; the same bytes are stored once; each new document is queued for checking',
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      if (!request.isMultipart())
        return sendError(reply, 415, 'not-multipart', {
          zh: '请以 multipart/form-data 上传文件',
          en: 'upload files as multipart/form-data',
        });
      const documents: (DocumentJson & { created: boolean })[] = [];
      try {
        // One file at a time: each accepted file is stored before the next is read.
        for await (const part of request.files()) {
          const bytes = await part.toBuffer();
          const { document, created } = await workspace.uploadDocument(
            new Uint8Array(bytes),
            part.filename || 'upload',
          );
          documents.push({ ...document, created });
        }
      } finally {
        if (documents.length > 0) options.onUpload?.();
      }
      if (documents.length === 0)
        return sendError(reply, 400, 'no-files', { zh: '请求中没有文件', en: 'the request holds no files' });
      return reply.code(documents.some((d) => d.created) ? 201 : 200).send({ documents });
    },
  );

  app.get(
    '/api/documents',
    {
      schema: {
        tags: ['documents'],
        summary: '文件列表 · list documents',
        querystring: {
          type: 'object',
          properties: {
            org: { type: 'integer', description: '单位编号 · organisation id' },
            jurisdiction: { type: 'string', description: '辖区 · jurisdiction' },
            year: { type: 'integer', description: '年度 · fiscal year' },
            kind: { type: 'string', description: 'final-accounts | budget | self-evaluation | unknown' },
            status: { type: 'string', enum: STATUSES },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
        },
      },
    },
    async (request) => {
      const q = request.query as {
        org?: number;
        jurisdiction?: string;
        year?: number;
        kind?: string;
        status?: DocumentStatus;
        limit: number;
        offset: number;
      };
      const list = await workspace.listDocuments({
        ...(q.org !== undefined ? { organisationId: q.org } : {}),
        ...(q.jurisdiction !== undefined ? { jurisdiction: q.jurisdiction } : {}),
        ...(q.year !== undefined ? { fiscalYear: q.year } : {}),
        ...(q.kind !== undefined ? { kind: q.kind } : {}),
        ...(q.status !== undefined ? { status: q.status } : {}),
        limit: q.limit,
        offset: q.offset,
      });
      return { ...list, limit: q.limit, offset: q.offset };
    },
  );

  app.get(
    '/api/documents/:id',
    {
      schema: {
        tags: ['documents'],
        summary: '文件及其核对结果 · a document with its findings, evidence and reviews',
        params: idParams,
      },
    },
    async (request) => workspace.documentView((request.params as { id: number }).id),
  );

  app.get(
    '/api/documents/:id/content',
    {
      schema: {
        tags: ['documents'],
        summary: '提取的表格与叙述数字 · the extracted tables and narrative claims',
        params: idParams,
      },
    },
    async (request) => workspace.documentContent((request.params as { id: number }).id),
  );

  app.get(
    '/api/documents/:id/file',
    {
      schema: {
        tags: ['documents'],
        summary: '原始文件 · the stored file',
        params: idParams,
      },
    },
    async (request, reply) => {
      const file = await workspace.documentFile((request.params as { id: number }).id);
      return reply
        .header('content-type', contentType(file.format, file.fileName))
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(Buffer.from(file.bytes));
    },
  );

  app.post(
    '/api/documents/:id/findings/:key/reviews',
    {
      schema: {
        tags: ['reviews'],
        summary:
          '审核一个问题 · review a finding (confirm, dismiss with a reason, or send for rectification)',
        params: {
          type: 'object',
          required: ['id', 'key'],
          properties: {
            id: idParams.properties.id,
            key: { type: 'string', description: '问题键 · finding key' },
          },
        },
        body: {
          type: 'object',
          required: ['decision'],
          properties: {
            decision: { type: 'string', enum: ['confirm', 'dismiss', 'rectify'] },
            reason: { type: 'string', description: '驳回时必填 · required to dismiss' },
            comment: { type: 'string' },
            actor: { type: 'string', description: '审核人 · reviewer' },
          },
        },
      },
    },
    async (request, reply) => {
      const { id, key } = request.params as { id: number; key: string };
      const body = request.body as { decision: string; reason?: string; comment?: string; actor?: string };
      const review = await workspace.review(id, key, { ...body, actor: body.actor ?? 'anonymous' });
      return reply.code(201).send({ review });
    },
  );

  app.get(
    '/api/ledger',
    {
      schema: {
        tags: ['ledger'],
        summary: '台账：应公开、已收到、已核对、已审核 · the ledger: expected, received, checked, reviewed',
        querystring: {
          type: 'object',
          properties: { jurisdiction: { type: 'string', description: '辖区 · jurisdiction' } },
        },
      },
    },
    async (request) => workspace.ledgerView((request.query as { jurisdiction?: string }).jurisdiction),
  );

  app.get('/api/health', { schema: { tags: ['system'], summary: '健康检查 · health check' } }, () => ({
    status: 'ok',
  }));

  app.get('/api/docs/openapi.json', { schema: { hide: true } }, () => app.swagger());
  app.get('/api/docs', { schema: { hide: true } }, (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(docsPage(app)),
  );

  return app;
}

function formatSize(bytes: number): string {
  return bytes >= MIB ? `${Math.round((bytes / MIB) * 10) / 10} MiB` : `${bytes} B`;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** A plain page listing the routes of the OpenAPI description (no UI bundle, no CDN). */
function docsPage(app: FastifyInstance): string {
  const spec = app.swagger() as {
    info: { title: string; description?: string };
    paths?: Record<string, Record<string, { summary?: string }>>;
  };
  const rows = Object.entries(spec.paths ?? {}).flatMap(([path, ops]) =>
    Object.entries(ops).map(
      ([method, op]) =>
        `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escapeHtml(path)}</code></td><td>${escapeHtml(op.summary ?? '')}</td></tr>`,
    ),
  );
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(spec.info.title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}td{padding:.3rem .8rem;border-bottom:1px solid #ddd}</style>
</head><body><h1>${escapeHtml(spec.info.title)}</h1><p>${escapeHtml(spec.info.description ?? '')}</p>
<p><a href="/api/docs/openapi.json">OpenAPI JSON</a></p>
<table>${rows.join('\n')}</table></body></html>
`;
}
