/** Role-play and persona jailbreaks: "you are now X", "no restrictions", "developer mode". */
import { any, gap } from "./entry";
import type { LexiconEntry } from "./entry";

const R = (
  id: string,
  lang: LexiconEntry["lang"],
  weight: number,
  source: string,
): LexiconEntry => ({ id: `roleplay-${id}`, kind: "role_impersonation", lang, weight, source });

export const ROLEPLAY_LEXICON: LexiconEntry[] = [
  R("en-now", "en", 0.5, `\\b(?:you are|you're) (?:now|no longer)\\b`),
  R(
    "en-act-as",
    "en",
    0.45,
    `\\b(?:act as|pretend (?:to be|you are|you're)|roleplay as|play the role of|stay in character|respond as|answer as)\\b`,
  ),
  R(
    "en-unrestricted",
    "en",
    0.6,
    `\\b(?:no|without|zero|free (?:of|from)(?: all)?|broken free of(?: the)?) ${gap(12)}${any("restrictions", "limits", "limitations", "rules", "filters", "guidelines", "constraints", "content policy", "censorship", "ethics")}\\b`,
  ),
  R(
    "en-mode",
    "en",
    0.7,
    `\\b${any("developer", "debug", "god", "jailbreak", "unrestricted", "dan", "evil", "unfiltered")} mode\\b`,
  ),
  R(
    "en-jailbreak",
    "en",
    0.6,
    `\\b(?:jailbreak(?:ed| successful)|do anything now|always complies|never refuses?|has no guidelines|safety (?:settings|guidelines|filters) (?:are )?(?:off|disabled|no longer apply))`,
  ),
  R(
    "de",
    "de",
    0.55,
    `\\b(?:du bist (?:jetzt|ab sofort|nun)|stell dir vor,? du bist|spiel\\w* die rolle|tu so,? als|antworte (?:jetzt )?als)\\b`,
  ),
  R(
    "de-free",
    "de",
    0.6,
    `\\b(?:ohne|keine) ${gap(12)}${any("einschrankungen", "regeln", "filter", "grenzen", "beschrankung\\w*")}\\b`,
  ),
  R(
    "es",
    "es",
    0.55,
    `\\b(?:ahora eres|finge (?:que eres|ser)|actua como|haz de|interpreta (?:a|el papel)|responde como)\\b`,
  ),
  R(
    "es-free",
    "es",
    0.6,
    `\\b(?:sin|ningun\\w*) ${gap(12)}${any("restricciones", "filtros", "reglas", "limites", "censura")}\\b`,
  ),
  R(
    "fr",
    "fr",
    0.55,
    `\\b(?:tu es (?:maintenant|desormais)|fais semblant d'etre|joue le role|agis comme|reponds en tant que)\\b`,
  ),
  R(
    "fr-free",
    "fr",
    0.6,
    `\\b(?:sans|aucune?) ${gap(12)}${any("restrictions?", "filtres?", "regles?", "limites?", "censure")}\\b`,
  ),
  R(
    "pt",
    "pt",
    0.55,
    `\\b(?:agora voce e|finja (?:que (?:voce )?e|ser)|aja como|faca o papel|responda como)\\b`,
  ),
  R(
    "pt-free",
    "pt",
    0.6,
    `\\b(?:sem|nenhuma?) ${gap(12)}${any("restricoes", "filtros", "regras", "limites", "censura")}\\b`,
  ),
  R(
    "it",
    "it",
    0.55,
    `\\b(?:ora sei|adesso sei|fingi di essere|interpreta|comportati come|rispondi come)\\b`,
  ),
  R(
    "it-free",
    "it",
    0.6,
    `\\b(?:senza|nessuna?) ${gap(12)}${any("restrizioni?", "filtri", "regole", "limiti", "censura")}\\b`,
  ),
  R("zh", "zh", 0.55, `${any("你现在是", "假装你是", "扮演", "你不再是", "作为一个没有")}`),
  R(
    "zh-free",
    "zh",
    0.6,
    `${any("没有任何限制", "没有限制", "不受限制", "解除所有限制", "没有过滤", "无限制")}`,
  ),
  R(
    "ja",
    "ja",
    0.55,
    `${any("あなたは今から", "ふりをして", "を演じて", "になりきって", "として振る舞")}`,
  ),
  R(
    "ja-free",
    "ja",
    0.6,
    `${any("制限のない", "制限がない", "制約が解除", "フィルターもルールもない", "制限なし")}`,
  ),
  R(
    "ru",
    "ru",
    0.55,
    `${any("теперь ты", "притворись", "сыграй роль", "представь,? что ты", "веди себя как", "отвечай как")}`,
  ),
  R(
    "ru-free",
    "ru",
    0.6,
    `${any("без (?:каких-либо |всяких )?ограничений", "без фильтров", "сняты все ограничения", "без правил")}`,
  ),
  R("ar", "ar", 0.55, `${any("أنت الآن", "تظاهر بأنك", "العب دور", "تصرف ك", "تقمص")}`),
  R(
    "ar-free",
    "ar",
    0.6,
    `${any("بلا (?:أي )?قيود", "بدون (?:أي )?قيود", "بلا فلاتر", "إزالة كل القيود", "بلا قواعد")}`,
  ),
];
