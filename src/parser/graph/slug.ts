/** A stable, readable id fragment: lowercase ASCII words joined by `-`, numbering removed. */
export function slugify(text: string, fallback = 'item'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^\s*(?:step\s+)?\d+[.):]?\s+/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** Hands out ids, suffixing `-2`, `-3` to repeats so every id is unique. */
export class IdRegistry {
  readonly #used = new Set<string>();

  has(id: string): boolean {
    return this.#used.has(id);
  }

  claim(wanted: string): string {
    let id = wanted;
    for (let n = 2; this.#used.has(id); n++) id = `${wanted}-${n}`;
    this.#used.add(id);
    return id;
  }
}
