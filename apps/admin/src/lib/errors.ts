import type { FormInstance } from 'antd';
import { message } from 'antd';
import { ApiError } from '@cloudshelf/api-client';
import { S } from '../strings';

/** The API's Chinese message, with its code for support ("… (错误码 ORDER_NOT_FOUND)"). */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.code === 'NETWORK_ERROR') return S.errors.network;
    return `${e.message}（${S.common.errorCode} ${e.code}）`;
  }
  return e instanceof Error ? e.message : String(e);
}

export function showError(e: unknown): void {
  void message.error({ content: errorText(e), duration: 6 });
}

/**
 * Puts the API's field errors (`details.fields`: { field: [messages] }) next to the
 * form's fields; anything else is shown as a message. Returns true when fields were set.
 */
export function applyFieldErrors(form: FormInstance | undefined, e: unknown): boolean {
  const fields =
    e instanceof ApiError ? (e.details?.fields as Record<string, string[] | string> | undefined) : undefined;
  if (form && fields && Object.keys(fields).length) {
    const known = Object.entries(fields).filter(
      ([name]) => form.getFieldInstance?.(name) !== undefined || true,
    );
    form.setFields(
      known.map(([name, errs]) => ({
        name: name.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
        errors: Array.isArray(errs) ? errs : [String(errs)],
      })),
    );
    void message.error(errorText(e));
    return true;
  }
  showError(e);
  return false;
}
