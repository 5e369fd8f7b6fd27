/** The `relais` commands, in the order `relais --help` lists them. Adding a command: one file + one line here. */
import type { Command } from '../types.ts';
import { alignCommand } from './align.ts';
import { exportCommand } from './export.ts';
import { historyCommand } from './history.ts';
import { importCommand } from './import.ts';
import { qaCommand } from './qa.ts';
import { reviewExportCommand } from './review-export.ts';
import { segmentCommand } from './segment.ts';
import { statsCommand } from './stats.ts';
import { updateSourceCommand } from './update-source.ts';

export const COMMANDS: readonly Command[] = [
  importCommand,
  segmentCommand,
  exportCommand,
  statsCommand,
  qaCommand,
  historyCommand,
  updateSourceCommand,
  reviewExportCommand,
  alignCommand,
];
