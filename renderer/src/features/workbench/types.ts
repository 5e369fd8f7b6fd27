/** The current find hit, given only to the row that holds it. */
export interface CurrentHit {
  field: 'source' | 'target';
  start: number;
}
