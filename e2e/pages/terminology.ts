import { expect, type Locator, type Page } from '@playwright/test';
import type { AppDriver } from '../harness/driver.ts';

/**
 * Terminology and QA in the workbench: live findings under the editor, term underlines in the source, the term
 * panel, the whole-article QA panel, the override dialog of the approval gate and the add-term dialog.
 */
export class TerminologyPage {
  constructor(private readonly app: AppDriver) {}

  get page(): Page {
    return this.app.page;
  }
  private id(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  // ——— live QA under the editor ———
  get liveFindings(): Locator {
    return this.id('qa-findings');
  }
  finding(rule: string): Locator {
    return this.liveFindings.locator(`[data-testid="qa-finding"][data-rule="${rule}"]`);
  }
  fixOf(rule: string): Locator {
    return this.finding(rule).getByTestId('qa-fix');
  }
  /** The marks of a rule in the active editor's mirror (live QA inside the target). */
  targetMark(rule: string): Locator {
    return this.id('target-marks').locator(`[data-testid="target-mark"][data-rule="${rule}"]`);
  }

  /**
   * Types `text` in the focused editor and records, for every input event whose text is still there at the next animation frame, whether a finding of `rule` was in the
   * DOM when the next animation frame started (i.e. before that keystroke's frame was painted), and the texts of the marks of `rule` in the editor's mirror then.
   */
  async typeAndWatch(text: string, rule: string): Promise<{ value: string; found: boolean; marks: string[] }[]> {
    await this.page.evaluate((r) => {
      const w = window as unknown as { __qaFrames: { value: string; found: boolean; marks: string[] }[] };
      w.__qaFrames = [];
      document.addEventListener('input', (e) => {
        const el = e.target as HTMLTextAreaElement;
        const value = el.value;
        requestAnimationFrame(() => {
          // Only frames that still show this keystroke's text (a faster typist may get two inputs in one frame).
          if (el.value !== value) return;
          const marks = Array.from(document.querySelectorAll(`[data-testid="target-marks"] [data-testid="target-mark"][data-rule="${r}"]`), (m) => m.textContent ?? '');
          w.__qaFrames.push({ value, found: document.querySelector(`[data-testid="qa-finding"][data-rule="${r}"]`) !== null, marks });
        });
      }, true);
    }, rule);
    await this.page.keyboard.type(text);
    // Let the frames of the last keystrokes run before reading what they saw.
    return this.page.evaluate(() => new Promise<{ value: string; found: boolean; marks: string[] }[]>((resolve) => {
      requestAnimationFrame(() => requestAnimationFrame(() => resolve((window as unknown as { __qaFrames: { value: string; found: boolean; marks: string[] }[] }).__qaFrames)));
    }));
  }

  // ——— terms ———
  underlines(sourceCell: Locator): Locator {
    return sourceCell.getByTestId('term-underline');
  }
  get termPanel(): Locator {
    return this.id('term-panel');
  }
  termOption(index: number): Locator {
    return this.termPanel.locator(`[data-testid="term-option"][data-index="${index}"]`);
  }
  /** Selects `text` inside a source cell with the mouse-free DOM API (as a user's drag would). */
  async selectInSource(sourceCell: Locator, text: string): Promise<void> {
    await sourceCell.locator('.source-text').evaluate((el, t) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const full = nodes.map((n) => n.data).join('');
      const at = full.indexOf(t);
      if (at < 0) throw new Error(`"${t}" is not in the source`);
      const locate = (offset: number): [Text, number] => {
        let seen = 0;
        for (const n of nodes) {
          if (offset <= seen + n.data.length) return [n, offset - seen];
          seen += n.data.length;
        }
        throw new Error('offset out of range');
      };
      const [sn, so] = locate(at);
      const [en, eo] = locate(at + t.length);
      document.getSelection()!.setBaseAndExtent(sn, so, en, eo);
    }, text);
  }
  /** Selects `text` in the active editor (focus stays there). */
  async selectInEditor(text: string): Promise<void> {
    const editor = this.id('target-editor');
    await editor.evaluate((el, t) => {
      const ta = el as HTMLTextAreaElement;
      const at = ta.value.indexOf(t);
      if (at < 0) throw new Error(`"${t}" is not in the editor`);
      ta.focus();
      ta.setSelectionRange(at, at + t.length);
    }, text);
  }

  // ——— whole-article QA ———
  get qaPanel(): Locator {
    return this.id('qa-panel');
  }
  get qaPanelItems(): Locator {
    return this.id('qa-panel-item');
  }
  async toggleQaPanel(): Promise<void> {
    await this.page.keyboard.press('Control+Shift+Q');
  }

  // ——— dialogs ———
  get overrideDialog(): Locator {
    return this.id('override-dialog');
  }
  get overrideReason(): Locator {
    return this.id('override-reason');
  }
  get overrideSubmit(): Locator {
    return this.id('override-submit');
  }
  get addTermDialog(): Locator {
    return this.id('add-term-dialog');
  }

  /** The revisions of a segment as the services store them (through window.relais). */
  async history(segmentId: string): Promise<{ status: string; origin: string; qaOverride: string | null; text: string }[]> {
    const env = await this.page.evaluate((id) => (window as unknown as { relais: { getHistory(id: string): Promise<unknown> } }).relais.getHistory(id), segmentId);
    const e = env as { ok: boolean; value?: { status: string; origin: string; qaOverride: string | null; text: string }[]; error?: { message: string } };
    if (!e.ok || !e.value) throw new Error(`getHistory failed: ${e.error?.message}`);
    return e.value;
  }

  async expectNoOverrideDialog(): Promise<void> {
    await expect(this.overrideDialog).toBeHidden();
  }
}
