// Role words of two local entities: do they name one office, or two that one person does not hold
// at the same time? Classes come from data/entities/roles.tsv, the table the entities stage reads
// roles with ("foreign minister" → minister.foreign); a role outside it compares by its words.
import { loadTsv } from '../util/data.js';
import { foldName } from '../text/fold.js';
import { nameWords } from './names.js';

let classes: Map<string, string> | null = null;

function table(): Map<string, string> {
  if (!classes) {
    classes = new Map();
    for (const [role, cls] of loadTsv('entities/roles.tsv')) if (role && cls) classes.set(role.trim(), cls.trim());
  }
  return classes;
}

/** A role the entity holds now: "former"/"ex-" roles are past offices and tell nothing against. */
export function currentRoles(roles: string[]): string[] {
  return roles.map((r) => foldName(r).replace(/\s+/g, ' ').trim()).filter((r) => r && !/^(?:former|ex-|then|late|the late)\b/.test(r));
}

/** Class path of a role ("russian foreign minister" → minister.foreign), from its longest known tail. */
export function roleClass(role: string): string | null {
  const t = table();
  const words = role.split(' ');
  for (let i = 0; i < words.length; i++) {
    const tail = words.slice(i).join(' ');
    const cls = t.get(tail) ?? t.get(tail.replace(/s$/, ''));
    if (!cls) continue;
    // "energy secretary" where the table knows only "secretary": the portfolio makes it one office.
    const before = words[i - 1];
    if (before && nameWords().portfolios.has(before)) return `${cls}.${before}`;
    return cls;
  }
  return null;
}

const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

/** 'shared': some role of one fits a role of the other; 'conflict': both hold known offices and
 * none fits; 'none': nothing to compare. */
export function roleRelation(a: string[], b: string[]): 'shared' | 'conflict' | 'none' {
  if (a.length === 0 || b.length === 0) return 'none';
  for (const x of a) for (const y of b) if (x === y || x.endsWith(` ${y}`) || y.endsWith(` ${x}`)) return 'shared';
  // "official", "head", "chief" fit any office: they are evidence neither way.
  const known = (c: string | null): c is string => !!c && c !== 'official';
  const ca = a.map(roleClass).filter(known);
  const cb = b.map(roleClass).filter(known);
  for (const x of ca) for (const y of cb) if (related(x, y)) return 'shared';
  return ca.length > 0 && cb.length > 0 ? 'conflict' : 'none';
}
