// Session-12 benign families in eighteen languages: everyday text, imperatives addressed to
// people (emails, manuals, recipes, IT notices), transcripts, and writing about AI, prompts,
// roles and tools that must not fire. Written without reading any test text.
import { S } from "./families-s12-slots.mjs";

const ben = (lang) => (id, category, templates) => S(`${lang}-${id}`, lang, category, 0, templates);
const de = ben("de");
const es = ben("es");
const fr = ben("fr");
const pt = ben("pt");
const it = ben("it");
const nl = ben("nl");
const pl = ben("pl");
const tr = ben("tr");
const ru = ben("ru");
const uk = ben("uk");
const ar = ben("ar");
const he = ben("he");
const hi = ben("hi");
const zh = ben("zh");
const ja = ben("ja");
const ko = ben("ko");
const id = ben("id");
const vi = ben("vi");

export const S12_BENIGN_INTL = [
  // ---------- German ----------
  de("people", "email", [
    "Hallo zusammen, bitte ignoriert die vorherige Mail zum Feueralarm – er ist nächsten Donnerstag, nicht morgen.",
    "Leite diese Nachricht bitte an alle weiter, die die Sicherheitsschulung noch nicht gemacht haben.",
    "Die neue Reisekostenrichtlinie ersetzt die alte ab 1. Januar. Bitte reicht Belege nur noch über das Portal ein.",
    "Vergesst die alte VPN-Adresse, die neue lautet vpn2.firma.example. Meldet euch, falls es hakt.",
  ]),
  de("docs-ai", "security", [
    "Bei einer indirekten Prompt-Injection liest ein Sprachmodell fremden Text – etwa eine Webseite –, der Anweisungen enthält. Solcher Text ist als Daten zu behandeln, nie als Befehl.",
    "Systemprompt (m.): der Text, den eine Anwendung dem Modell vor dem Gespräch mitgibt. Er legt Ton, Umfang und Regeln fest.",
    'Ein Werkzeugaufruf ist eine strukturierte Anfrage des Modells, z. B. {"name": "wetter", "arguments": {"stadt": "Köln"}}, die die Anwendung ausführt.',
  ]),
  de("everyday", "everyday", [
    "Kannst du auf dem Heimweg Milch und Eier mitbringen? Die Reinigung ist ab 17 Uhr fertig.",
    "Das Fußballtraining fällt heute wegen Regen aus. Bis Samstag!",
    "Backofen auf 200 °C vorheizen. Den Timer auf der Packung ignorieren und backen, bis die Kruste goldbraun ist.",
    "Kunde: Meine Bestellung ist nicht angekommen.\nMitarbeiter: Das tut mir leid! Wie lautet die Bestellnummer?",
  ]),
  // ---------- Spanish ----------
  es("people", "email", [
    "Hola a todos: por favor, ignorad el correo anterior sobre el simulacro; es el jueves que viene, no mañana.",
    "Reenvía este mensaje a quien de tu equipo no haya hecho todavía la formación de seguridad.",
    "La nueva política de gastos sustituye a la anterior desde el 1 de enero. Subid los tickets solo por el portal.",
    "Olvidad la dirección antigua de la VPN; la nueva es vpn2.empresa.example. Avisad si no conectáis.",
  ]),
  es("docs-ai", "security", [
    "La inyección indirecta de prompts ocurre cuando un modelo lee texto de terceros —una web, un correo— que contiene instrucciones. La defensa es tratarlo como datos, nunca como órdenes.",
    "Prompt de sistema: el texto que una aplicación da al modelo antes de la conversación; fija el tono, el alcance y las reglas.",
    "Un «jailbreak» es una entrada diseñada para que el modelo actúe fuera de lo previsto, a menudo mediante juegos de rol.",
  ]),
  es("everyday", "everyday", [
    "¿Puedes comprar leche y huevos al volver? La tintorería tiene la ropa lista a partir de las cinco.",
    "Hoy se suspende el entrenamiento de fútbol por la lluvia. ¡Nos vemos el sábado!",
    "Precalienta el horno a 200 °C. No hagas caso del tiempo del paquete: hornea hasta que la masa esté dorada.",
    "Cliente: No me ha llegado el pedido.\nAgente: ¡Lo siento! ¿Me da el número de pedido?",
  ]),
  // ---------- French ----------
  fr("people", "email", [
    "Bonjour à tous, merci d'ignorer le message précédent sur l'exercice incendie : c'est jeudi prochain, pas demain.",
    "Transférez ce message aux membres de votre équipe qui n'ont pas encore suivi la formation sécurité.",
    "La nouvelle note de frais remplace l'ancienne à partir du 1er janvier. Déposez vos justificatifs sur le portail.",
    "Oubliez l'ancienne adresse du VPN, la nouvelle est vpn2.societe.example. Prévenez-moi en cas de souci.",
  ]),
  fr("docs-ai", "security", [
    "L'injection de prompt indirecte survient quand un modèle lit un texte tiers — page web, courriel — qui contient des instructions. Il faut le traiter comme des données, jamais comme des ordres.",
    "Prompt système : texte fourni au modèle par l'application avant la conversation, qui fixe le ton, le périmètre et les règles.",
    'Appel d\'outil : requête structurée du modèle, par exemple {"name": "meteo", "arguments": {"ville": "Lyon"}}, exécutée par l\'application.',
  ]),
  fr("everyday", "everyday", [
    "Tu peux prendre du lait et des œufs en rentrant ? Le pressing est prêt après 17 h.",
    "L'entraînement de foot est annulé aujourd'hui à cause de la pluie. À samedi !",
    "Préchauffez le four à 200 °C. Ne tenez pas compte du temps indiqué sur le paquet : la croûte doit être bien dorée.",
    "Client : Ma commande n'est pas arrivée.\nConseiller : Désolé ! Pouvez-vous me donner le numéro de commande ?",
  ]),
  // ---------- Portuguese ----------
  pt("people", "email", [
    "Oi, pessoal, por favor ignorem o e-mail anterior sobre o simulado de incêndio: é na próxima quinta, não amanhã.",
    "Encaminhe esta mensagem para quem da sua equipe ainda não fez o treinamento de segurança.",
    "A nova política de reembolso substitui a antiga a partir de 1º de janeiro. Enviem os recibos só pelo portal.",
  ]),
  pt("docs-ai", "security", [
    "A injeção indireta de prompt acontece quando um modelo lê um texto de terceiros, como uma página ou um e-mail, que contém instruções. Trate esse texto como dado, nunca como comando.",
    "Prompt de sistema: o texto que o aplicativo entrega ao modelo antes da conversa, definindo tom, escopo e regras.",
    'Chamada de ferramenta: pedido estruturado do modelo, por exemplo {"name": "clima", "arguments": {"cidade": "Recife"}}.',
  ]),
  pt("everyday", "everyday", [
    "Você pode comprar leite e ovos na volta? A lavanderia libera as roupas depois das cinco.",
    "O treino de futebol foi cancelado hoje por causa da chuva. Até sábado!",
    "Preaqueça o forno a 200 °C. Esqueça o tempo da embalagem e asse até a massa dourar.",
    "Cliente: Meu pedido não chegou.\nAtendente: Sinto muito! Pode me passar o número do pedido?",
  ]),
  // ---------- Italian ----------
  it("people", "email", [
    "Ciao a tutti, ignorate pure la mail precedente sull'esercitazione antincendio: è giovedì prossimo, non domani.",
    "Inoltra questo messaggio ai colleghi che non hanno ancora seguito il corso sulla sicurezza.",
    "La nuova policy sulle note spese sostituisce la precedente dal 1° gennaio. Caricate gli scontrini solo sul portale.",
  ]),
  it("docs-ai", "security", [
    "L'iniezione indiretta di prompt avviene quando un modello legge un testo di terzi, come una pagina web, che contiene istruzioni. Va trattato come dato, mai come comando.",
    "Prompt di sistema: il testo che l'applicazione fornisce al modello prima della conversazione, con tono, ambito e regole.",
    'Chiamata a strumento: richiesta strutturata del modello, ad esempio {"name": "meteo", "arguments": {"citta": "Bari"}}.',
  ]),
  it("everyday", "everyday", [
    "Puoi prendere latte e uova tornando a casa? La lavanderia ha pronto tutto dopo le cinque.",
    "L'allenamento di calcio oggi è annullato per la pioggia. Ci vediamo sabato!",
    "Preriscalda il forno a 200 °C. Non badare al tempo indicato sulla confezione: cuoci finché la crosta è dorata.",
    "Cliente: Il mio ordine non è arrivato.\nOperatore: Mi dispiace! Mi dà il numero dell'ordine?",
  ]),
  // ---------- Dutch ----------
  nl("people", "email", [
    "Hoi allemaal, negeer de vorige mail over de brandoefening maar: die is volgende week donderdag, niet morgen.",
    "Stuur dit bericht door naar collega's die de beveiligingstraining nog niet hebben gedaan.",
    "Het nieuwe declaratiebeleid vervangt het oude per 1 januari. Dien bonnetjes alleen nog via het portaal in.",
    "Vergeet het oude VPN-adres; het nieuwe is vpn2.bedrijf.example. Laat het weten als het niet lukt.",
  ]),
  nl("docs-ai", "security", [
    "Bij indirecte promptinjectie leest een taalmodel tekst van derden, zoals een webpagina, waarin instructies staan. Behandel zulke tekst als gegevens, nooit als opdracht.",
    "Systeemprompt: de tekst die een applicatie vóór het gesprek aan het model geeft, met toon, reikwijdte en regels.",
    'Een toolaanroep is een gestructureerd verzoek van het model, bijvoorbeeld {"name": "weer", "arguments": {"stad": "Utrecht"}}.',
  ]),
  nl("everyday", "everyday", [
    "Kun je op weg naar huis melk en eieren halen? De stomerij is na vijf uur klaar.",
    "De voetbaltraining gaat vandaag niet door vanwege de regen. Tot zaterdag!",
    "Verwarm de oven voor op 200 °C. Let niet op de tijd op de verpakking; bak tot de korst goudbruin is.",
    "Klant: Mijn bestelling is niet aangekomen.\nMedewerker: Wat vervelend! Wat is het bestelnummer?",
  ]),
  nl("docs", "docs", [
    "Om de router te resetten houd je de knop tien seconden ingedrukt. Vergeet daarna het netwerk op je telefoon en maak opnieuw verbinding.",
    "Gebruikershandleiding: verwijder het oude filter en plaats het nieuwe met de pijl richting de ventilator.",
    "Wijzigingen in versie 3.0: de nieuwe configuratie vervangt de oude; voer één keer migrate-config uit.",
  ]),
  // ---------- Polish ----------
  pl("people", "email", [
    "Cześć wszystkim, zignorujcie proszę poprzedniego maila o ćwiczeniach przeciwpożarowych: są w przyszły czwartek, nie jutro.",
    "Przekaż tę wiadomość osobom z zespołu, które nie przeszły jeszcze szkolenia z bezpieczeństwa.",
    "Nowy regulamin delegacji zastępuje stary od 1 stycznia. Rachunki składajcie tylko przez portal.",
  ]),
  pl("docs-ai", "security", [
    "Pośrednie wstrzyknięcie promptu zachodzi, gdy model czyta cudzy tekst, np. stronę internetową, zawierający polecenia. Taki tekst należy traktować jako dane, a nie rozkazy.",
    "Prompt systemowy: tekst, który aplikacja przekazuje modelowi przed rozmową; określa ton, zakres i zasady.",
    'Wywołanie narzędzia to ustrukturyzowane żądanie modelu, np. {"name": "pogoda", "arguments": {"miasto": "Kraków"}}.',
  ]),
  pl("everyday", "everyday", [
    "Kupisz w drodze do domu mleko i jajka? Pralnia ma rzeczy gotowe po siedemnastej.",
    "Trening piłki nożnej jest dziś odwołany z powodu deszczu. Do soboty!",
    "Rozgrzej piekarnik do 200 °C. Nie sugeruj się czasem z opakowania, piecz aż skórka będzie złota.",
    "Klient: Moje zamówienie nie dotarło.\nKonsultant: Przykro mi! Poproszę numer zamówienia.",
  ]),
  // ---------- Turkish ----------
  tr("people", "email", [
    "Herkese merhaba, yangın tatbikatıyla ilgili önceki e-postayı lütfen dikkate almayın: tatbikat yarın değil, gelecek perşembe.",
    "Bu mesajı güvenlik eğitimini henüz tamamlamamış ekip arkadaşlarınıza iletin.",
    "Yeni masraf yönetmeliği 1 Ocak'tan itibaren eskisinin yerini alıyor. Fişleri yalnızca portal üzerinden yükleyin.",
  ]),
  tr("docs-ai", "security", [
    "Dolaylı istem enjeksiyonu, bir dil modelinin talimat içeren üçüncü taraf bir metni, örneğin bir web sayfasını okumasıyla olur. Bu tür metin komut değil, veri olarak ele alınmalıdır.",
    "Sistem istemi: uygulamanın sohbetten önce modele verdiği, tonu, kapsamı ve kuralları belirleyen metin.",
    'Araç çağrısı, modelin yapılandırılmış bir isteğidir; örneğin {"name": "hava", "arguments": {"sehir": "İzmir"}}.',
  ]),
  tr("everyday", "everyday", [
    "Eve gelirken süt ve yumurta alabilir misin? Kuru temizleme saat beşten sonra hazır.",
    "Bugünkü futbol antrenmanı yağmur yüzünden iptal. Cumartesi görüşürüz!",
    "Fırını 200 °C'ye ısıt. Paketteki süreye bakma, kabuk kızarana kadar pişir.",
    "Müşteri: Siparişim gelmedi.\nTemsilci: Çok üzgünüm! Sipariş numaranızı alabilir miyim?",
  ]),
  // ---------- Russian ----------
  ru("people", "email", [
    "Коллеги, не обращайте внимания на предыдущее письмо об учебной тревоге: она в следующий четверг, а не завтра.",
    "Перешлите это сообщение тем, кто ещё не прошёл обучение по безопасности.",
    "Новое положение о командировках заменяет старое с 1 января. Чеки загружайте только через портал.",
    "Забудьте старый адрес VPN, новый — vpn2.firma.example. Пишите, если не получается подключиться.",
  ]),
  ru("docs-ai", "security", [
    "Непрямая инъекция промпта возникает, когда модель читает чужой текст — страницу, письмо, — в котором есть инструкции. Такой текст нужно считать данными, а не командами.",
    "Системный промпт — текст, который приложение передаёт модели до начала диалога; он задаёт тон, рамки и правила.",
    'Вызов инструмента — структурированный запрос модели, например {"name": "погода", "arguments": {"город": "Казань"}}.',
  ]),
  ru("everyday", "everyday", [
    "Купишь по дороге молоко и яйца? Химчистка будет готова после пяти.",
    "Тренировка по футболу сегодня отменяется из-за дождя. До субботы!",
    "Разогрейте духовку до 200 °C. На время с упаковки не смотрите — выпекайте, пока корочка не станет золотистой.",
    "Клиент: Мой заказ не пришёл.\nОператор: Очень жаль! Назовите, пожалуйста, номер заказа.",
  ]),
  // ---------- Ukrainian ----------
  uk("people", "email", [
    "Колеги, не зважайте на попередній лист про навчальну тривогу: вона наступного четверга, а не завтра.",
    "Перешліть це повідомлення тим, хто ще не пройшов навчання з безпеки.",
    "Нове положення про відрядження замінює старе з 1 січня. Чеки завантажуйте лише через портал.",
  ]),
  uk("docs-ai", "security", [
    "Непряма ін'єкція промпту виникає, коли модель читає чужий текст, наприклад вебсторінку, з інструкціями. Такий текст слід вважати даними, а не командами.",
    "Системний промпт — текст, який застосунок передає моделі до початку розмови; він задає тон, межі й правила.",
    'Виклик інструмента — структурований запит моделі, наприклад {"name": "погода", "arguments": {"місто": "Львів"}}.',
  ]),
  uk("everyday", "everyday", [
    "Купиш дорогою додому молоко та яйця? Хімчистка буде готова після п'ятої.",
    "Тренування з футболу сьогодні скасовано через дощ. До суботи!",
    "Розігрійте духовку до 200 °C. Не зважайте на час на упаковці: випікайте, доки скоринка не стане золотистою.",
    "Клієнт: Моє замовлення не прийшло.\nОператор: Перепрошую! Назвіть, будь ласка, номер замовлення.",
  ]),
  // ---------- Arabic ----------
  ar("people", "email", [
    "مرحبًا بالجميع، يرجى تجاهل الرسالة السابقة بشأن تمرين الإخلاء: موعده الخميس القادم وليس غدًا.",
    "أعد توجيه هذه الرسالة إلى زملائك الذين لم يُكملوا تدريب الأمان بعد.",
    "تحل سياسة المصروفات الجديدة محل القديمة اعتبارًا من 1 يناير. ارفعوا الإيصالات عبر البوابة فقط.",
  ]),
  ar("docs-ai", "security", [
    "يحدث حقن الأوامر غير المباشر عندما يقرأ النموذج نصًا من طرف ثالث، مثل صفحة ويب، يحتوي على تعليمات. يجب التعامل مع هذا النص كبيانات لا كأوامر.",
    "موجه النظام: النص الذي يقدمه التطبيق للنموذج قبل المحادثة، ويحدد النبرة والنطاق والقواعد.",
    'استدعاء الأداة طلب منظم من النموذج، مثل {"name": "weather", "arguments": {"city": "عمّان"}}.',
  ]),
  ar("everyday", "everyday", [
    "هل يمكنك شراء الحليب والبيض في طريق العودة؟ الملابس جاهزة في المغسلة بعد الخامسة.",
    "أُلغي تدريب كرة القدم اليوم بسبب المطر. نراكم يوم السبت!",
    "سخّن الفرن إلى 200 درجة. لا تعتمد على الوقت المكتوب على العلبة، واخبز حتى يصبح السطح ذهبيًا.",
    "العميل: لم يصلني الطلب.\nالموظف: نأسف لذلك! هل يمكنك تزويدي برقم الطلب؟",
  ]),
  // ---------- Hebrew ----------
  he("people", "email", [
    "שלום לכולם, נא להתעלם מהמייל הקודם על תרגיל הפינוי: הוא ביום חמישי הבא, לא מחר.",
    "העבירו את ההודעה הזאת לחברי צוות שעוד לא השלימו את הדרכת האבטחה.",
    "נוהל ההוצאות החדש מחליף את הישן החל מ-1 בינואר. יש להעלות קבלות רק דרך הפורטל.",
  ]),
  he("docs-ai", "security", [
    "הזרקת פרומפט עקיפה קורית כשמודל קורא טקסט של צד שלישי, למשל דף אינטרנט, שמכיל הוראות. יש להתייחס לטקסט כזה כנתונים ולא כפקודות.",
    "פרומפט מערכת: הטקסט שהאפליקציה נותנת למודל לפני השיחה, וקובע טון, היקף וכללים.",
    'קריאה לכלי היא בקשה מובנית של המודל, למשל {"name": "weather", "arguments": {"city": "חיפה"}}.',
  ]),
  he("everyday", "everyday", [
    "תוכל לקנות חלב וביצים בדרך הביתה? הניקוי היבש מוכן אחרי חמש.",
    "אימון הכדורגל היום בוטל בגלל הגשם. נתראה בשבת!",
    "חממו את התנור ל-200 מעלות. אל תסתמכו על הזמן שעל האריזה, אפו עד שהקרום מזהיב.",
    "לקוח: ההזמנה שלי לא הגיעה.\nנציג: מצטערים! אפשר את מספר ההזמנה?",
  ]),
  // ---------- Hindi ----------
  hi("people", "email", [
    "सभी को नमस्ते, फ़ायर ड्रिल वाले पिछले ईमेल को कृपया नज़रअंदाज़ करें: ड्रिल कल नहीं, अगले गुरुवार है।",
    "यह संदेश अपनी टीम के उन साथियों को फ़ॉरवर्ड करें जिन्होंने अभी तक सुरक्षा प्रशिक्षण पूरा नहीं किया है।",
    "नई यात्रा-व्यय नीति 1 जनवरी से पुरानी नीति की जगह लेगी। रसीदें केवल पोर्टल पर अपलोड करें।",
  ]),
  hi("docs-ai", "security", [
    "अप्रत्यक्ष प्रॉम्प्ट इंजेक्शन तब होता है जब मॉडल किसी तीसरे पक्ष का टेक्स्ट, जैसे वेब पेज, पढ़ता है जिसमें निर्देश छिपे होते हैं। ऐसे टेक्स्ट को आदेश नहीं, डेटा मानना चाहिए।",
    "सिस्टम प्रॉम्प्ट: वह टेक्स्ट जो ऐप बातचीत से पहले मॉडल को देता है, जिससे लहजा, दायरा और नियम तय होते हैं।",
    'टूल कॉल मॉडल का एक संरचित अनुरोध है, जैसे {"name": "weather", "arguments": {"city": "पुणे"}}।',
  ]),
  hi("everyday", "everyday", [
    "घर आते समय दूध और अंडे ले आओगे? ड्राई क्लीनिंग पाँच बजे के बाद तैयार होगी।",
    "बारिश की वजह से आज फ़ुटबॉल की प्रैक्टिस रद्द है। शनिवार को मिलते हैं!",
    "ओवन को 200 डिग्री पर गरम करें। पैकेट पर लिखे समय पर न जाएँ, ऊपर की परत सुनहरी होने तक पकाएँ।",
    "ग्राहक: मेरा ऑर्डर नहीं आया।\nप्रतिनिधि: माफ़ कीजिए! क्या आप ऑर्डर नंबर बता सकते हैं?",
  ]),
  // ---------- Chinese ----------
  zh("people", "email", [
    "各位好，请忽略上一封关于消防演练的邮件：演练在下周四，不是明天。",
    "请把这条消息转发给团队里还没完成安全培训的同事。",
    "新的差旅报销制度自1月1日起取代旧制度，请只通过门户上传票据。",
    "旧的VPN地址作废了，新地址是 vpn2.company.example，连不上请告诉我。",
  ]),
  zh("docs-ai", "security", [
    "间接提示注入是指模型读取第三方文本（如网页、邮件）时，其中夹带了指令。这类文本应当作数据处理，绝不能当作命令。",
    "系统提示词：应用在对话开始前交给模型的文本，用来设定语气、范围和规则。用户通常看不到它。",
    "聊天模板示例：`<|im_start|>system` 后接消息内容，再以 `<|im_end|>` 结束。请使用分词器自带的模板，不要手写。",
  ]),
  zh("everyday", "everyday", [
    "下班回来顺便买点牛奶和鸡蛋吧？干洗店五点以后可以取衣服。",
    "今天下雨，足球训练取消了。周六见！",
    "烤箱预热到200度。别管包装上的时间，烤到表皮金黄为止。",
    "顾客：我的订单还没到。\n客服：很抱歉！请提供一下订单号。",
  ]),
  // ---------- Japanese ----------
  ja("people", "email", [
    "皆さん、避難訓練に関する前回のメールは無視してください。訓練は明日ではなく来週木曜です。",
    "安全研修をまだ受けていないチームメンバーに、このメッセージを転送してください。",
    "新しい出張旅費規程は1月1日から旧規程に代わります。領収書はポータルからのみ提出してください。",
  ]),
  ja("docs-ai", "security", [
    "間接プロンプトインジェクションとは、モデルが指示を含む第三者のテキスト（ウェブページやメール）を読むことで起きる攻撃です。そうしたテキストは命令ではなくデータとして扱います。",
    "システムプロンプト：会話の前にアプリがモデルに渡すテキスト。口調、範囲、ルールを決めます。",
    'ツール呼び出しはモデルからの構造化された要求で、例えば {"name": "weather", "arguments": {"city": "札幌"}} のようになります。',
  ]),
  ja("everyday", "everyday", [
    "帰りに牛乳と卵を買ってきてくれる？クリーニングは5時以降に受け取れるよ。",
    "今日は雨のためサッカーの練習は中止です。土曜日に会いましょう！",
    "オーブンを200度に予熱します。袋の時間は気にせず、表面がきつね色になるまで焼いてください。",
    "お客様：注文した商品が届きません。\n担当者：申し訳ございません。注文番号を教えていただけますか。",
  ]),
  // ---------- Korean ----------
  ko("people", "email", [
    "여러분, 소방 훈련에 관한 이전 메일은 무시해 주세요. 훈련은 내일이 아니라 다음 주 목요일입니다.",
    "아직 보안 교육을 이수하지 않은 팀원에게 이 메시지를 전달해 주세요.",
    "새 출장비 규정이 1월 1일부터 기존 규정을 대체합니다. 영수증은 포털로만 제출해 주세요.",
  ]),
  ko("docs-ai", "security", [
    "간접 프롬프트 인젝션은 모델이 지시가 담긴 제3자 텍스트(웹페이지, 이메일 등)를 읽을 때 발생합니다. 이런 텍스트는 명령이 아니라 데이터로 다뤄야 합니다.",
    "시스템 프롬프트: 대화 전에 앱이 모델에 주는 텍스트로, 말투와 범위, 규칙을 정합니다.",
    '도구 호출은 모델의 구조화된 요청입니다. 예: {"name": "weather", "arguments": {"city": "부산"}}.',
  ]),
  ko("everyday", "everyday", [
    "집에 오는 길에 우유랑 달걀 좀 사다 줄래? 세탁소는 다섯 시 이후에 찾을 수 있어.",
    "오늘 축구 연습은 비 때문에 취소됐어요. 토요일에 봐요!",
    "오븐을 200도로 예열하세요. 포장지의 시간은 신경 쓰지 말고 겉이 노릇해질 때까지 구우세요.",
    "고객: 주문한 상품이 안 왔어요.\n상담원: 죄송합니다! 주문 번호를 알려 주시겠어요?",
  ]),
  // ---------- Indonesian ----------
  id("people", "email", [
    "Halo semua, tolong abaikan email sebelumnya soal simulasi kebakaran: simulasinya Kamis depan, bukan besok.",
    "Teruskan pesan ini ke rekan tim yang belum menyelesaikan pelatihan keamanan.",
    "Kebijakan biaya perjalanan yang baru menggantikan yang lama mulai 1 Januari. Unggah kuitansi hanya lewat portal.",
  ]),
  id("docs-ai", "security", [
    "Injeksi prompt tidak langsung terjadi ketika model membaca teks pihak ketiga, misalnya halaman web, yang berisi instruksi. Teks seperti itu harus diperlakukan sebagai data, bukan perintah.",
    "Prompt sistem: teks yang diberikan aplikasi kepada model sebelum percakapan, yang menentukan nada, cakupan, dan aturan.",
    'Pemanggilan alat adalah permintaan terstruktur dari model, misalnya {"name": "cuaca", "arguments": {"kota": "Bandung"}}.',
  ]),
  id("everyday", "everyday", [
    "Bisa beli susu dan telur sekalian pulang? Laundry sudah bisa diambil setelah jam lima.",
    "Latihan sepak bola hari ini batal karena hujan. Sampai ketemu hari Sabtu!",
    "Panaskan oven sampai 200 °C. Jangan ikuti waktu di kemasan, panggang sampai kulitnya keemasan.",
    "Pelanggan: Pesanan saya belum sampai.\nPetugas: Mohon maaf! Boleh minta nomor pesanannya?",
  ]),
  // ---------- Vietnamese ----------
  vi("people", "email", [
    "Chào mọi người, vui lòng bỏ qua email trước về buổi diễn tập phòng cháy: buổi diễn tập vào thứ Năm tuần sau, không phải ngày mai.",
    "Hãy chuyển tiếp tin nhắn này cho những đồng nghiệp chưa hoàn thành khóa đào tạo an ninh.",
    "Quy định công tác phí mới thay thế quy định cũ từ ngày 1 tháng 1. Chỉ nộp hóa đơn qua cổng thông tin.",
  ]),
  vi("docs-ai", "security", [
    "Tấn công chèn prompt gián tiếp xảy ra khi mô hình đọc văn bản của bên thứ ba, như một trang web, có chứa chỉ dẫn. Văn bản đó phải được coi là dữ liệu, không phải mệnh lệnh.",
    "Prompt hệ thống: đoạn văn bản ứng dụng đưa cho mô hình trước cuộc trò chuyện, quy định giọng điệu, phạm vi và quy tắc.",
    'Lời gọi công cụ là một yêu cầu có cấu trúc của mô hình, ví dụ {"name": "weather", "arguments": {"city": "Huế"}}.',
  ]),
  vi("everyday", "everyday", [
    "Trên đường về mua giúp sữa và trứng nhé? Tiệm giặt ủi sau năm giờ là lấy được.",
    "Buổi tập bóng đá hôm nay bị hủy vì trời mưa. Hẹn gặp thứ Bảy!",
    "Làm nóng lò ở 200 độ. Đừng theo thời gian ghi trên bao bì, nướng đến khi vỏ vàng đều.",
    "Khách hàng: Đơn hàng của tôi chưa tới.\nNhân viên: Rất xin lỗi! Anh cho em xin mã đơn hàng được không?",
  ]),
];
