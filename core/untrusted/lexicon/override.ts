/** Instruction override and paraphrased task hijacking, per language. */
import { any, gap } from "./entry";
import type { Lang, LexiconEntry } from "./entry";

interface OverrideWords {
  verbs: string[];
  nouns: string[];
  qualifiers: string[];
  /** Phrases that alone announce replaced instructions or a changed task. */
  phrases: string[];
}

const WORDS: Partial<Record<Lang, OverrideWords>> = {
  en: {
    verbs: [
      "ignore",
      "disregard",
      "forget",
      "discard",
      "drop",
      "set aside",
      "skip",
      "abandon",
      "override",
      "bypass",
      "scrap",
      "cease following",
      "stop following",
      "do not follow",
      "don't follow",
      "no longer follow",
      "wipe",
    ],
    nouns: [
      "instructions?",
      "directives?",
      "guidelines?",
      "rules",
      "prompts?",
      "system prompt",
      "guidance",
      "briefing",
      "constraints",
      "programming",
      "orders",
      "context",
      "configuration",
      "task",
      "request",
      "plan",
    ],
    qualifiers: [
      "previous",
      "prior",
      "earlier",
      "above",
      "preceding",
      "original",
      "initial",
      "old",
      "all",
      "any",
      "your",
      "the user's",
      "existing",
      "current",
    ],
    phrases: [
      `(?:your|the) ${any("real", "true", "actual", "genuine", "new", "only")} ${any("task", "job", "assignment", "mission", "brief", "goal", "instructions?")} ${any("is", "are", "has changed", "now")}`,
      `${any("your", "the")} ${any("task", "job", "mission", "role", "purpose")} has changed`,
      `${any("takes", "take")} precedence over ${any("anything", "everything", "all")}`,
      `${any("outrank", "supersede", "override", "replace")}s? ${gap(30)}${any("instructions", "rules", "guidelines", "configuration", "ones you")}`,
      `(?:if you are|any|attention|note to)(?: an?| the)? ${any("ai", "language model", "llm", "automated", "assistant", "agent", "model", "bot")}`,
      `${any("do not|don't|never")} ${any("tell|inform|mention|reveal to|alert")} the user`,
      `without ${any("telling|informing|asking|notifying|alerting")} the user`,
      `${any("no longer matters?|is cancelled|are void|is void|were a mistake|are revoked|no longer apply|has been withdrawn|have been withdrawn|are out of date")}`,
    ],
  },
  de: {
    verbs: [
      "ignorier\\w*",
      "vergiss",
      "vergessen sie",
      "missacht\\w*",
      "verwirf",
      "uberspring\\w*",
      "befolge nicht",
      "nicht mehr befolgen",
      "setze? \\w+ au(?:ss|ß)er kraft",
    ],
    nouns: [
      "anweisung\\w*",
      "instruktion\\w*",
      "vorgaben?",
      "regeln",
      "befehle?",
      "systemprompt",
      "richtlinien",
      "anleitung\\w*",
      "aufgabe",
    ],
    qualifiers: [
      "vorherige\\w*",
      "bisherige\\w*",
      "obige\\w*",
      "vorige\\w*",
      "ursprungliche\\w*",
      "alle\\w*",
      "deine\\w*",
      "fruhere\\w*",
    ],
    phrases: [
      `neue ${any("anweisung\\w*", "instruktion\\w*", "aufgabe", "regeln")}\\s*:`,
      `${any("deine", "die")} ${any("eigentliche", "wahre", "echte", "neue")} aufgabe`,
      `(?:deine )?aufgabe hat sich geandert`,
      `(?:gelten|gilt) nicht mehr`,
      `sind aufgehoben`,
      `(?:falls|wenn) du ein ${any("sprachmodell", "ki", "assistent", "bot")} bist`,
      `(?:sag|erzahl) (?:dem )?(?:benutzer|nutzer) nichts`,
      `ab (?:jetzt|sofort) gilt nur`,
    ],
  },
  es: {
    verbs: [
      "ignora\\w*",
      "olvida\\w*",
      "descarta\\w*",
      "desconsidera\\w*",
      "omite",
      "no sigas",
      "deja de seguir",
      "no tengas en cuenta",
      "salta\\w*",
    ],
    nouns: [
      "instrucciones",
      "indicaciones",
      "directrices",
      "reglas",
      "ordenes",
      "prompt",
      "normas",
      "pautas",
    ],
    qualifiers: [
      "anteriores",
      "previas",
      "de arriba",
      "originales",
      "todas",
      "tus",
      "lo anterior",
      "del sistema",
    ],
    phrases: [
      `nuevas ${any("instrucciones", "reglas", "ordenes", "indicaciones")}\\s*:`,
      `tu ${any("verdadera", "nueva", "real", "unica")} ${any("tarea", "mision", "funcion")}`,
      `tu ${any("tarea", "mision")} ha cambiado`,
      `ya no ${any("son validas", "importa", "aplican", "rigen")}`,
      `si eres un ${any("modelo de lenguaje", "asistente", "bot", "ia")}`,
      `no le ${any("cuentes", "digas")} nada (?:de este mensaje )?al usuario`,
      `ignora lo anterior`,
    ],
  },
  fr: {
    verbs: [
      "ignore\\w*",
      "oublie\\w*",
      "ne tiens pas compte",
      "ne tenez pas compte",
      "abandonne\\w*",
      "n'obeis plus",
      "ne suis plus",
      "ne respecte plus",
      "fais abstraction",
    ],
    nouns: ["instructions?", "consignes?", "directives?", "regles", "prompt", "ordres"],
    qualifiers: [
      "precedent\\w*",
      "anterieur\\w*",
      "ci-dessus",
      "d'origine",
      "initial\\w*",
      "toutes",
      "tes",
      "vos",
      "du systeme",
    ],
    phrases: [
      `nouvelles ${any("instructions", "consignes", "regles", "directives")}\\s*:`,
      `ta ${any("vraie", "nouvelle", "veritable", "seule")} ${any("mission", "tache")}`,
      `ta ${any("tache", "mission")} a change`,
      `(?:sont|est) annulee?s?`,
      `n'a plus d'importance`,
      `si tu es un ${any("modele de langage", "assistant", "bot", "ia")}`,
      `ne (?:parle|dis) (?:pas|rien) de ce message a l'utilisateur`,
    ],
  },
  pt: {
    verbs: [
      "ignor[ea]\\w*",
      "esque[cç]a\\w*",
      "desconsidere\\w*",
      "descarte\\w*",
      "nao siga",
      "deixe de seguir",
      "pare de seguir",
    ],
    nouns: ["instrucoes", "instrucao", "orientacoes", "diretrizes", "regras", "ordens", "prompt"],
    qualifiers: [
      "anteriores",
      "previas",
      "acima",
      "originais",
      "todas",
      "suas",
      "do sistema",
      "o que foi dito",
    ],
    phrases: [
      `novas ${any("instrucoes", "regras", "ordens", "orientacoes")}\\s*:`,
      `sua ${any("verdadeira", "nova", "real", "unica")} ${any("tarefa", "missao", "funcao")}`,
      `sua ${any("tarefa", "missao")} mudou`,
      `nao ${any("valem mais", "importa mais")}`,
      `se voce (?:e|for) um ${any("modelo de linguagem", "assistente", "bot", "ia")}`,
      `nao conte nada (?:desta mensagem )?ao usuario`,
    ],
  },
  it: {
    verbs: [
      "ignora\\w*",
      "dimentica\\w*",
      "non considerare",
      "scarta\\w*",
      "non seguire",
      "smetti di seguire",
      "tralascia\\w*",
    ],
    nouns: ["istruzioni", "indicazioni", "direttive", "regole", "ordini", "prompt", "linee guida"],
    qualifiers: ["precedenti", "qui sopra", "originali", "tutte", "tue", "di sistema", "iniziali"],
    phrases: [
      `nuove ${any("istruzioni", "regole", "direttive", "indicazioni")}\\s*:`,
      `il tuo ${any("vero", "nuovo", "unico")} compito`,
      `il tuo compito e cambiato`,
      `non ${any("valgono piu", "conta piu")}`,
      `se sei un ${any("modello linguistico", "assistente", "bot", "ia")}`,
      `non dire nulla (?:di questo messaggio )?all'utente`,
    ],
  },
  nl: {
    verbs: ["negeer", "vergeet", "volg niet", "laat \\w+ varen"],
    nouns: ["instructies", "aanwijzingen", "regels", "opdrachten", "systeemprompt"],
    qualifiers: ["vorige", "eerdere", "bovenstaande", "alle", "je", "oorspronkelijke"],
    phrases: [
      `nieuwe ${any("instructies", "regels", "opdracht")}\\s*:`,
      `je ${any("echte", "nieuwe", "werkelijke")} taak`,
    ],
  },
};

/** CJK, Cyrillic and Arabic: word order and morphology differ, so phrase lists instead. */
const PHRASES: Partial<Record<Lang, { strong: string[]; medium: string[] }>> = {
  zh: {
    strong: [
      `${any("忽略", "忽视", "无视", "忘记", "忘掉", "不要理会", "不再遵守", "不要再遵守", "丢弃", "抛开")}${gap(12)}${any("指令", "指示", "规则", "提示", "设定", "命令", "要求", "系统提示")}`,
      `新的${any("指令", "指示", "规则", "任务")}`,
      `${any("你真正的任务", "你的真正任务", "你的任务已经改变", "你的新任务")}`,
    ],
    medium: [
      `${any("之前", "以上", "上面", "先前", "原来")}的${any("所有")}?${any("指令", "指示", "规则", "设定")}`,
      `如果你是${gap(12)}${any("语言模型", "AI", "助手", "人工智能")}`,
      `不要告诉用户`,
      `全部作废`,
    ],
  },
  ja: {
    strong: [
      `${any("指示", "ルール", "命令", "設定", "システムプロンプト", "プロンプト", "制約")}${gap(10)}${any("無視", "忘れ", "従わず", "従わない", "破棄")}`,
      `新しい${any("指示", "ルール", "命令", "任務")}`,
      `${any("本当の任務", "本当の仕事", "あなたの仕事は変わり", "新しい任務")}`,
    ],
    medium: [
      `${any("これまで", "以前", "上記", "先ほど", "元")}の${any("指示", "ルール", "設定")}`,
      `言語モデルへ`,
      `ユーザーに${any("言わず", "知らせず", "伝えず", "確認せず")}`,
      `すべて無効`,
    ],
  },
  ru: {
    strong: [
      `${any("игнорируй\\w*", "проигнорируй\\w*", "забудь\\w*", "не обращай внимания на", "не следуй", "отбрось\\w*", "не выполняй")}${gap(40)}${any("инструкци\\w*", "указани\\w*", "правил\\w*", "установк\\w*", "промпт\\w*", "команд\\w*", "директив\\w*")}`,
      `нов\\w+ ${any("инструкци\\w*", "правила", "указани\\w*", "задач\\w*")}\\s*:`,
      `${any("твоя настоящая задача", "твоя задача изменилась", "твоя новая задача")}`,
    ],
    medium: [
      `${any("предыдущ\\w+", "прежн\\w+", "исходн\\w+", "системн\\w+")} ${any("инструкци\\w*", "правил\\w*", "указани\\w*", "установк\\w*")}`,
      `если ты ${any("языковая модель", "ии", "ассистент", "бот")}`,
      `ничего не говори пользователю`,
      `больше не (?:действуют|важно)`,
    ],
  },
  ar: {
    strong: [
      `${any("تجاهل", "انس", "انسَ", "لا تلتزم", "لا تتبع", "تخل عن", "تخلَّ عن", "اترك")}${gap(30)}${any("التعليمات", "تعليمات", "القواعد", "الإرشادات", "ارشاداتك", "إرشاداتك", "الأوامر", "موجه النظام")}`,
      `${any("تعليمات جديدة", "قواعد جديدة", "مهمتك الحقيقية", "تغيرت مهمتك", "مهمتك الجديدة")}`,
    ],
    medium: [
      `${any("التعليمات", "القواعد")} ${any("السابقة", "الأصلية", "أعلاه")}`,
      `إذا كنت ${any("نموذجا لغويا", "مساعدا", "ذكاء اصطناعيا")}`,
      `لا تخبر المستخدم`,
      `لم تعد ${any("سارية", "مهمة")}`,
    ],
  },
};

function latin(lang: Lang, w: OverrideWords): LexiconEntry[] {
  const verb = any(...w.verbs);
  const noun = any(...w.nouns);
  const qual = any(...w.qualifiers);
  return [
    {
      id: `override-${lang}-qualified`,
      kind: "instruction_override",
      lang,
      weight: 0.85,
      source: `\\b${verb}\\b${gap(30)}\\b${qual}\\b${gap(24)}\\b${noun}\\b`,
    },
    {
      id: `override-${lang}-verb-noun`,
      kind: "instruction_override",
      lang,
      weight: 0.55,
      source: `\\b${verb}\\b${gap(20)}\\b${noun}\\b`,
    },
    ...w.phrases.map((p, i) => ({
      id: `override-${lang}-phrase${i + 1}`,
      kind: "instruction_override" as const,
      lang,
      weight: 0.55,
      source: `\\b${p}`,
    })),
  ];
}

export const OVERRIDE_LEXICON: LexiconEntry[] = [
  ...Object.entries(WORDS).flatMap(([lang, w]) => latin(lang as Lang, w!)),
  ...Object.entries(PHRASES).flatMap(([lang, p]) => [
    ...p!.strong.map((source, i) => ({
      id: `override-${lang}-strong${i + 1}`,
      kind: "instruction_override" as const,
      lang: lang as Lang,
      weight: 0.85,
      source,
    })),
    ...p!.medium.map((source, i) => ({
      id: `override-${lang}-cue${i + 1}`,
      kind: "instruction_override" as const,
      lang: lang as Lang,
      weight: 0.5,
      source,
    })),
  ]),
];
