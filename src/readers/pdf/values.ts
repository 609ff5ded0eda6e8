/** What a table cell holding a value looks like (as opposed to a label). */

/**
 * A cell value as reports print it: a count or an amount (`12`, `-3`, `+2`,
 * `增1`, `387.8189万元`), or a zero marker (`/`, `—`, `-`, `无`).
 */
const VALUE = /^(?:(?:[+\-−－]|增|减)?[\d０-９][\d０-９,，]*(?:[.．][\d０-９]+)?(?:万元|元|万|件|条|个|项|次|%|％)?|[—–\-－/／无])$/;

export function isValueText(text: string): boolean {
  return VALUE.test(text.replace(/\s+/g, ''));
}
