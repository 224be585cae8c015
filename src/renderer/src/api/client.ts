/**
 * The typed client over window.api. Components and stores call `call()`; nothing else in the
 * renderer touches window.api.
 */
import type { AppEvents, CallInput, CallName, CallOutput, EventName } from '@shared/contract';
import { AppError, type ErrorInfo, type Result } from '@shared/errors';

function api(): Window['api'] {
  const a = (globalThis as unknown as { api?: Window['api'] }).api;
  if (!a || typeof a.invoke !== 'function') {
    throw new AppError('INTERNAL', 'Không kết nối được với phần lõi của ứng dụng. Hãy khởi động lại phần mềm.');
  }
  return a;
}

function isErrorInfo(x: unknown): x is ErrorInfo {
  return !!x && typeof x === 'object' && typeof (x as ErrorInfo).code === 'string' && typeof (x as ErrorInfo).message === 'string';
}

/** Calls a named handler; resolves with its value or throws an AppError with a Vietnamese message. */
export async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  let result: Result<unknown>;
  try {
    result = await api().invoke(name, input);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('INTERNAL', 'Không gửi được yêu cầu tới phần lõi của ứng dụng.', [String((e as Error)?.message ?? e)]);
  }
  if (!result || typeof result !== 'object' || typeof (result as { ok?: unknown }).ok !== 'boolean') {
    throw new AppError('INTERNAL', 'Phần lõi trả về dữ liệu không hợp lệ.');
  }
  if (result.ok) return result.value as CallOutput<K>;
  const err = isErrorInfo(result.error) ? result.error : { code: 'INTERNAL' as const, message: 'Lỗi không xác định.' };
  throw new AppError(err.code, err.message, err.details);
}

/** Listens to an event pushed by the core; returns the function that stops listening. */
export function onEvent<E extends EventName>(event: E, listener: (payload: AppEvents[E]) => void): () => void {
  const a = (globalThis as unknown as { api?: Window['api'] }).api;
  if (!a || typeof a.on !== 'function') return () => {};
  return a.on(event, (payload) => listener(payload as AppEvents[E]));
}

/** Letters only Vietnamese text has: an engine's English message never contains them. */
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;

/** Turns anything thrown into an AppError, so the UI has a code, a message and details. */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (isErrorInfo(e)) return new AppError(e.code, e.message, e.details);
  // A sentence the renderer itself threw for the clerk ("Chưa lưu được bản nháp…") is shown as it is.
  if (e instanceof Error && VIETNAMESE.test(e.message)) return new AppError('VALIDATION', e.message);
  return new AppError('INTERNAL', 'Đã xảy ra lỗi không mong muốn.', e instanceof Error ? [e.message] : undefined);
}
