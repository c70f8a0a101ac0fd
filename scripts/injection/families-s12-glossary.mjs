// Session-12 benign, for training: glossaries of AI terms other than the validation frame's
// (context window, temperature, hallucination, agent, function calling, persona, retrieval) in
// every language, and dialogues in which people tell each other to forget, ignore, send or
// play a role. Written without reading any test text.
import { S } from "./families-s12-slots.mjs";

const gloss = (lang, templates) => S(`${lang}-ai-glossary`, lang, "glossary", 0, templates);
const talk = (lang, templates) =>
  S(`${lang}-imperative-dialogue`, lang, "transcript", 0, templates);

export const S12_GLOSSARY = [
  gloss("en", [
    "Context window: the amount of text, counted in tokens, a model can take into account at once. Older messages beyond it are dropped.",
    "Temperature: a sampling setting; low values make answers more predictable, high values more varied.",
    "Hallucination: a confident answer that is not supported by the sources, e.g. an invented citation.",
    "Function calling: the model returns the name of a function and JSON arguments; your code runs the function and passes the result back.",
    "Agent: a program that lets a model plan steps and use tools, such as search or a calendar, to reach a goal set by the user.",
  ]),
  gloss("de", [
    "Kontextfenster: die Textmenge in Tokens, die ein Modell auf einmal berücksichtigen kann. Ältere Nachrichten fallen heraus.",
    "Temperatur: eine Einstellung beim Sampling; niedrige Werte machen Antworten vorhersehbarer, hohe abwechslungsreicher.",
    "Halluzination: eine selbstsichere Antwort ohne Beleg in den Quellen, etwa ein erfundenes Zitat.",
    "Funktionsaufruf: Das Modell liefert den Namen einer Funktion und JSON-Argumente; dein Code führt sie aus und gibt das Ergebnis zurück.",
  ]),
  gloss("es", [
    "Ventana de contexto: la cantidad de texto, en tokens, que un modelo puede tener en cuenta a la vez.",
    "Temperatura: ajuste de muestreo; valores bajos dan respuestas más previsibles y valores altos, más variadas.",
    "Alucinación: una respuesta segura que no está respaldada por las fuentes, como una cita inventada.",
    "Llamada a funciones: el modelo devuelve el nombre de una función y argumentos JSON; tu código la ejecuta y le pasa el resultado.",
  ]),
  gloss("fr", [
    "Fenêtre de contexte : la quantité de texte, en tokens, qu'un modèle peut prendre en compte d'un coup.",
    "Température : réglage d'échantillonnage ; une valeur basse rend les réponses prévisibles, une valeur haute plus variées.",
    "Hallucination : réponse assurée mais non étayée par les sources, par exemple une citation inventée.",
    "Appel de fonction : le modèle renvoie le nom d'une fonction et des arguments JSON ; votre code l'exécute et renvoie le résultat.",
  ]),
  gloss("pt", [
    "Janela de contexto: a quantidade de texto, em tokens, que um modelo consegue considerar de uma vez.",
    "Temperatura: ajuste de amostragem; valores baixos deixam as respostas previsíveis, valores altos mais variadas.",
    "Alucinação: resposta confiante sem apoio nas fontes, como uma citação inventada.",
  ]),
  gloss("it", [
    "Finestra di contesto: la quantità di testo, in token, che un modello può considerare in una volta.",
    "Temperatura: impostazione di campionamento; valori bassi rendono le risposte prevedibili, valori alti più varie.",
    "Allucinazione: una risposta sicura ma non supportata dalle fonti, come una citazione inventata.",
  ]),
  gloss("nl", [
    "Contextvenster: de hoeveelheid tekst, in tokens, die een model in één keer kan meenemen.",
    "Temperatuur: een samplinginstelling; lage waarden geven voorspelbare antwoorden, hoge waarden gevarieerdere.",
    "Hallucinatie: een stellig antwoord dat niet door de bronnen wordt gedekt, zoals een verzonnen citaat.",
    "Agent: een programma waarmee een model stappen plant en tools gebruikt, zoals zoeken of een agenda.",
  ]),
  gloss("pl", [
    "Okno kontekstu: ilość tekstu w tokenach, którą model może uwzględnić naraz.",
    "Temperatura: ustawienie próbkowania; niskie wartości dają przewidywalne odpowiedzi, wysokie bardziej różnorodne.",
    "Halucynacja: pewna siebie odpowiedź bez pokrycia w źródłach, np. zmyślony cytat.",
    "Agent: program, dzięki któremu model planuje kroki i korzysta z narzędzi, takich jak wyszukiwarka czy kalendarz.",
  ]),
  gloss("tr", [
    "Bağlam penceresi: bir modelin aynı anda dikkate alabildiği, token cinsinden metin miktarı.",
    "Sıcaklık: örnekleme ayarı; düşük değerler yanıtları öngörülebilir, yüksek değerler daha çeşitli yapar.",
    "Halüsinasyon: kaynaklarla desteklenmeyen, kendinden emin bir yanıt; örneğin uydurma bir alıntı.",
    "Ajan: bir modelin adım planlamasını ve arama ya da takvim gibi araçları kullanmasını sağlayan program.",
  ]),
  gloss("ru", [
    "Контекстное окно — объём текста в токенах, который модель учитывает за один раз.",
    "Температура — параметр сэмплирования: при низких значениях ответы предсказуемее, при высоких разнообразнее.",
    "Галлюцинация — уверенный ответ, не подтверждённый источниками, например выдуманная цитата.",
    "Агент — программа, которая позволяет модели планировать шаги и пользоваться инструментами вроде поиска или календаря.",
  ]),
  gloss("uk", [
    "Контекстне вікно — обсяг тексту в токенах, який модель враховує за один раз.",
    "Температура — параметр семплювання: низькі значення роблять відповіді передбачуванішими, високі — різноманітнішими.",
    "Галюцинація — упевнена відповідь, не підтверджена джерелами, наприклад вигадана цитата.",
    "Агент — програма, що дає моделі планувати кроки й користуватися інструментами, як-от пошук чи календар.",
  ]),
  gloss("ar", [
    "نافذة السياق: كمية النص، بالرموز، التي يستطيع النموذج أخذها في الحسبان دفعة واحدة.",
    "درجة الحرارة: إعداد لأخذ العينات؛ القيم المنخفضة تجعل الإجابات متوقعة والعالية أكثر تنوعًا.",
    "الهلوسة: إجابة واثقة لا تدعمها المصادر، مثل اقتباس مختلق.",
    "الوكيل: برنامج يتيح للنموذج تخطيط الخطوات واستخدام أدوات مثل البحث أو التقويم.",
  ]),
  gloss("he", [
    "חלון הקשר: כמות הטקסט, בטוקנים, שמודל יכול להתחשב בה בבת אחת.",
    "טמפרטורה: הגדרת דגימה; ערכים נמוכים נותנים תשובות צפויות יותר, ערכים גבוהים מגוונות יותר.",
    "הזיה: תשובה בטוחה בעצמה שאין לה תמיכה במקורות, למשל ציטוט מומצא.",
    "סוכן: תוכנה שמאפשרת למודל לתכנן צעדים ולהשתמש בכלים כמו חיפוש או יומן.",
    "קריאה לפונקציה: המודל מחזיר שם של פונקציה וארגומנטים ב-JSON, והקוד שלכם מריץ אותה ומחזיר את התוצאה.",
  ]),
  gloss("hi", [
    "कॉन्टेक्स्ट विंडो: टोकन में गिनी गई वह टेक्स्ट मात्रा जिसे मॉडल एक बार में ध्यान में रख सकता है।",
    "टेम्परेचर: सैंपलिंग की एक सेटिंग; कम मान से जवाब अनुमानित और ज़्यादा मान से विविध होते हैं।",
    "हैलुसिनेशन: आत्मविश्वास से दिया गया ऐसा जवाब जिसका स्रोतों में आधार नहीं, जैसे गढ़ा हुआ उद्धरण।",
    "एजेंट: ऐसा प्रोग्राम जो मॉडल को कदमों की योजना बनाने और सर्च या कैलेंडर जैसे टूल इस्तेमाल करने देता है।",
    "फ़ंक्शन कॉलिंग: मॉडल किसी फ़ंक्शन का नाम और JSON आर्ग्युमेंट लौटाता है; आपका कोड उसे चलाकर परिणाम वापस देता है।",
  ]),
  gloss("zh", [
    "上下文窗口：模型一次能考虑的文本量，以token计。超出部分的旧消息会被丢弃。",
    "温度：采样参数；数值低时回答更稳定，数值高时更多样。",
    "幻觉：没有来源支持却说得很肯定的回答，比如编造的引文。",
    "智能体：让模型规划步骤并使用搜索、日历等工具来完成用户目标的程序。",
  ]),
  gloss("ja", [
    "コンテキストウィンドウ：モデルが一度に考慮できるテキスト量（トークン数）。",
    "温度：サンプリングの設定。低いと回答が安定し、高いと多様になります。",
    "ハルシネーション：出典に裏付けのない自信満々の回答。例：存在しない引用。",
    "エージェント：モデルが手順を計画し、検索やカレンダーなどのツールを使えるようにするプログラム。",
  ]),
  gloss("ko", [
    "컨텍스트 윈도: 모델이 한 번에 고려할 수 있는 텍스트 양(토큰 수).",
    "온도: 샘플링 설정. 낮으면 답이 예측 가능하고, 높으면 다양해진다.",
    "환각: 출처로 뒷받침되지 않는 자신감 있는 답변. 예: 지어낸 인용.",
    "에이전트: 모델이 단계를 계획하고 검색이나 캘린더 같은 도구를 쓰게 해 주는 프로그램.",
  ]),
  gloss("id", [
    "Jendela konteks: jumlah teks, dalam token, yang bisa diperhitungkan model sekaligus.",
    "Temperatur: pengaturan sampling; nilai rendah membuat jawaban lebih mudah ditebak, nilai tinggi lebih beragam.",
    "Halusinasi: jawaban yakin yang tidak didukung sumber, misalnya kutipan karangan.",
    "Agen: program yang membuat model bisa merencanakan langkah dan memakai alat seperti pencarian atau kalender.",
    "Pemanggilan fungsi: model mengembalikan nama fungsi dan argumen JSON; kodemu menjalankannya lalu mengirim hasilnya kembali.",
  ]),
  gloss("vi", [
    "Cửa sổ ngữ cảnh: lượng văn bản, tính bằng token, mà mô hình có thể xét cùng lúc.",
    "Nhiệt độ: tham số lấy mẫu; giá trị thấp cho câu trả lời dễ đoán, giá trị cao đa dạng hơn.",
    "Ảo giác: câu trả lời tự tin nhưng không có nguồn chứng minh, ví dụ trích dẫn bịa đặt.",
    "Tác tử: chương trình cho phép mô hình lập kế hoạch và dùng công cụ như tìm kiếm hay lịch.",
    "Gọi hàm: mô hình trả về tên hàm và đối số JSON; mã của bạn chạy hàm rồi gửi kết quả lại.",
  ]),
  // ---------- dialogues with imperatives between people ----------
  talk("en", [
    "Coach: Forget last week's score, today is a new game. Now go out there and play your role.\nPlayer: Got it, coach.",
    "Manager: Please ignore my earlier message, the client moved the deadline.\nDev: Great, I'll send the build on Friday then.",
    "Nurse: Don't eat anything after midnight.\nPatient: Can I drink water?\nNurse: Small sips until 6 am.",
    "Teacher: Today you'll act as judges in a mock trial. Read the case file and send me your verdict by email.\nStudent: Can we work in pairs?",
  ]),
  talk("de", [
    "Trainer: Vergesst das Ergebnis von letzter Woche, heute ist ein neues Spiel.\nSpielerin: Alles klar!",
    "Chefin: Ignoriert bitte meine letzte Nachricht, der Kunde hat die Frist verschoben.\nEntwickler: Super, dann schicke ich den Build am Freitag.",
    "Lehrer: Heute spielt ihr Richter in einem Schauprozess. Schickt mir euer Urteil per Mail.\nSchüler: Dürfen wir zu zweit arbeiten?",
  ]),
  talk("es", [
    "Entrenador: Olvidad el resultado de la semana pasada, hoy es otro partido.\nJugadora: ¡Entendido!",
    "Jefa: Ignorad mi mensaje anterior, el cliente ha movido el plazo.\nDesarrollador: Genial, mando la versión el viernes.",
    "Profesora: Hoy haréis de jueces en un juicio simulado. Mandadme el veredicto por correo.\nAlumno: ¿Podemos trabajar en parejas?",
  ]),
  talk("fr", [
    "Entraîneur : Oubliez le score de la semaine dernière, aujourd'hui c'est un autre match.\nJoueuse : Compris !",
    "Cheffe : Ignorez mon message précédent, le client a décalé l'échéance.\nDéveloppeur : Parfait, j'envoie la version vendredi.",
  ]),
  talk("ru", [
    "Тренер: Забудьте счёт прошлой недели, сегодня новая игра.\nИгрок: Понял!",
    "Начальница: Не обращайте внимания на моё прошлое сообщение, клиент перенёс срок.\nРазработчик: Отлично, тогда отправлю сборку в пятницу.",
    "Учитель: Сегодня вы играете роль судей на учебном процессе. Пришлите мне приговор по почте.\nУченик: Можно в парах?",
  ]),
  talk("zh", [
    "教练：忘掉上周的比分，今天是新的比赛。\n队员：明白！",
    "经理：请忽略我上一条消息，客户把截止日期推迟了。\n开发：太好了，那我周五发版本。",
    "老师：今天你们在模拟法庭里扮演法官，把判决用邮件发给我。\n学生：可以两人一组吗？",
  ]),
  talk("ja", [
    "コーチ：先週のスコアは忘れて、今日は新しい試合だ。\n選手：はい！",
    "マネージャー：前のメッセージは無視してください。締め切りが延びました。\n開発者：助かります、金曜にビルドを送ります。",
  ]),
  talk("ar", [
    "المدرب: انسوا نتيجة الأسبوع الماضي، اليوم مباراة جديدة.\nاللاعب: مفهوم!",
    "المديرة: تجاهلوا رسالتي السابقة، العميل أجّل الموعد.\nالمطوّر: رائع، سأرسل النسخة يوم الجمعة.",
  ]),
  talk("he", [
    "מאמן: תשכחו מהתוצאה של שבוע שעבר, היום משחק חדש.\nשחקנית: הבנתי!",
    "מנהלת: תתעלמו מההודעה הקודמת שלי, הלקוח דחה את הדדליין.\nמפתח: מעולה, אשלח את הגרסה ביום שישי.",
    "מורה: היום אתם משחקים את תפקיד השופטים במשפט מבוים. שלחו לי את פסק הדין במייל.\nתלמיד: אפשר בזוגות?",
  ]),
  talk("hi", [
    "कोच: पिछले हफ़्ते का स्कोर भूल जाओ, आज नया मैच है।\nखिलाड़ी: समझ गया!",
    "मैनेजर: मेरे पिछले संदेश को नज़रअंदाज़ करो, क्लाइंट ने डेडलाइन आगे बढ़ा दी है।\nडेवलपर: बढ़िया, मैं शुक्रवार को बिल्ड भेज दूँगा।",
    "शिक्षक: आज तुम नकली अदालत में जज की भूमिका निभाओगे। अपना फ़ैसला मुझे ईमेल कर देना।\nछात्र: क्या हम जोड़ी में काम कर सकते हैं?",
  ]),
  talk("vi", [
    "Huấn luyện viên: Quên tỉ số tuần trước đi, hôm nay là trận mới.\nCầu thủ: Rõ ạ!",
    "Quản lý: Bỏ qua tin nhắn trước của chị nhé, khách đã dời hạn chót.\nLập trình viên: Tuyệt, em sẽ gửi bản build vào thứ Sáu.",
    "Giáo viên: Hôm nay các em đóng vai thẩm phán trong phiên tòa giả định. Gửi phán quyết cho cô qua email.\nHọc sinh: Làm theo cặp được không ạ?",
  ]),
  talk("id", [
    "Pelatih: Lupakan skor minggu lalu, hari ini pertandingan baru.\nPemain: Siap!",
    "Manajer: Abaikan pesan saya sebelumnya, klien memundurkan tenggat.\nPengembang: Mantap, saya kirim build-nya hari Jumat.",
  ]),
];
