/**
 * Machine pre-translation of segments, off by default: nothing leaves the machine unless a service is configured
 * (`config` null or undefined → `mt.notConfigured`, no request made). Services: DeepL API (with the desk glossary as
 * a DeepL glossary) and any LibreTranslate server. Results per segment, with the service named, to be written as
 * drafts with origin "machine-translation"; failures are results, never exceptions ("no connection" included).
 */
import { deeplTranslate, DEEPL_SERVICE } from './deepl.ts';
import { libreTranslate, libreTranslateService } from './libretranslate.ts';
import type { MtOptions, MtResult, MtSegment, MtServiceConfig } from './types.ts';

export type { MtServiceConfig, MtSegment, MtTranslation, MtResult, MtError, MtErrorCode, MtGlossaryUse, MtOptions } from './types.ts';
export { MT_ORIGIN } from './types.ts';
export { deeplGlossaryEntries, deeplBaseUrl } from './deepl.ts';

/** The name a configured service shows in the UI and in history (null: none configured). */
export function mtServiceName(config: MtServiceConfig | null | undefined): string | null {
  if (!config) return null;
  return config.kind === 'deepl' ? DEEPL_SERVICE : libreTranslateService(config.url);
}

export async function preTranslate(config: MtServiceConfig | null | undefined, segments: readonly MtSegment[], opts: MtOptions = {}): Promise<MtResult> {
  if (!config) {
    return { ok: false, service: null, error: { code: 'mt.notConfigured', message: 'No machine translation service is configured: nothing was sent.' }, translations: [] };
  }
  if (config.kind === 'deepl') {
    return deeplTranslate({ apiKey: config.apiKey, ...(config.targetLang ? { targetLang: config.targetLang } : {}), ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}) }, segments, opts);
  }
  return libreTranslate({ url: config.url, ...(config.apiKey ? { apiKey: config.apiKey } : {}) }, segments, opts);
}
