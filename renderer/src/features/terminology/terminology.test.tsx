// @vitest-environment jsdom
/**
 * Terms in the workbench: underlines in the source (approved vs discouraged, tooltip), the term panel with its
 * numbered options, inserting at the caret, and the "add a term" dialog. Terms come from the real term index.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createTermIndex } from '../../../../shared/glossary/index.ts';
import { createI18n } from '../../lib/i18n.ts';
import { AddTermDialog, conceptsOf, insertAt, sourceSelectionOf, TermPanel, TermText, termOptions, underlineSpans } from './index.ts';
import { TEST_GLOSSARY } from '../../test/glossary.ts';

afterEach(cleanup);

const index = createTermIndex([TEST_GLOSSARY]);
const SOURCE = 'La pédopornographie et les contenus pédopornographiques, selon Europol.';
const matches = index.recognize(SOURCE);

function wrap(node: React.ReactNode, lang: 'en' | 'fr' = 'en') {
  return render(<I18nextProvider i18n={createI18n(lang)}>{node}</I18nextProvider>);
}

describe('source underlines', () => {
  it('underlines each term, marks the discouraged one, keeps the text exactly', () => {
    const { container } = wrap(<span className="source-text"><TermText text={SOURCE} matches={matches} /></span>);
    expect(container.textContent).toBe(SOURCE);
    const u = screen.getAllByTestId('term-underline');
    expect(u.map((x) => [x.textContent, x.dataset.forbidden ?? null])).toEqual([
      ['pédopornographie', 'true'],
      ['contenus pédopornographiques', null],
      ['Europol', null],
    ]);
    expect(u.every((x) => x.dataset.kind === 'term')).toBe(true);
    expect(u[0]!.className).toContain('term-forbidden');
    expect(u[1]!.getAttribute('title')).toBe('Use: child sexual abuse material, CSAM\nAvoid: child pornography\nLuxembourg Guidelines (2016).');
    expect(u[0]!.getAttribute('title')!.split('\n')[0]).toBe('“pédopornographie” is discouraged in French');
  });

  it('drops overlapping matches and shows plain text when there is none', () => {
    const spans = underlineSpans([...matches, { ...matches[1]!, start: matches[1]!.start + 3 }]);
    expect(spans).toHaveLength(3);
    const { container } = wrap(<TermText text="Rien ici." matches={[]} />);
    expect(container.innerHTML).toBe('Rien ici.');
  });
});

describe('term panel', () => {
  it('numbers the approved English terms 1…9 and inserts the one clicked', async () => {
    const concepts = conceptsOf(matches);
    const options = termOptions(concepts);
    expect(options.map((o) => [o.index, o.text])).toEqual([[1, 'child sexual abuse material'], [2, 'CSAM'], [3, 'Europol']]);
    const onInsert = vi.fn();
    wrap(<TermPanel number={2} concepts={concepts} options={options} shortcutFor={(n) => `Ctrl+${n}`} onInsert={onInsert} addShortcut="Ctrl+Shift+G" />);
    const panel = screen.getByTestId('term-panel');
    expect(panel.textContent).toContain('Terms — segment 2');
    expect(panel.textContent).toContain('Avoid:');
    expect(panel.textContent).toContain('child pornography');
    const opts = screen.getAllByTestId('term-option');
    expect(opts.map((o) => o.dataset.index)).toEqual(['1', '2', '3']);
    expect(opts[0]!.getAttribute('title')).toBe('Insert “child sexual abuse material” (Ctrl+1)');
    await userEvent.setup().click(opts[1]!);
    expect(onInsert).toHaveBeenCalledWith(options[1]);
  });

  it('says when the segment has no term, in French too', () => {
    wrap(<TermPanel number={1} concepts={[]} options={[]} shortcutFor={() => ''} onInsert={() => undefined} addShortcut="Ctrl+Maj+G" />, 'fr');
    expect(screen.getByTestId('term-panel').textContent).toContain('Aucun terme du glossaire dans ce segment.');
  });

  it('inserts at the caret or over the selection, spacing words apart', () => {
    expect(insertAt('The spread of online', 14, 'child sexual abuse material')).toEqual({ text: 'The spread of child sexual abuse material online', caret: 41 });
    expect(insertAt('', 0, 'CSAM')).toEqual({ text: 'CSAM', caret: 4 });
    expect(insertAt('Some porn, said', 5, 'CSAM', 9).text).toBe('Some CSAM, said');
  });
});

describe('add a term', () => {
  it('is prefilled from both selections and Enter adds it', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    wrap(<AddTermDialog initialFr="coup de filet" initialEn="crackdown" onSubmit={onSubmit} onCancel={() => undefined} />);
    expect((screen.getByTestId('add-term-fr') as HTMLInputElement).value).toBe('coup de filet');
    expect((screen.getByTestId('add-term-en') as HTMLInputElement).value).toBe('crackdown');
    await user.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenCalledWith({ fr: 'coup de filet', en: 'crackdown' });
  });

  it('needs both terms; focus goes to the missing one', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    wrap(<AddTermDialog initialFr="coup de filet" initialEn="" onSubmit={onSubmit} onCancel={() => undefined} />);
    const en = screen.getByTestId('add-term-en');
    expect(en).toBe(document.activeElement);
    expect((screen.getByTestId('add-term-submit') as HTMLButtonElement).disabled).toBe(true);
    await user.keyboard('{Enter}');
    expect(onSubmit).not.toHaveBeenCalled();
    await user.keyboard(' sweep {Enter}');
    expect(onSubmit).toHaveBeenCalledWith({ fr: 'coup de filet', en: 'sweep' });
  });

  it('reads a selection made inside one source cell only', () => {
    document.body.innerHTML = '<div data-testid="segment-row" data-segment-id="s9"><span class="source-text">Le coup de filet</span></div><p id="out">ailleurs</p>';
    const text = document.querySelector('.source-text')!.firstChild!;
    const sel = document.getSelection()!;
    sel.setBaseAndExtent(text, 3, text, 16);
    expect(sourceSelectionOf(sel)).toEqual({ segmentId: 's9', text: 'coup de filet' });
    const out = document.getElementById('out')!.firstChild!;
    sel.setBaseAndExtent(out, 0, out, 4);
    expect(sourceSelectionOf(sel)).toBeNull();
  });
});
