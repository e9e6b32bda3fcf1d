/**
 * The one error type services throw for anything a client can cause or fix.
 * Each module declares its codes with `defineErrors` in `<context>.errors.ts`;
 * every declared code is collected here so the OpenAPI document can list them.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface ErrorDef {
  status: number;
  /** Chinese, shown to users. */
  message: string;
}

const registry = new Map<string, ErrorDef>();

/** Every code declared anywhere, for the OpenAPI document. */
export function allErrorCodes(): Record<string, ErrorDef> {
  return Object.fromEntries([...registry.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Declares a module's error codes once and returns a factory per code:
 * `throw OrderErrors.ORDER_INSUFFICIENT_STOCK({ skuId })`.
 */
export function defineErrors<T extends Record<string, ErrorDef>>(
  defs: T,
): { [K in keyof T]: (details?: Record<string, unknown>, message?: string) => AppError } {
  const out = {} as { [K in keyof T]: (details?: Record<string, unknown>, message?: string) => AppError };
  for (const [code, def] of Object.entries(defs)) {
    const known = registry.get(code);
    if (known && (known.status !== def.status || known.message !== def.message)) {
      throw new Error(`error code ${code} declared twice with different meaning`);
    }
    registry.set(code, def);
    out[code as keyof T] = (details, message) =>
      new AppError(code, message ?? def.message, def.status, details);
  }
  return out;
}

export const CommonErrors = defineErrors({
  VALIDATION_FAILED: { status: 400, message: '请求参数有误' },
  BAD_REQUEST: { status: 400, message: '请求无法处理' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  FORBIDDEN: { status: 403, message: '没有权限执行此操作' },
  NOT_FOUND: { status: 404, message: '资源不存在' },
  METHOD_NOT_ALLOWED: { status: 405, message: '不支持的请求方法' },
  NOT_ACCEPTABLE: { status: 406, message: '无法提供所请求的内容格式' },
  REQUEST_TIMEOUT: { status: 408, message: '请求超时，请重试' },
  CONFLICT: { status: 409, message: '数据已被修改，请刷新后重试' },
  IDEMPOTENCY_KEY_REUSED: { status: 409, message: '重复的请求标识，但请求内容不同' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '请求内容过大' },
  URI_TOO_LONG: { status: 414, message: '请求地址过长' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的内容类型' },
  /** Also declared by the catalog (same meaning); the edge answers malformed multipart with it. */
  UPLOAD_INVALID: { status: 400, message: '请上传 JPG、PNG、WebP 或 GIF 图片' },
  TOO_MANY_REQUESTS: { status: 429, message: '操作太频繁，请稍后再试' },
  EXPORT_TOO_LARGE: { status: 422, message: '导出的数据超过上限，请缩小筛选范围（如按日期）后分批导出' },
  HEADERS_TOO_LARGE: { status: 431, message: '请求头过大' },
  INTERNAL: { status: 500, message: '系统繁忙，请稍后再试' },
  SERVICE_UNAVAILABLE: { status: 503, message: '服务暂不可用' },
});
