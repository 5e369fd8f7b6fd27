/**
 * Every command of the app, gathered from the features that own them (features/<name>/commands.ts). Buttons, the
 * palette, the keyboard and main's native menu (`command` events carrying these ids) all run them.
 *
 * A feature adds a command in its own commands.ts — an object with an id, a label key (in both languages), its
 * shortcuts, `when` (true or the reason key) and `perform` — typed against what it needs: the core, plus its own
 * object (`CommandContext & { review: Review }`). A new feature's list is spread in here, and its object added to
 * AppContext (built in ./createApp.ts).
 */
import type { Command } from '../lib/commands.ts';
import type { CommandContext } from '../lib/core/guards.ts';
import { COMMENTS_COMMANDS, type Comments } from '../features/comments/index.ts';
import { FIND_COMMANDS, type Find } from '../features/find/index.ts';
import { HISTORY_COMMANDS, type History } from '../features/history/index.ts';
import { PROJECT_COMMANDS, type Projects } from '../features/import/index.ts';
import { ONBOARDING_COMMANDS } from '../features/onboarding/index.ts';
import { PALETTE_COMMANDS, type PaletteStore } from '../features/palette/index.ts';
import { PUBLICATION_COMMANDS, type Publication } from '../features/publication/index.ts';
import { QA_COMMANDS, type Qa } from '../features/qa/index.ts';
import { REVIEW_COMMANDS, type Review } from '../features/review/index.ts';
import { SETTINGS_COMMANDS } from '../features/settings/index.ts';
import { SOURCE_UPDATE_COMMANDS, type SourceUpdate } from '../features/source-update/index.ts';
import { TERMINOLOGY_COMMANDS, type Terminology } from '../features/terminology/index.ts';
import { WORKBENCH_COMMANDS, type Workbench } from '../features/workbench/index.ts';

/** What a command gets when it runs: the core and every feature's object. */
export interface AppContext extends CommandContext {
  workbench: Workbench;
  find: Find;
  qa: Qa;
  terminology: Terminology;
  review: Review;
  comments: Comments;
  history: History;
  publication: Publication;
  sourceUpdate: SourceUpdate;
  projects: Projects;
  palette: PaletteStore;
}

export const APP_COMMANDS: readonly Command<AppContext>[] = [
  ...WORKBENCH_COMMANDS,
  ...QA_COMMANDS,
  ...REVIEW_COMMANDS,
  ...FIND_COMMANDS,
  ...PROJECT_COMMANDS,
  ...ONBOARDING_COMMANDS,
  ...SETTINGS_COMMANDS,
  ...TERMINOLOGY_COMMANDS,
  ...HISTORY_COMMANDS,
  ...COMMENTS_COMMANDS,
  ...PUBLICATION_COMMANDS,
  ...SOURCE_UPDATE_COMMANDS,
  ...PALETTE_COMMANDS,
];
