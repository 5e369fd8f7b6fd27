import type { Glossary } from '../../../shared/glossary/model.ts';

/**
 * Machine pre-translation: the configuration of a service, the segments sent, and what comes back.
 * Keys are never stored here: the caller (the app, with Electron safeStorage) passes the key with each call.
 */

export type MtServiceConfig =
  | {
      kind: 'deepl';
      /** DeepL authentication key; a key ending in ":fx" is an API Free key (api-free.deepl.com). */
      apiKey: string;
      /** English variant of the output (DeepL needs one): 'EN-GB' or 'EN-US'. Default 'EN-GB'. */
      targetLang?: 'EN-GB' | 'EN-US';
      /** Server address, for a proxy or the tests; default from the key (api.deepl.com or api-free.deepl.com). */
      baseUrl?: string;
    }
  | {
      kind: 'libretranslate';
      /** The LibreTranslate server, e.g. "https://translate.example.org" or "http://localhost:5000". */
      url: string;
      /** Only for servers that require one. */
      apiKey?: string;
    };

export interface MtSegment {
  /** The caller's id for the segment (returned unchanged). */
  id: string;
  /** French source text. */
  source: string;
}

/** Origin of a machine translation in a segment's history (the revision origin the store writes). */
export const MT_ORIGIN = 'machine-translation' as const;

export interface MtTranslation {
  id: string;
  source: string;
  /** English machine translation. */
  text: string;
  /** The service as named in history: "DeepL" or "LibreTranslate (translate.example.org)". */
  service: string;
  origin: typeof MT_ORIGIN;
}

export type MtErrorCode =
  /** No service configured: nothing was sent. */
  | 'mt.notConfigured'
  /** The server could not be reached (no network, DNS failure, refused connection, time-out). */
  | 'mt.noConnection'
  /** The key was refused (DeepL 403, LibreTranslate 403). */
  | 'mt.badKey'
  /** The account's character quota is used up (DeepL 456). */
  | 'mt.quota'
  /** Too many requests, still refused after the retries (429). */
  | 'mt.rateLimited'
  /** The language pair is not offered by this server. */
  | 'mt.unsupportedLanguage'
  /** The server refused the request (400, 413…). */
  | 'mt.badRequest'
  /** The server failed (5xx) after the retries. */
  | 'mt.server'
  /** The server answered something that is not the documented response. */
  | 'mt.badResponse'
  /** The configuration itself is unusable (no key, malformed address). */
  | 'mt.badConfig';

export interface MtError {
  code: MtErrorCode;
  /** English message for logs and the CLI; the UI translates by code. */
  message: string;
  /** HTTP status when the server answered. */
  status?: number;
  /** The server's own words, when it gave any. */
  detail?: string;
}

/** What the DeepL glossary step did. */
export interface MtGlossaryUse {
  /** True when the translations were made with the desk glossary. */
  used: boolean;
  /** Entries sent (French term → approved English term). */
  entries: number;
  /** Why it was not used: no entries, the language pair has no glossary support, or DeepL refused the glossary (detail). */
  reason?: 'empty' | 'unsupportedPair' | 'refused';
  detail?: string;
}

export type MtResult =
  | { ok: true; service: string; translations: MtTranslation[]; glossary: MtGlossaryUse | null; characters: number }
  /** On failure, `translations` holds the segments translated before the error (possibly none). */
  | { ok: false; service: string | null; error: MtError; translations: MtTranslation[] };

export interface MtOptions {
  /** Glossaries (project first, then desk): sent to DeepL as a glossary where the language pair allows. */
  glossaries?: readonly Glossary[];
  /** The fetch to use (default: the global one). */
  fetch?: typeof fetch;
  /** Per-request time limit, ms (default 30 s). */
  timeoutMs?: number;
  /** Retries of 429 and 5xx answers, with exponential back-off from `retryDelayMs` (default 3 retries, 500 ms). */
  retries?: number;
  retryDelayMs?: number;
  /** Cancels the whole run. */
  signal?: AbortSignal;
}
