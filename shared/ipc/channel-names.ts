/**
 * The names of the IPC channels, alone: what the preload needs to expose one function per channel without loading
 * the schemas (and zod). schemas.ts checks at compile time that this list and its schemas name the same channels.
 */
export const CHANNEL_NAMES = [
  // review
  'getHistory',
  'restoreRevision',
  'getTrackedChanges',
  'acceptChanges',
  'rejectChanges',
  'unlockSegment',
  'addComment',
  'resolveComment',
  'reopenComment',
  'listComments',
  'markSeen',
  'changedSinceLastLook',
  'getPublicationStatus',
  'updateSource',
  'listArchived',
  'exportReview',
  'exportArticle',
  // terminology and QA
  'getGlossaries',
  'listQaRules',
  'setQaRuleEnabled',
  'addGlossaryEntry',
  // spelling and house style
  'getSpellingState',
  'checkSpelling',
  'suggestSpelling',
  'setProjectVariant',
  'setDeskVariant',
  'addSpellingWord',
  'removeSpellingWord',
  'exportSpellingWords',
  'importSpellingWords',
  'setQaRuleSetting',
  // settings and projects
  'getAppState',
  'setUser',
  'setLanguage',
  'listRecent',
  'openSample',
  'openProject',
  'importDroppedFile',
  'showOpenDialog',
  'pickFile',
  'showSaveDialog',
  'closeProject',
  // translating
  'saveDraft',
  'commitSegment',
  'setStatus',
  'splitSegment',
  'mergeSegments',
  'setBlockTranslatable',
  'getStats',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];
