// Given names with one gender in the name lists (data/entities/given-name-gender.tsv): quotes/ uses
// them to fit "she said" to a speaker, resolve/ to tell two people of one surname apart.
import { loadTsv } from './data.js';

let genders: Map<string, string> | null = null;

/** 'm' or 'f' for a given name that the name lists give one gender, else null. */
export function givenNameGender(name: string): string | null {
  if (!genders) genders = new Map(loadTsv('entities/given-name-gender.tsv').map(([n, g]) => [n, g]));
  return genders.get(name.toLowerCase()) ?? null;
}
