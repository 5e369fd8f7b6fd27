import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/qa/model.ts';
import { createLiveSpelling, rebase } from './liveSpelling.ts';

const f = (start: number, end: number, term = ''): Finding => ({ segment: 's', rule: 'spelling.unknown', severity: 'warning', message: term, term, range: { start, end, side: 'target' } });

/** A fake checkSpelling: answers when told, flags every "xx" word, records what it was asked. */
function fakeCheck() {
  const asked: string[] = [];
  const waiting: (() => void)[] = [];
  const check = (_id: string, text: string) =>
    new Promise<Finding[]>((resolve) => {
      asked.push(text);
      waiting.push(() => resolve([...text.matchAll(/xx\w*/g)].map((m) => f(m.index, m.index + m[0].length, m[0]))));
    });
  const answer = async () => {
    waiting.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { check, asked, answer };
}

describe('rebase', () => {
  it('keeps findings before the edit, shifts those after it, drops those across it', () => {
    const from = 'xxa bad xxb';
    const to = 'xxa very bad xxb';
    const moved = rebase([f(0, 3), f(4, 7), f(8, 11)], from, to);
    expect(moved.map((x) => to.slice(x.range!.start, x.range!.end))).toEqual(['xxa', 'bad', 'xxb']);
    expect(rebase([f(4, 7)], 'xxa bad', 'xxa bxd').map((x) => x.range)).toEqual([]);
  });
});

describe('live spelling', () => {
  it('one request in flight, only the latest text sent next, older answers carried over to the current text', async () => {
    const fake = fakeCheck();
    const live = createLiveSpelling(fake.check);
    live.update('s1', 'xxa');
    live.update('s1', 'xxa b');
    live.update('s1', 'xxa bo');
    expect(fake.asked).toEqual(['xxa']);
    await fake.answer();
    expect(fake.asked).toEqual(['xxa', 'xxa bo']);
    // The answer for "xxa" is shown on the current text while "xxa bo" is checked.
    expect(live.visible('s1', 'xxa bo', null).map((x) => x.term)).toEqual(['xxa']);
    await fake.answer();
    await live.idle();
    expect(live.store.getState().target).toBe('xxa bo');
  });

  it('the word at the caret is not marked while it is typed', async () => {
    const fake = fakeCheck();
    const live = createLiveSpelling(fake.check);
    live.update('s1', 'the xxword');
    await fake.answer();
    expect(live.visible('s1', 'the xxword', 10)).toEqual([]);
    expect(live.visible('s1', 'the xxword', 0).map((x) => x.term)).toEqual(['xxword']);
  });

  it('another segment or clear() drops the marks; a late answer after clear() is ignored', async () => {
    const fake = fakeCheck();
    const live = createLiveSpelling(fake.check);
    live.update('s1', 'xxa');
    live.clear();
    await fake.answer();
    expect(live.visible('s1', 'xxa', null)).toEqual([]);
    live.update('s2', 'xxb');
    await fake.answer();
    expect(live.visible('s1', 'xxb', null)).toEqual([]);
    expect(live.visible('s2', 'xxb', null)).toHaveLength(1);
  });

  it('a failed check leaves the marks as they were', async () => {
    let fail = false;
    const live = createLiveSpelling(async (_id, text) => {
      if (fail) throw new Error('project closed');
      return [f(0, 3, text.slice(0, 3))];
    });
    live.update('s1', 'xxa');
    await live.idle();
    fail = true;
    live.update('s1', 'xxa b');
    await live.idle();
    expect(live.visible('s1', 'xxa b', null).map((x) => x.term)).toEqual(['xxa']);
  });
});
