/**
 * The application layer: every use case of Relais, for every transport.
 *
 *   Workspace        (workspace.ts)   settings and user, desk glossary, recent projects, opening / importing /
 *                                     creating projects (leases shared by the windows of one app)
 *   ProjectService   (project.ts)     every use case on one open project
 *   standalone.ts                     a project outside the app (the CLI): the app's desk glossary, read-only
 *   documents.ts                      files that are not projects: segmentation preview, XLIFF QA, draft alignment
 *
 * The IPC handler tables (electron/services/handlers.ts), the CLI (cli/) and the e2e harness call nothing else; the
 * desk server will call the same. Below it: the stores (electron/services/store, the only code that runs SQL), the
 * importers and exporters, and the pure domain code in shared/.
 */
export { Workspace, type WorkspaceHooks, type WorkspaceOptions } from './workspace.ts';
export { ProjectService, type CommitInput, type GlossaryFormat, type NewTermInput, type QaOverride, type StatusInput } from './project.ts';
export { deskGlossaryFile, importStandalone, openStandalone, standaloneDeskGlossary, userDataDir } from './standalone.ts';
export { alignDraftFiles, checkXliff, isProjectFile, previewSegments, readGlossaries, readWordLists, type SegmentListing } from './documents.ts';
export { isProjectPath, PROJECT_EXTENSION } from './project-files.ts';
