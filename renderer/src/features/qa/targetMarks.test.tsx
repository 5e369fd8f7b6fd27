// @vitest-environment jsdom
/**
 * How the target's text is cut into marked runs for the editor's mirror, from the real QA engine's findings and
 * from hand-made overlapping ones, and the mirror content following its store.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import { createQaEngine } from '../../../../shared/qa/index.ts';
import type { Finding } from '../../../../shared/qa/model.ts';
import { TEST_GLOSSARY } from '../../test/glossary.ts';
import { createLiveQaStore, EMPTY_LIVE_QA, markTree, TargetMarks, type MarkNode } from './index.ts';

afterEach(cleanup);

const engine = createQaEngine({ glossaries: [TEST_GLOSSARY] });
const SOURCE = 'Des contenus pédopornographiques, selon Europol.';
const check = (target: string) => engine.checkSegment({ id: 's1', source: SOURCE, target });
const finding = (rule: string, severity: 'error' | 'warning', start: number, end: number, side: 'source' | 'target' = 'target'): Finding => ({ segment: 's1', rule, severity, message: rule, range: { start, end, side } });

/** The tree as [text, rule, children] for reading. */
type Shape = [string, string | null, Shape[]];
const shape = (text: string, nodes: MarkNode[]): Shape[] => nodes.map((n) => [text.slice(n.start, n.end), n.finding?.rule ?? null, shape(text, n.children)]);

describe('markTree', () => {
  it('marks exactly the engine’s range, with é, ’ and U+00A0 before it and the term at the very end', () => {
    const target = 'L’été\u00a0: Europol et la child pornography';
    const nodes = markTree(target, check(target));
    expect(nodes.map((n) => target.slice(n.start, n.end)).join('')).toBe(target);
    const marked = nodes.filter((n) => n.finding?.rule === 'glossary.forbidden');
    expect(marked).toHaveLength(1);
    expect(target.slice(marked[0]!.start, marked[0]!.end)).toBe('child pornography');
    expect(marked[0]!.end).toBe(target.length);
    // The missing end punctuation is flagged on the last letter: a mark inside the term's, not a cut in it.
    expect(shape(target, marked[0]!.children)).toEqual([['child pornograph', null, []], ['y', 'punctuation.end', []]]);
  });

  it('nests a finding inside another and cuts one that crosses the end of another', () => {
    const text = 'abcdefghij';
    expect(shape(text, markTree(text, [finding('spaces.double', 'warning', 2, 6), finding('glossary.forbidden', 'error', 4, 8)]))).toEqual([
      ['ab', null, []],
      ['cdef', 'spaces.double', [['cd', null, []], ['ef', 'glossary.forbidden', []]]],
      ['gh', 'glossary.forbidden', []],
      ['ij', null, []],
    ]);
    // Same range: the error outside.
    expect(shape(text, markTree(text, [finding('w', 'warning', 0, 3), finding('e', 'error', 0, 3)]))).toEqual([
      ['abc', 'e', [['abc', 'w', []]]],
      ['defghij', null, []],
    ]);
  });

  it('ignores source ranges, empty ranges and ranges past the text', () => {
    const text = 'short';
    expect(markTree(text, [finding('glossary.missing', 'error', 0, 3, 'source'), finding('x', 'error', 2, 2), finding('y', 'error', 3, 9)]))
      .toEqual([{ start: 0, end: 5, finding: null, children: [] }]);
    expect(markTree('', [])).toEqual([]);
  });
});

describe('TargetMarks', () => {
  it('marks only when the store’s findings are for this segment and this very text', () => {
    const target = 'Some child pornography.';
    const store = createLiveQaStore(EMPTY_LIVE_QA);
    const { container, rerender } = render(<div data-testid="m"><TargetMarks store={store} segmentId="s1" text={target} /></div>);
    expect(container.querySelectorAll('[data-testid="target-mark"]')).toHaveLength(0);
    act(() => store.setState({ segmentId: 's1', source: SOURCE, target, findings: check(target) }));
    const mark = container.querySelector<HTMLElement>('[data-testid="target-mark"][data-rule="glossary.forbidden"]')!;
    expect(mark.textContent).toBe('child pornography');
    expect(mark.dataset.severity).toBe('error');
    expect(mark.className).toContain('severity-error');
    expect(container.textContent).toBe(target);
    // Another text (findings not recomputed yet): no stale marks at the old offsets.
    rerender(<div data-testid="m"><TargetMarks store={store} segmentId="s1" text="Some text." /></div>);
    expect(container.querySelectorAll('[data-testid="target-mark"]')).toHaveLength(0);
    rerender(<div data-testid="m"><TargetMarks store={store} segmentId="s2" text={target} /></div>);
    expect(container.querySelectorAll('[data-testid="target-mark"]')).toHaveLength(0);
  });
});
