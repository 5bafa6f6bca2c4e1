/**
 * Why a reader could not turn bytes into a RawDocument. The code is for programs; the two messages are for
 * the person who uploaded the file (Chinese first, since the documents are Chinese).
 */

export type ReadErrorCode = 'encrypted' | 'corrupt' | 'empty' | 'unsupported' | 'too-large';

const MESSAGES: Record<ReadErrorCode, { zh: string; en: string }> = {
  encrypted: {
    zh: '文件已加密（设有打开密码），无法读取；请上传未加密的版本。',
    en: 'The file is password-protected and cannot be read; upload an unencrypted copy.',
  },
  corrupt: {
    zh: '文件已损坏或不完整（可能下载中断），无法解析。',
    en: 'The file is damaged or incomplete (perhaps an interrupted download) and cannot be parsed.',
  },
  empty: {
    zh: '文件为空（0 字节）。',
    en: 'The file is empty (0 bytes).',
  },
  unsupported: {
    zh: '文件格式不受支持或无法识别（可读取 PDF、DOCX、TXT、Markdown）。',
    en: 'The file format is not supported or not recognised (PDF, DOCX, TXT and Markdown can be read).',
  },
  'too-large': {
    zh: '文件超出可处理的大小上限。',
    en: 'The file exceeds the size limit for processing.',
  },
};

export class ReadError extends Error {
  override readonly name = 'ReadError';
  readonly code: ReadErrorCode;
  readonly messageZh: string;
  readonly messageEn: string;

  /** `detail` (English, technical) is appended to both messages, e.g. the limit that was exceeded. */
  constructor(code: ReadErrorCode, detail?: string, options?: { cause?: unknown }) {
    const { zh, en } = MESSAGES[code];
    const suffix = detail ? ` (${detail})` : '';
    super(`${en}${suffix} / ${zh}`, options);
    this.code = code;
    this.messageZh = `${zh}${suffix}`;
    this.messageEn = `${en}${suffix}`;
  }
}
