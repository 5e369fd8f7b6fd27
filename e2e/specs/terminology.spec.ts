/**
 * Terminology and QA in the workbench: a deprecated term typed in the target is flagged in the
 * same frame as the keystroke, marked inside the target and listed under the editor with the preferred term as its
 * fix; an editor cannot approve it without a reason (override dialog), approves once it is fixed, or overrides with
 * a reason kept in the history. Terms are underlined in the source, inserted with Ctrl+n, added from two selections
 * with Ctrl+Shift+G then Enter; the whole-article QA panel jumps to a segment. Screenshots in English and French.
 */
import { existsSync, statSync } from 'node:fs';
import { expect, test } from '../fixtures.ts';
import { expectNoProblems } from '../harness/problems.ts';
import type { OnboardingDialog } from '../pages/onboarding.ts';
import { TerminologyPage } from '../pages/terminology.ts';
import type { WorkbenchPage } from '../pages/workbench.ts';

const FORBIDDEN = 'child pornography';
const PREFERRED = 'child sexual abuse material';
const DRAFT = `This is one of the first international operations against ${FORBIDDEN}`;

/** As a translator: type the deprecated term in the first segment, see it flagged at once, confirm. */
async function translateWithForbiddenTerm(workbench: WorkbenchPage, onboarding: OnboardingDialog, term: TerminologyPage): Promise<string> {
  await onboarding.signInAs('Claire Martin', 'translator');
  await workbench.openSample();
  const id = await workbench.activeSegmentId();
  await workbench.focusEditor();

  const frames = await term.typeAndWatch(DRAFT, 'glossary.forbidden');
  // Visible right after the keystroke…
  await expect(term.finding('glossary.forbidden')).toBeVisible();
  // …and already in the DOM at the first animation frame after the input event that completed the term.
  const completed = frames.find((f) => f.value.endsWith(FORBIDDEN));
  expect(completed, 'an input event ended with the forbidden term').toBeDefined();
  expect(completed!.found).toBe(true);
  // …and marked inside the target in that same frame, over exactly the deprecated words.
  expect(completed!.marks).toEqual([FORBIDDEN]);
  // Nothing is flagged before the deprecated words are there ("child porn" is deprecated too).
  expect(frames.filter((f) => !f.value.includes('child porn')).every((f) => !f.found)).toBe(true);
  expect(frames.filter((f) => !f.value.includes('child porn')).every((f) => f.marks.length === 0)).toBe(true);

  const finding = term.finding('glossary.forbidden');
  await expect(finding).toHaveAttribute('data-severity', 'error');
  await expect(finding.getByTestId('qa-excerpt')).toHaveText(FORBIDDEN);
  await expect(term.targetMark('glossary.forbidden')).toHaveText(FORBIDDEN);
  await expect(term.targetMark('glossary.forbidden')).toHaveAttribute('data-severity', 'error');
  await expect(term.fixOf('glossary.forbidden')).toContainText(PREFERRED);

  await workbench.confirmWithKeyboard();
  await workbench.expectStatus(id, 'translated');
  // A translator never sees the approval gate.
  await expect(workbench.action('approve')).toBeDisabled();
  return id;
}

async function becomeEditor(workbench: WorkbenchPage, onboarding: OnboardingDialog, id: string): Promise<void> {
  await workbench.switchUserButton.click();
  await onboarding.signInAs('Marc Dubois', 'editor');
  await workbench.select(id);
  await expect(workbench.editor).toHaveValue(DRAFT);
}

async function expectApprovalRefusedWithoutReason(workbench: WorkbenchPage, term: TerminologyPage, id: string): Promise<void> {
  await workbench.page.keyboard.press('Control+Shift+A');
  await expect(term.overrideDialog).toBeVisible();
  await expect(term.overrideDialog).toContainText('Forbidden term');
  await expect(term.overrideSubmit).toBeDisabled();
  await term.overrideReason.fill('   ');
  await expect(term.overrideSubmit).toBeDisabled();
  await workbench.page.keyboard.press('Escape');
  await term.expectNoOverrideDialog();
  await workbench.expectStatus(id, 'translated');
}

test('a forbidden term is flagged live; the editor fixes it with the suggestion, then approves', async ({ app, onboarding, workbench }) => {
  const term = new TerminologyPage(app);
  const id = await translateWithForbiddenTerm(workbench, onboarding, term);
  await becomeEditor(workbench, onboarding, id);
  await expectApprovalRefusedWithoutReason(workbench, term, id);

  await term.fixOf('glossary.forbidden').click();
  await expect(workbench.editor).toHaveValue(`This is one of the first international operations against ${PREFERRED}`);
  await expect(term.finding('glossary.forbidden')).toHaveCount(0);
  await expect(term.targetMark('glossary.forbidden')).toHaveCount(0);
  await expect(workbench.editor).toBeFocused();

  await workbench.page.keyboard.press('Control+Shift+A');
  await workbench.expectStatus(id, 'approved');
  await term.expectNoOverrideDialog();
  const history = await term.history(id);
  expect(history.some((h) => h.origin === 'qa-fix' && h.text.includes(PREFERRED))).toBe(true);
  expect(history.every((h) => !h.qaOverride)).toBe(true);
  expectNoProblems(app);
});

test('an editor overrides the QA error with a reason, kept in the history', async ({ app, onboarding, workbench }) => {
  const term = new TerminologyPage(app);
  const id = await translateWithForbiddenTerm(workbench, onboarding, term);
  await becomeEditor(workbench, onboarding, id);
  await expectApprovalRefusedWithoutReason(workbench, term, id);

  await workbench.action('approve').click();
  await expect(term.overrideDialog).toBeVisible();
  const reason = 'Quoted from the Europol statement';
  await term.overrideReason.fill(reason);
  await expect(term.overrideSubmit).toBeEnabled();
  await term.overrideSubmit.click();
  await term.expectNoOverrideDialog();
  await workbench.expectStatus(id, 'approved');
  const history = await term.history(id);
  expect(history.find((h) => h.status === 'approved')?.qaOverride).toBe(reason);
  expectNoProblems(app);
});

test('terms are underlined, inserted with Ctrl+1, added from two selections; the QA panel jumps to a segment', async ({ app, onboarding, workbench }, testInfo) => {
  const term = new TerminologyPage(app);
  await onboarding.signInAs('Claire Martin', 'translator');
  await workbench.openSample();
  const first = await workbench.activeSegmentId();

  // The second segment's source has "contenus pédopornographiques": underlined, with its approved and forbidden terms.
  await workbench.nextWithKeyboard();
  const second = await workbench.activeSegmentId();
  expect(second).not.toBe(first);
  const underline = term.underlines(workbench.source(second)).filter({ hasText: 'contenus pédopornographiques' });
  await expect(underline).toHaveCount(1);
  await expect(underline).toHaveAttribute('data-kind', 'term');
  const tip = await underline.getAttribute('title');
  expect(tip).toContain(`Use: ${PREFERRED}`);
  expect(tip).toContain(FORBIDDEN);

  // The term panel numbers the approved terms; Ctrl+1 inserts the first at the caret.
  await expect(term.termOption(1)).toContainText(PREFERRED);
  await expect(workbench.editor).toBeFocused();
  await workbench.page.keyboard.type('At least 25 people were arrested for sharing AI-generated ');
  const missingCsam = term.finding('glossary.missing').filter({ hasText: 'contenus pédopornographiques' });
  await expect(missingCsam).toHaveCount(1);
  await workbench.page.keyboard.press('Control+1');
  await expect(workbench.editor).toHaveValue(`At least 25 people were arrested for sharing AI-generated ${PREFERRED}`);
  await workbench.page.keyboard.type(' online.');
  await expect(workbench.editor).toHaveValue(`At least 25 people were arrested for sharing AI-generated ${PREFERRED} online.`);
  await expect(missingCsam).toHaveCount(0);

  // Add a term: a source selection, a target selection, Ctrl+Shift+G, Enter.
  await term.selectInSource(workbench.source(second), 'diffusion en ligne');
  await term.selectInEditor('sharing');
  await workbench.page.keyboard.press('Control+Shift+G');
  await expect(term.addTermDialog).toBeVisible();
  await expect(workbench.page.getByTestId('add-term-fr')).toHaveValue('diffusion en ligne');
  await expect(workbench.page.getByTestId('add-term-en')).toHaveValue('sharing');
  await workbench.page.keyboard.press('Enter');
  await expect(term.addTermDialog).toBeHidden();
  await expect(term.underlines(workbench.source(second)).filter({ hasText: 'diffusion en ligne' })).toHaveCount(1);
  await expect(term.termPanel).toContainText('diffusion en ligne');

  // The QA panel of the whole article: Ctrl+Shift+Q, then a finding jumps to its segment.
  await workbench.confirmWithKeyboard();
  await term.toggleQaPanel();
  await expect(term.qaPanel).toBeVisible();
  await expect(term.qaPanelItems.first()).toBeVisible();
  await workbench.page.getByTestId('qa-filter-rule').selectOption('target.empty');
  const item = term.qaPanelItems.first();
  const target = await item.getAttribute('data-segment-id');
  await item.focus();
  await workbench.page.keyboard.press('Enter');
  await expect(workbench.row(target!)).toHaveAttribute('data-active', 'true');

  // Screenshots: a live finding under the editor, the term panel and the QA panel.
  await workbench.select(first);
  await workbench.focusEditor();
  await workbench.page.keyboard.type(`Operation against ${FORBIDDEN}`);
  await expect(term.finding('glossary.forbidden')).toBeVisible();
  await workbench.page.getByTestId('qa-filter-rule').selectOption('all');
  const en = await app.screenshot('terminology-en', testInfo);
  await workbench.setLanguage('fr');
  await expect(term.fixOf('glossary.forbidden')).toContainText('Remplacer par');
  const fr = await app.screenshot('terminology-fr', testInfo);
  for (const f of [en, fr]) {
    expect(existsSync(f)).toBe(true);
    expect(statSync(f).size).toBeGreaterThan(20_000);
  }
  expectNoProblems(app);
});
