import { foldCharacters } from "../fold-characters";
import { identity } from "../mapped-text";
import type { LexiconEntry } from "./entry";
import { EXFILTRATION_LEXICON } from "./exfiltration";
import { OVERRIDE_LEXICON } from "./override";
import { ROLEPLAY_LEXICON } from "./roleplay";
import { TOOL_LEXICON } from "./tool";

export type { Lang, LexiconEntry } from "./entry";

export interface CompiledEntry extends LexiconEntry {
  pattern: RegExp;
}

/** Folds a pattern's literal letters the way `normalizeForScan` folds the scanned text. */
const foldPattern = (source: string): string => foldCharacters(identity(source)).text;

export const LEXICON: readonly CompiledEntry[] = [
  ...OVERRIDE_LEXICON,
  ...ROLEPLAY_LEXICON,
  ...TOOL_LEXICON,
  ...EXFILTRATION_LEXICON,
].map((e) => ({ ...e, pattern: new RegExp(foldPattern(e.source), "giu") }));
