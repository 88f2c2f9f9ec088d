/**
 * Accent folding for Vietnamese name search: "Nguyễn Văn An" and "nguyen van an" fold to the same text. One rule
 * for both sides: the case index stores the folded name it writes, and a search folds what the person typed.
 */

/** đ/Đ are letters of their own (not d with a mark), so NFD leaves them alone: they are mapped first. */
const STROKED_D = /[đĐ]/g;
/** Combining diacritical marks, as NFD splits them off the letters they sit on. */
const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function foldVietnamese(text: string): string {
  return text
    .replace(STROKED_D, 'd')
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Every precomposed Vietnamese letter with a mark (both cases) and the ASCII letter it folds to, for a database
 * that must fold a column it did not store folded (the commendation book's names): SQL `translate()` takes
 * these two strings. Built from foldVietnamese itself, so the two can never disagree.
 */
export function vietnameseFoldTable(): { from: string; to: string } {
  const bases = 'aeiouyd';
  const letters = new Set<string>();
  const marks = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
  const shapes = ['', '\u0302', '\u0306', '\u031b'];
  for (const base of bases)
    for (const shape of shapes)
      for (const mark of marks) {
        const composed = (base + shape + mark).normalize('NFC');
        if (composed.length === 1) {
          letters.add(composed);
          letters.add(composed.toUpperCase());
        }
      }
  letters.add('đ');
  letters.add('Đ');
  let from = '';
  let to = '';
  for (const letter of letters) {
    const folded = foldVietnamese(letter);
    if (folded === letter || folded.length !== 1) continue;
    from += letter;
    to += folded;
  }
  return { from, to };
}
