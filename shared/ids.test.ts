import { describe, expect, it } from 'vitest';
import { RelaisError } from './errors.ts';
import { idSequence, idTime, isId, newId, parseId } from './ids.ts';

describe('global ids', () => {
  it('are UUIDv7 in canonical lowercase text, unique, and stamped with their time', () => {
    const at = Date.UTC(2026, 2, 1, 9, 30);
    const id = newId(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isId(id)).toBe(true);
    expect(idTime(newId(Date.UTC(2030, 0, 1)))).toBe(Date.UTC(2030, 0, 1));
    const many = Array.from({ length: 10_000 }, () => newId());
    expect(new Set(many).size).toBe(many.length);
  });

  it('made one after the other, sort in the order they were made, even within a millisecond or if the clock goes back', () => {
    const ids = [newId(5_000), newId(5_000), newId(4_000), newId(5_001), ...Array.from({ length: 1000 }, () => newId(5_001))];
    expect([...ids].sort()).toEqual(ids);
    const seq = idSequence();
    const ordered = [seq(1_000), seq(1_000), seq(500), seq(2_000)];
    expect([...ordered].sort()).toEqual(ordered);
    expect(idTime(ordered[2]!)).toBe(1_000); // clamped to the previous time: order kept
    expect(idTime(ordered[3]!)).toBe(2_000);
  });

  it('parseId accepts ids and refuses anything else as an unknown row', () => {
    const id = newId();
    expect(parseId(id, 'segment')).toBe(id);
    for (const bad of ['1', '', 'abc', id.toUpperCase(), `${id} `, 12, null, '01944f3b-1660-4414-8417-89c37cc577e9']) {
      let err: unknown;
      try {
        parseId(bad, 'segment');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(RelaisError);
      expect((err as RelaisError).code).toBe('segment.notFound');
    }
    expect(() => parseId('7', 'comment')).toThrow(RelaisError);
    expect(isId('not an id')).toBe(false);
  });
});
