/* seed_words.c: the demo data's vocabulary (see seed_words.h and
 * shared/spec/demo-data.md). Later seeding steps add their lists here. */
#include "seed_words.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* --- departments and job titles ------------------------------------------ */

static const char *const TITLES_BSD[] = {"beleidsadviseur", "bestuursadviseur", "communicatieadviseur"};
static const char *const TITLES_DPZ[] = {"klantcontactmedewerker", "klantcontactmedewerker",
                                         "medewerker burgerzaken", "teamleider"};
static const char *const TITLES_DSO[] = {"vergunningverlener", "beleidsadviseur", "projectleider"};
static const char *const TITLES_DSB[] = {"handhaver", "wijkregisseur", "toezichthouder openbare ruimte"};
static const char *const TITLES_OCW[] = {"beleidsadviseur", "wijkregisseur", "leerplichtambtenaar"};
static const char *const TITLES_SZW[] = {"consulent werk en inkomen", "consulent werk en inkomen",
                                         "klantmanager", "schuldhulpverlener"};
static const char *const TITLES_ICT[] = {"informatieadviseur", "functioneel beheerder", "data-analist"};
static const char *const TITLES_HR[] = {"HR-adviseur", "loopbaanadviseur"};
static const char *const TITLES_FIN[] = {"financieel adviseur", "medewerker kwijtschelding"};
static const char *const TITLES_JUR[] = {"jurist", "bezwaarbehandelaar"};

/* Weights sum to 100: the front-line services (DPZ, SZW) are the large ones,
 * the legal department is small. */
const seed_words_department seed_words_departments[] = {
    {"BSD", "Bestuursdienst", 7, 640, TITLES_BSD, COUNT(TITLES_BSD)},
    {"DPZ", "Dienst Publiekszaken", 20, 1380, TITLES_DPZ, COUNT(TITLES_DPZ)},
    {"DSO", "Dienst Stedelijke Ontwikkeling", 11, 1240, TITLES_DSO, COUNT(TITLES_DSO)},
    {"DSB", "Dienst Stadsbeheer", 12, 1870, TITLES_DSB, COUNT(TITLES_DSB)},
    {"OCW", "Dienst Onderwijs, Cultuur en Welzijn", 11, 920, TITLES_OCW, COUNT(TITLES_OCW)},
    {"SZW", "Dienst Sociale Zaken en Werkgelegenheid", 20, 1710, TITLES_SZW, COUNT(TITLES_SZW)},
    {"ICT", "ICT-dienstverlening", 8, 460, TITLES_ICT, COUNT(TITLES_ICT)},
    {"HR", "HR-dienstverlening", 4, 240, TITLES_HR, COUNT(TITLES_HR)},
    {"FIN", "Financiën", 4, 310, TITLES_FIN, COUNT(TITLES_FIN)},
    {"JUR", "Juridische Zaken", 3, 150, TITLES_JUR, COUNT(TITLES_JUR)},
};
const size_t seed_words_departments_count = COUNT(seed_words_departments);

const char *const seed_words_general_titles[] = {
    "klantcontactmedewerker",
    "beleidsadviseur",
    "teamleider",
    "wijkregisseur",
    "consulent werk en inkomen",
    "vergunningverlener",
    "handhaver",
    "jurist",
    "informatieadviseur",
    "projectleider",
    "adviseur bedrijfsvoering",
    "managementassistent",
};
const size_t seed_words_general_titles_count = COUNT(seed_words_general_titles);

/* --- interests ------------------------------------------------------------ */

const char *const seed_words_interests[] = {
    "klantreis",          "taalgebruik (B1)", "digitale dienstverlening",
    "wijkgericht werken", "ont-regelen",      "inclusie",
};
const size_t seed_words_interests_count = COUNT(seed_words_interests);

/* --- names ---------------------------------------------------------------- */

static const char *const FIRST_DUTCH[] = {
    "Jan",        "Anna",     "Pieter",  "Sanne",   "Thomas",  "Lotte",    "Daan",   "Emma",
    "Bram",       "Femke",    "Ruben",   "Marieke", "Joost",   "Ingrid",   "Wouter", "Esther",
    "Sander",     "Annemiek", "Kees",    "Petra",   "Maarten", "Eva",      "Tim",    "Lieke",
    "Gert-Jan",   "Marloes",  "Henk",    "Ilse",    "Niels",   "Mirjam",   "Bas",    "Saskia",
    "Jeroen",     "Karin",    "Floor",   "Sem",     "Noor",    "Hendrik",  "Wilma",  "Rob",
    "José",       "Renée",    "Anouk",   "Chantal", "Dirk",    "Mariëlle", "Noël",   "Mark",
    "Linda",      "Erik",     "Monique", "Frank",   "Judith",  "Martijn",  "Iris",   "Koen",
    "Anne-Marie", "Stijn",    "Els",     "Hans",    "Yvonne",  "Rik",      "Fleur",  "Jasper",
};

static const char *const SURNAMES_DUTCH[] = {
    "de Vries",       "Jansen",       "de Jong",       "van den Berg", "van Dijk",
    "Bakker",         "Janssen",      "Visser",        "Smit",         "Meijer",
    "de Boer",        "Mulder",       "de Groot",      "Bos",          "Vos",
    "Peters",         "Hendriks",     "van Leeuwen",   "Dekker",       "Brouwer",
    "de Wit",         "Dijkstra",     "Smits",         "de Graaf",     "van der Meer",
    "van der Linden", "Kok",          "Jacobs",        "de Haan",      "Vermeulen",
    "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn",    "van der Heijden",
    "Schouten",       "van Beek",     "Willems",       "van Vliet",    "van de Ven",
    "Hoekstra",       "Maas",         "Verhoeven",     "Koster",       "van Dam",
    "van der Wal",    "Prins",        "Blom",          "Huisman",      "'t Hart",
    "van 't Hof",     "ter Horst",    "Kuipers",       "van Rijn",     "van der Laan",
    "den Hartog",     "Zwart",        "Wijnands",      "Groen",        "de Ruiter",
    "van Wijk",       "Verbeek",      "Post",          "Kramer",       "van Os",
};

static const char *const FIRST_MOROCCAN[] = {
    "Fatima",  "Mohamed", "Yassine", "Nadia",    "Said",    "Khadija", "Karim", "Samira",
    "Youssef", "Imane",   "Hamza",   "Soufiane", "Latifa",  "Nora",    "Ilham", "Bilal",
    "Meryem",  "Anouar",  "Hanane",  "Mustafa",  "Zakaria", "Salma",   "Naima", "Rachid",
    "Loubna",  "Ayoub",   "Hind",    "Mohammed", "Siham",   "Redouan",
};

static const char *const SURNAMES_MOROCCAN[] = {
    "El Amrani", "El Idrissi", "Bouzid",     "Benali",      "El Khatib",  "Azzouzi",
    "Boukhari",  "Chaouch",    "Tahiri",     "Ziani",       "Bakkali",    "El Bouazzaoui",
    "Haddouchi", "Aït Ouali",  "Ouahabi",    "El Hamdaoui", "Boulahrouz", "Achahbar",
    "Amezian",   "El Yousfi",  "Bouchtaoui", "Lamrini",     "Essafi",     "Ben Haddou",
};

static const char *const FIRST_TURKISH[] = {
    "Özlem", "Mehmet", "Ayşe",   "Emre",   "Elif",  "Murat", "Zeynep", "Hakan",   "Fatma",
    "Burak", "Esra",   "Serkan", "Gül",    "Kemal", "Derya", "Yusuf",  "Merve",   "Can",
    "Hülya", "Ömer",   "Selin",  "Tuncay", "Büşra", "Ercan", "Sibel",  "İbrahim",
};

static const char *const SURNAMES_TURKISH[] = {
    "Yılmaz", "Kaya",    "Demir",  "Şahin", "Çelik",   "Yıldız", "Yıldırım", "Öztürk",
    "Aydın",  "Özdemir", "Arslan", "Doğan", "Kılıç",   "Aslan",  "Çetin",    "Koç",
    "Kurt",   "Özkan",   "Şimşek", "Polat", "Erdoğan", "Güler",  "Karataş",  "Altun",
};

static const char *const FIRST_SURINAMESE[] = {
    "Rishi",  "Anand",   "Shanti", "Priya",   "Ravi",    "Sharmila", "Glenn",   "Romano",
    "Sheila", "Kenneth", "Rachna", "Sunil",   "Vishaal", "Ashwin",   "Reshma",  "Marcel",
    "Quincy", "Jurgen",  "Naomi",  "Sandhya", "Dennis",  "Gracia",   "Ricardo", "Kavita",
};

static const char *const SURNAMES_SURINAMESE[] = {
    "Ramdin",   "Ramlal",     "Mahabier", "Sewnath",    "Jagessar", "Kanhai", "Bhagwandin", "Sital",
    "Ramsaran", "Biharie",    "Doekhie",  "Monsels",    "Nelom",    "Sabajo", "Wijngaarde", "Sordam",
    "Zeefuik",  "Tjon A Ten", "Lie A Fo", "Kartoredjo", "Pinas",    "Held",   "Soekhoe",    "Autar",
};

static const char *const FIRST_INDONESIAN[] = {
    "Dewi",   "Wim",    "Sari",  "Anton", "Rudy",  "Yvette", "Robby", "Marvin",
    "Tamara", "Johnny", "Intan", "Budi",  "Ricky", "Esmee",  "Ferry", "Mieke",
};

static const char *const SURNAMES_INDONESIAN[] = {
    "Tanihatu", "Latuheru", "Sahetapy", "Pattinama",    "Wattimena", "Siahaya", "Tahitu",   "Hehanussa",
    "Soeripto", "Hartono",  "Soepardi", "Pattipeilohy", "Lawalata",  "Nanlohy", "Soedarmo", "van der Kroft",
};

/* Shares roughly follow The Hague's population by background. */
const seed_words_name_group seed_words_name_groups[] = {
    {"Dutch", 58, FIRST_DUTCH, COUNT(FIRST_DUTCH), SURNAMES_DUTCH, COUNT(SURNAMES_DUTCH)},
    {"Moroccan-Dutch", 12, FIRST_MOROCCAN, COUNT(FIRST_MOROCCAN), SURNAMES_MOROCCAN,
     COUNT(SURNAMES_MOROCCAN)},
    {"Turkish-Dutch", 11, FIRST_TURKISH, COUNT(FIRST_TURKISH), SURNAMES_TURKISH, COUNT(SURNAMES_TURKISH)},
    {"Surinamese-Dutch", 12, FIRST_SURINAMESE, COUNT(FIRST_SURINAMESE), SURNAMES_SURINAMESE,
     COUNT(SURNAMES_SURINAMESE)},
    {"Indonesian-Dutch", 7, FIRST_INDONESIAN, COUNT(FIRST_INDONESIAN), SURNAMES_INDONESIAN,
     COUNT(SURNAMES_INDONESIAN)},
};
const size_t seed_words_name_groups_count = COUNT(seed_words_name_groups);

/* --- red-button reports ------------------------------------------------------ */

const char *const seed_words_categories[] = {"procedure", "regulation",    "it_system",
                                             "form",      "communication", "other"};
const size_t seed_words_categories_count = COUNT(seed_words_categories);

/* Problems any topic with the right traits can have. */
const seed_words_problem seed_words_problems[] = {
    /* form */
    {"form", SW_RESIDENT | SW_FORM, NULL, "{W} moet voor {s} drie keer dezelfde gegevens invullen",
     "Voor {s} vult een {w} naam, adres en BSN eerst in op het webformulier, daarna op een papieren "
     "machtiging en aan de balie nog een keer. Die gegevens staan allang in de BRP.",
     "Formulier voor {s} aangepast: naam, adres en BSN worden nu vooraf ingevuld vanuit de BRP."},
    {"form", SW_FORM, NULL, "Aanvraagformulier {s} vraagt gegevens die de gemeente al heeft",
     "Het formulier voor {s} vraagt naar gezinssamenstelling, adres en inkomen. Die gegevens hebben we "
     "al in onze eigen systemen, maar {p} moeten ze opnieuw opzoeken en invullen.",
     "Vragen naar gegevens die we al hebben, zijn uit het formulier voor {s} gehaald; het formulier is "
     "gehalveerd."},
    {"form", SW_FORM, NULL, "Handtekening op papier nodig bij aanvraag {s}",
     "Na het digitale formulier moet voor {s} nog een formulier worden geprint, ondertekend en "
     "opgestuurd. Veel {p} hebben thuis geen printer, dus de aanvraag blijft weken liggen.",
     "Papieren handtekening geschrapt; een aanvraag met DigiD geldt als ondertekend."},
    {"form", SW_RESIDENT | SW_FORM, "digitale-formulieren",
     "Digitaal formulier voor {s} werkt niet op een telefoon",
     "Het formulier voor {s} past niet op het scherm van een smartphone en de knop om te verzenden "
     "valt buiten beeld. De meeste {p} proberen het juist op hun telefoon.",
     "Het formulier voor {s} werkt nu ook op mobiel; getest met bewoners in de bibliotheek."},
    {"form", SW_FORM, NULL, "Formulier voor {s} vraagt om een bijlage die niemand heeft",
     "Het formulier voor {s} is pas te verzenden als er een 'verklaring' is bijgevoegd. Welke "
     "verklaring bedoeld wordt, staat nergens; {p} uploaden maar iets om verder te kunnen.",
     "De verplichte bijlage is geschrapt; als we iets missen, nemen we contact op."},
    /* communication */
    {"communication", SW_LETTER, "onbegrijpelijke-brieven", "Brief over {s} is niet op B1-niveau",
     "De brief over {s} staat vol wetsartikelen en woorden als 'beschikking' en 'ontvankelijk'. {P} "
     "bellen ons om te vragen wat er eigenlijk staat en wat ze nu moeten doen.",
     "Brief over {s} herschreven op B1-niveau, samen met het taalteam en getest met bewoners."},
    {"communication", SW_LETTER, NULL, "Besluit over {s} noemt geen contactpersoon",
     "In het besluit over {s} staat geen naam en geen direct telefoonnummer. Wie een vraag heeft, "
     "belt 14070 en komt uit bij iemand die het dossier niet kan inzien.",
     "Naam en direct telefoonnummer van de behandelaar staan nu in elk besluit over {s}."},
    {"communication", SW_LETTER, "onbegrijpelijke-brieven", "Website en brief over {s} spreken elkaar tegen",
     "Op de website staat voor {s} een andere termijn dan in de brief die {p} krijgen. Niemand weet "
     "welke nu geldt, ook wij aan de telefoon niet.",
     "Website en brief over {s} gelijkgetrokken; de tekst komt nu uit één bron."},
    {"communication", SW_RESIDENT, "terugbelafspraken",
     "Terugbelverzoek over {s} komt niet bij de juiste afdeling",
     "Als een {w} via het KCC een terugbelverzoek over {s} achterlaat, komt dat in een algemene "
     "mailbox terecht. Het duurt dagen voordat de juiste afdeling het ziet, en intussen belt de {w} "
     "nog drie keer.",
     "Terugbelverzoeken over {s} gaan nu rechtstreeks naar de vakafdeling, met terugbellen binnen twee "
     "werkdagen."},
    {"communication", SW_LETTER, NULL, "Herinnering over {s} komt eerder dan de eerste brief",
     "De herinnering over {s} wordt automatisch verstuurd na een vaste termijn, ook als de eerste "
     "brief nog niet bezorgd is. {P} schrikken van een aanmaning zonder dat ze ooit iets kregen.",
     "De herinnering wordt pas verstuurd als de eerste brief aantoonbaar is verzonden, en de termijn is "
     "verlengd naar zes weken."},
    {"communication", SW_FORM | SW_DECISION, NULL,
     "{P} horen pas na weken of hun aanvraag voor {s} binnen is",
     "Na het indienen van een aanvraag voor {s} krijgen {p} geen ontvangstbevestiging. Ze bellen "
     "daarom na een week om te vragen of de aanvraag wel is aangekomen.",
     "Na het indienen volgt nu direct een ontvangstbevestiging per e-mail, met de verwachte beslisdatum."},
    /* procedure */
    {"procedure", SW_COUNTER, NULL, "Legitimatieplicht aan de balie voor {s} terwijl DigiD al gebruikt is",
     "Wie {s} online met DigiD heeft aangevraagd, moet aan de balie toch nog een identiteitsbewijs "
     "laten zien en opnieuw tekenen. De identiteit staat dan al twee keer vast.",
     "Na een aanvraag met DigiD is aan de balie alleen nog identificatie nodig, geen tweede controle en geen "
     "tweede handtekening."},
    {"procedure", SW_RESIDENT | SW_COUNTER, "wachttijd-afspraak-stadsdeelkantoor",
     "{W} moet voor {s} twee keer naar het stadsdeelkantoor",
     "Voor {s} is eerst een afspraak nodig om aan te vragen en daarna nog een afspraak om op te halen "
     "of te tekenen. Voor veel {p} betekent dat twee keer vrij nemen van hun werk.",
     "Aanvragen en ophalen van {s} kan nu in één afspraak, of het document wordt thuisbezorgd."},
    {"procedure", SW_COUNTER, "wachttijd-afspraak-stadsdeelkantoor",
     "Afspraak voor {s} pas over zes weken mogelijk",
     "In de online agenda is voor {s} de eerste vrije plek pas over zes weken. {P} die haast hebben, "
     "komen toch naar de balie en worden weggestuurd.",
     "Extra baliecapaciteit op dinsdagavond en zaterdagochtend; de wachttijd voor {s} is nu minder dan twee "
     "weken."},
    {"procedure", SW_DECISION, NULL, "Aanvraag {s} ligt weken stil door een dubbele controle",
     "Na de beoordeling door de behandelaar controleert een tweede collega hetzelfde dossier nog eens "
     "volledig. Die tweede controle levert vrijwel nooit iets op, maar kost gemiddeld twee weken.",
     "De tweede controle vervalt; er blijft een steekproef van 10% over."},
    {"procedure", SW_INCOME, NULL, "Bij elke aanvraag voor {s} moeten alle bewijsstukken opnieuw",
     "Ook als er niets veranderd is, moeten {p} bij elke aanvraag voor {s} alle bewijsstukken opnieuw "
     "aanleveren: identiteitsbewijs, huurcontract, bankafschriften.",
     "Bewijsstukken die al in het dossier zitten, vragen we niet opnieuw op."},
    {"procedure", SW_RESIDENT | SW_FORM, NULL, "Papieren machtiging nodig als een partner {s} regelt",
     "Als een partner of mantelzorger {s} regelt voor iemand die dat zelf niet kan, moet er eerst een "
     "papieren machtiging komen. Die machtiging geldt maar voor één aanvraag.",
     "Machtigen kan nu digitaal met DigiD Machtigen, en een machtiging geldt voor alle volgende aanvragen."},
    {"procedure", SW_DECISION, NULL, "Aanvraag {s} wordt bij een kleine fout helemaal teruggestuurd",
     "Een ontbrekend vinkje of een verkeerde datum betekent dat de hele aanvraag voor {s} wordt "
     "teruggestuurd en {p} achteraan opnieuw beginnen. Even bellen zou vijf minuten kosten.",
     "Bij een kleine fout belt de behandelaar nu eerst; de aanvraag houdt haar plek in de rij."},
    /* regulation */
    {"regulation", SW_INCOME, NULL, "{S} vraagt papieren bewijsstukken die we al hebben",
     "Voor {s} moeten {p} bankafschriften van drie maanden, loonstroken en een huurcontract op papier "
     "inleveren, terwijl we die gegevens via Suwinet of uit een eerdere aanvraag al hebben.",
     "Beleidsregel voor {s} aangepast: gegevens die we via Suwinet of een eerdere aanvraag hebben, vragen we "
     "niet opnieuw op."},
    {"regulation", SW_DECISION, NULL, "Wachttermijn voor {s} is voor niemand uit te leggen",
     "De regels schrijven voor {s} een wachttermijn van vier weken voor, ook als alles compleet is. "
     "Niemand bij de afdeling weet nog waarom die termijn er is.",
     "De wethouder heeft ingestemd met het schrappen van de wachttermijn; gaat in per 1 januari."},
    {"regulation", SW_INCOME, NULL, "Inkomensgrens voor {s} sluit mensen uit voor wie het bedoeld is",
     "De inkomensgrens voor {s} ligt op 110% van het sociaal minimum. Wie net iets meer verdient, "
     "bijvoorbeeld door een paar uur extra werk, valt er helemaal buiten en gaat er netto op achteruit.",
     "De inkomensgrens is verhoogd naar 120% van het sociaal minimum, met een glijdende schaal erboven."},
    {"regulation", SW_PERMIT, NULL, "Volledige procedure voor {s} ook bij een kleine, eenmalige situatie",
     "Ook voor een kleine, eenmalige situatie geldt voor {s} de volledige procedure met leges en een "
     "beslistermijn van acht weken. Andere gemeenten werken hier met een melding.",
     "Voor kleine, eenmalige situaties volstaat nu een melding in plaats van een vergunning."},
    /* it_system */
    {"it_system", 0, NULL, "Gegevens voor {s} moeten in twee systemen worden ingevoerd",
     "Wij typen elke zaak over {s} over van het ene systeem in het andere, omdat er geen koppeling is. "
     "Dat kost per keer zo'n tien minuten en levert tikfouten op.",
     "Koppeling gebouwd tussen de systemen; dubbel invoeren is niet meer nodig."},
    {"it_system", SW_RESIDENT | SW_DECISION, NULL, "Status van {s} is aan de balie en telefoon niet te zien",
     "{P} bellen om te vragen hoe het staat met hun aanvraag voor {s}, maar wij kunnen de status niet "
     "inzien. We beloven terug te bellen en moeten zelf gaan mailen met de afdeling.",
     "Balie en KCC kunnen de status van {s} nu zelf inzien."},
    {"it_system", SW_RESIDENT | SW_FORM, "digitale-formulieren",
     "Inloggen met DigiD voor {s} valt halverwege het formulier weg",
     "Na twintig minuten zonder klik verloopt de DigiD-sessie en is alles wat er voor {s} is ingevuld "
     "weg. Tussentijds opslaan kan niet.",
     "Het formulier slaat tussentijds op; wie opnieuw inlogt, gaat verder waar hij was."},
    {"it_system", SW_RESIDENT | SW_FORM, NULL, "Systeem voor {s} accepteert geen huisnummertoevoeging",
     "Adressen met een toevoeging als 'A' of 'bis' worden voor {s} door het systeem geweigerd. We "
     "voeren ze nu met een omweg in, waardoor post soms verkeerd wordt bezorgd.",
     "De leverancier heeft het adresveld aangepast; toevoegingen worden nu geaccepteerd."},
    {"it_system", SW_FORM, "digitale-formulieren", "Bijlagen bij {s} mogen maximaal 2 MB zijn",
     "Het uploadveld voor {s} weigert bestanden boven 2 MB. Een foto van een document met een telefoon "
     "is al snel groter, dus {p} sturen het alsnog per post.",
     "Bijlagen tot 20 MB worden nu geaccepteerd en foto's automatisch verkleind."},
    /* other */
    {"other", 0, NULL, "Niemand weet wie eigenaar is van de procedure voor {s}",
     "Als er iets misgaat bij {s}, wijzen drie afdelingen naar elkaar. Er is geen eigenaar van het "
     "proces als geheel, dus verbeteringen blijven liggen.",
     "Eigenaar aangewezen voor het hele proces rond {s}; verbeteringen lopen nu via één persoon."},
    {"other", SW_COUNTER, NULL, "Regels voor {s} worden per stadsdeel anders uitgelegd",
     "Het ene stadsdeelkantoor vraagt voor {s} om extra documenten, het andere niet. {P} krijgen zo "
     "verschillende antwoorden op dezelfde vraag.",
     "Eén werkinstructie voor alle stadsdelen opgesteld en besproken in de teamoverleggen."},
    {"other", 0, NULL, "Werkinstructie voor {s} is verouderd",
     "De werkinstructie voor {s} verwijst naar formulieren en systemen die we niet meer gebruiken. "
     "Nieuwe collega's leren het daarom van elkaar, en iedereen doet het net anders.",
     "Werkinstructie voor {s} herschreven en op intranet gezet."},
    /* internal processes */
    {"procedure", SW_INTERNAL, NULL, "Drie handtekeningen van leidinggevenden nodig voor {s}",
     "Voor {s} moeten de teamleider, de afdelingsmanager en de controller tekenen, ook voor kleine "
     "bedragen. Als één van hen op vakantie is, ligt alles stil.",
     "Onder de 5.000 euro volstaat nu de handtekening van de teamleider."},
    {"form", SW_INTERNAL | SW_FORM, NULL, "Voor {s} moet een Excelformulier geprint en ingescand worden",
     "Het formulier voor {s} is een Excelbestand dat je moet printen, laten ondertekenen en weer "
     "inscannen. Daarna typt een collega het over in het systeem.",
     "Het Excelformulier is vervangen door een digitaal formulier in het medewerkersportaal."},
    {"it_system", SW_INTERNAL, NULL, "Aanvragen voor {s} lopen via drie verschillende portalen",
     "Voor {s} begin je in het ene portaal, vraag je in het tweede goedkeuring en volg je in het derde "
     "de status. Niemand weet precies welk portaal waarvoor is.",
     "Alles loopt nu via één portaal; de andere twee zijn uitgezet."},
    {"procedure", SW_INTERNAL | SW_DECISION, NULL,
     "Goedkeuring voor {s} blijft weken hangen bij afwezige budgethouder",
     "Er is voor {s} geen vervanger ingesteld als de budgethouder afwezig is. Aanvragen blijven dan "
     "weken staan zonder dat iemand het merkt.",
     "Elke budgethouder heeft nu een vaste vervanger; na vijf werkdagen gaat de aanvraag automatisch door."},
};
const size_t seed_words_problems_count = COUNT(seed_words_problems);

/* Problems only one topic has. */
static const seed_words_problem OWN_PARKEREN[] = {
    {"regulation", 0, "parkeervergunningen",
     "Parkeervergunning vervalt bij verhuizing binnen dezelfde straat",
     "Wie een paar huizen verderop gaat wonen, verliest de parkeervergunning en komt onderaan de "
     "wachtlijst. De straat en de auto blijven dezelfde.",
     "Bij een verhuizing binnen hetzelfde vergunninggebied gaat de vergunning nu mee."},
    {"form", 0, "parkeervergunningen", "Bewoner moet kenteken van leaseauto elk jaar opnieuw bewijzen",
     "Voor een leaseauto moet elk jaar een nieuwe werkgeversverklaring worden geüpload, ook als het "
     "leasecontract nog jaren doorloopt.",
     "De werkgeversverklaring geldt nu voor de looptijd van het leasecontract."},
};

static const seed_words_problem OWN_BIJZONDERE_BIJSTAND[] = {
    {"regulation", 0, NULL, "Bijzondere bijstand voor een wasmachine vraagt drie offertes",
     "Voor een kapotte wasmachine moeten bewoners drie offertes verzamelen en inleveren. Intussen gaan "
     "ze weken naar de wasserette, en de goedkoopste offerte wordt toch altijd gekozen.",
     "Voor witgoed geldt nu een vast bedrag; offertes zijn niet meer nodig."},
};

static const seed_words_problem OWN_KWIJTSCHELDING[] = {
    {"regulation", 0, "kwijtschelding-belastingen",
     "Kwijtschelding moet elk jaar opnieuw, ook bij alleen AOW",
     "Inwoners die alleen AOW hebben, moeten elk jaar opnieuw kwijtschelding aanvragen, terwijl hun "
     "situatie niet verandert. Automatisch toetsen via het Inlichtingenbureau kan ook.",
     "Kwijtschelding wordt nu elk jaar automatisch getoetst via het Inlichtingenbureau."},
};

static const seed_words_problem OWN_WMO[] = {
    {"procedure", 0, "trage-afhandeling-wmo", "Keukentafelgesprek wordt voor elke verlenging opnieuw gepland",
     "Ook bij een blijvende beperking plannen we voor elke verlenging een nieuw keukentafelgesprek. "
     "Inwoners vertellen voor de vierde keer hetzelfde verhaal en wachten weken op de afspraak.",
     "Bij een blijvende beperking volstaat voor verlenging een telefoongesprek."},
};

static const seed_words_problem OWN_LEERLINGENVERVOER[] = {
    {"regulation", 0, NULL, "Ouders moeten elk schooljaar opnieuw aantonen dat hun kind niet zelf kan reizen",
     "Voor kinderen met een blijvende beperking moeten ouders elk schooljaar een nieuwe aanvraag met "
     "medische gegevens indienen. Er verandert niets, maar de aanvraag kost weken.",
     "Bij een blijvende beperking geldt de toekenning nu voor de hele schoolperiode."},
};

static const seed_words_problem OWN_PASPOORT[] = {
    {"procedure", 0, NULL, "Legitimatieplicht aan de balie terwijl DigiD al gebruikt is",
     "Wie de aanvraag online met DigiD heeft voorbereid, moet aan de balie toch een identiteitsbewijs "
     "laten zien en alle gegevens opnieuw laten controleren.",
     "Identificatie alleen nog bij het ophalen; de extra controle aan de balie is geschrapt."},
    {"regulation", 0, "wachttijd-afspraak-stadsdeelkantoor",
     "Pasfoto wordt afgekeurd op eisen die de fotograaf niet kent",
     "Aan de balie keuren we pasfoto's af op eisen die strenger zijn dan de landelijke fotomatrix. "
     "Bewoners moeten een nieuwe foto laten maken en een nieuwe afspraak plannen.",
     "We toetsen pasfoto's alleen nog aan de landelijke fotomatrix; de eigen extra eisen zijn vervallen."},
};

static const seed_words_problem OWN_GROFVUIL[] = {
    {"procedure", 0, "afval-en-grofvuil", "Grofvuil ophalen kan alleen na een online afspraak",
     "Een afspraak voor grofvuil kan alleen online worden gemaakt. Ouderen en bewoners zonder computer "
     "zetten hun spullen dan maar zo op straat, met een boete als gevolg.",
     "Een grofvuilafspraak kan weer telefonisch via 14070 worden gemaakt."},
};

static const seed_words_problem OWN_KCC[] = {
    {"communication", 0, "terugbelafspraken", "Terugbelverzoek via 14070 komt niet bij de juiste afdeling",
     "Een terugbelverzoek dat via 14070 binnenkomt, wordt doorgezet naar een algemene mailbox. De "
     "juiste afdeling ziet het pas na dagen, en de bewoner belt intussen drie keer opnieuw.",
     "Terugbelverzoeken gaan nu rechtstreeks naar de wachtrij van de vakafdeling."},
    {"it_system", 0, "bereikbaarheid-14070", "Wachtrij van 14070 verbreekt de verbinding na twintig minuten",
     "Wie op drukke momenten 14070 belt, wordt na twintig minuten in de wachtrij afgebroken, zonder "
     "aanbod om terug te bellen. Bewoners beginnen daarna weer achteraan.",
     "Na tien minuten wachten krijgen bellers nu het aanbod om teruggebeld te worden."},
    {"communication", 0, "bereikbaarheid-14070",
     "Keuzemenu van 14070 heeft geen optie voor een lopende aanvraag",
     "Het keuzemenu vraagt naar het onderwerp, maar niet of het om een lopende aanvraag gaat. Bewoners "
     "met een vraag over hun dossier komen zo bij een collega die het dossier niet kan inzien.",
     "Het keuzemenu heeft nu een optie voor vragen over een lopende aanvraag, die direct naar de vakafdeling "
     "gaat."},
    {"procedure", 0, "terugbelafspraken", "KCC kan via 14070 geen afspraak inplannen bij een andere dienst",
     "Collega's van het KCC kunnen geen afspraak maken in de agenda van bijvoorbeeld Sociale Zaken. "
     "Ze geven een telefoonnummer door en de bewoner moet opnieuw bellen.",
     "Het KCC heeft nu toegang tot de afsprakenagenda's van Sociale Zaken en OCW."},
};

static const seed_words_problem OWN_BALIE[] = {
    {"procedure", 0, "bejegening-balie",
     "Bewoners zonder afspraak worden aan de balie weggestuurd zonder uitleg",
     "Bij de ingang van het stadsdeelkantoor worden bewoners zonder afspraak meteen teruggestuurd. "
     "Niemand kijkt of de vraag misschien in twee minuten te beantwoorden is.",
     "Bij de ingang staat nu een gastheer of gastvrouw die korte vragen direct beantwoordt."},
    {"procedure", 0, "bejegening-balie", "Balie mag geen kopie van een document maken voor een bewoner",
     "Baliemedewerkers mogen geen kopie maken van bijvoorbeeld een huurcontract dat een bewoner bij "
     "zich heeft. De bewoner moet het thuis scannen en uploaden, terwijl het papier al op de balie ligt.",
     "Baliemedewerkers mogen een document scannen en met toestemming direct aan het dossier toevoegen."},
    {"communication", 0, "bejegening-balie", "Bewoners moeten hun verhaal bij elk loket opnieuw vertellen",
     "Wie voor meerdere zaken komt, wordt van loket naar loket gestuurd en moet overal opnieuw "
     "uitleggen wat er aan de hand is. Notities worden niet gedeeld.",
     "Notities van het eerste loket zijn nu voor de volgende loketten zichtbaar."},
    {"it_system", 0, "wachttijd-afspraak-stadsdeelkantoor",
     "Afsprakensysteem toont geen vrije plekken in andere stadsdelen",
     "Als het eigen stadsdeelkantoor vol zit, laat de online agenda niet zien dat er elders wel plek "
     "is. Bewoners wachten weken terwijl het kantoor verderop ruimte heeft.",
     "De online agenda toont nu vrije plekken in alle stadsdelen."},
};

#define OWN(a) a, COUNT(a)
#define NO_OWN NULL, 0

const seed_words_topic seed_words_topics[] = {
    {"parkeren", "DSB", 9, SW_RESIDENT | SW_FORM | SW_LETTER | SW_DECISION, "parkeervergunning", "bewoner",
     "bewoners", "Aanvragen en wijzigen parkeervergunning voor bewoners", "parkeervergunningen",
     OWN(OWN_PARKEREN)},
    {"bezoekers", "DSB", 3, SW_RESIDENT | SW_FORM | SW_DECISION, "bezoekersvergunning", "bewoner", "bewoners",
     "Bezoekersregeling parkeren", "parkeervergunningen", NO_OWN},
    {"gpk", "OCW", 3, SW_RESIDENT | SW_FORM | SW_LETTER | SW_DECISION | SW_COUNTER,
     "gehandicaptenparkeerkaart", "inwoner", "inwoners",
     "Aanvraag gehandicaptenparkeerkaart en -parkeerplaats", "parkeervergunningen", NO_OWN},
    {"bijzondere-bijstand", "SZW", 8, SW_RESIDENT | SW_FORM | SW_LETTER | SW_DECISION | SW_INCOME,
     "bijzondere bijstand", "bewoner", "bewoners", "Aanvraag bijzondere bijstand", NULL,
     OWN(OWN_BIJZONDERE_BIJSTAND)},
    {"kwijtschelding", "FIN", 7, SW_RESIDENT | SW_FORM | SW_LETTER | SW_DECISION | SW_INCOME | SW_SPRING,
     "kwijtschelding gemeentelijke belastingen", "bewoner", "bewoners",
     "Verzoek om kwijtschelding van gemeentelijke belastingen", "kwijtschelding-belastingen",
     OWN(OWN_KWIJTSCHELDING)},
    {"bijstand", "SZW", 6, SW_RESIDENT | SW_FORM | SW_LETTER | SW_DECISION | SW_INCOME | SW_COUNTER,
     "bijstandsuitkering", "inwoner", "inwoners", "Aanvraag bijstandsuitkering (levensonderhoud)", NULL,
     NO_OWN},
    {"schuldhulp", "SZW", 4, SW_RESIDENT | SW_FORM | SW_LETTER | SW_DECISION | SW_INCOME,
     "schuldhulpverlening", "inwoner", "inwoners", "Aanmelding schuldhulpverlening", "schuldhulpverlening",
     NO_OWN},
    {"ooievaarspas", "SZW", 4, SW_RESIDENT | SW_FORM | SW_LETTER | SW_DECISION | SW_INCOME | SW_COUNTER,
     "Ooievaarspas", "inwoner", "inwoners", "Aanvraag en verlenging Ooievaarspas", NULL, NO_OWN},
    {"wmo", "OCW", 6, SW_RESIDENT | SW_FORM | SW_LETTER | SW_DECISION, "Wmo-voorziening", "inwoner",
     "inwoners", "Aanvraag maatwerkvoorziening Wmo", "trage-afhandeling-wmo", OWN(OWN_WMO)},
    {"huishoudelijke-hulp", "OCW", 3, SW_RESIDENT | SW_LETTER | SW_DECISION, "huishoudelijke hulp", "inwoner",
     "inwoners", "Indicatie huishoudelijke ondersteuning (Wmo)", "trage-afhandeling-wmo", NO_OWN},
    {"leerlingenvervoer", "OCW", 3, SW_RESIDENT | SW_FORM | SW_LETTER | SW_DECISION, "leerlingenvervoer",
     "ouder", "ouders", "Aanvraag leerlingenvervoer", "leerlingenvervoer", OWN(OWN_LEERLINGENVERVOER)},
    {"paspoort", "DPZ", 6, SW_RESIDENT | SW_FORM | SW_COUNTER, "paspoort of ID-kaart", "bewoner", "bewoners",
     "Aanvraag en uitreiking reisdocumenten", "wachttijd-afspraak-stadsdeelkantoor", OWN(OWN_PASPOORT)},
    {"rijbewijs", "DPZ", 3, SW_RESIDENT | SW_COUNTER, "rijbewijs", "bewoner", "bewoners",
     "Aanvraag en verlenging rijbewijs", "wachttijd-afspraak-stadsdeelkantoor", NO_OWN},
    {"verhuizing", "DPZ", 4, SW_RESIDENT | SW_FORM | SW_LETTER, "verhuismelding", "bewoner", "bewoners",
     "Verhuizing doorgeven (adreswijziging BRP)", NULL, NO_OWN},
    {"uittreksel", "DPZ", 2, SW_RESIDENT | SW_FORM | SW_COUNTER, "uittreksel BRP", "bewoner", "bewoners",
     "Aanvraag uittreksel BRP", "wachttijd-afspraak-stadsdeelkantoor", NO_OWN},
    {"huwelijk", "DPZ", 2, SW_RESIDENT | SW_FORM | SW_LETTER | SW_COUNTER, "huwelijk of partnerschap",
     "bruidspaar", "bruidsparen", "Melding voorgenomen huwelijk of geregistreerd partnerschap", NULL, NO_OWN},
    {"kcc", "DPZ", 6, SW_RESIDENT | SW_OWN_ONLY, "14070", "bewoner", "bewoners",
     "Telefonische dienstverlening 14070 (KCC)", "bereikbaarheid-14070", OWN(OWN_KCC)},
    {"balie", "DPZ", 3, SW_RESIDENT | SW_OWN_ONLY, "balie", "bewoner", "bewoners",
     "Dienstverlening aan de balie van het stadsdeelkantoor", "bejegening-balie", OWN(OWN_BALIE)},
    {"grofvuil", "DSB", 5, SW_RESIDENT | SW_FORM, "grofvuilafspraak", "bewoner", "bewoners",
     "Afspraak ophalen grofvuil", "afval-en-grofvuil", OWN(OWN_GROFVUIL)},
    {"afvalpas", "DSB", 2, SW_RESIDENT | SW_FORM | SW_LETTER, "afvalpas", "bewoner", "bewoners",
     "Aanvraag afvalpas voor ondergrondse containers", "afval-en-grofvuil", NO_OWN},
    {"openbare-ruimte", "DSB", 4, SW_RESIDENT | SW_FORM, "melding openbare ruimte", "bewoner", "bewoners",
     "Meldingen openbare ruimte (MOR)", "meldingen-openbare-ruimte", NO_OWN},
    {"omgevingsvergunning", "DSO", 4, SW_RESIDENT | SW_FORM | SW_LETTER | SW_DECISION | SW_PERMIT,
     "omgevingsvergunning", "bewoner", "bewoners", "Aanvraag omgevingsvergunning (Omgevingsloket)",
     "omgevingsvergunningen", NO_OWN},
    {"evenement", "DSO", 2, SW_RESIDENT | SW_FORM | SW_LETTER | SW_DECISION | SW_PERMIT,
     "evenementenvergunning", "organisator", "organisatoren", "Aanvraag evenementenvergunning", NULL, NO_OWN},
    {"terras", "DSO", 2, SW_RESIDENT | SW_FORM | SW_LETTER | SW_DECISION | SW_PERMIT, "terrasvergunning",
     "ondernemer", "ondernemers", "Aanvraag terrasvergunning horeca", NULL, NO_OWN},
    {"kapvergunning", "DSO", 1, SW_RESIDENT | SW_FORM | SW_LETTER | SW_DECISION | SW_PERMIT, "kapvergunning",
     "bewoner", "bewoners", "Aanvraag omgevingsvergunning voor het kappen van een boom",
     "omgevingsvergunningen", NO_OWN},
    {"bezwaar", "JUR", 2, SW_RESIDENT | SW_LETTER | SW_DECISION, "bezwaarschrift", "indiener", "indieners",
     "Behandeling bezwaarschriften", "bezwaarprocedures", NO_OWN},
    {"declaratie", "HR", 2, SW_INTERNAL | SW_FORM, "declaratie van reiskosten", "medewerker", "medewerkers",
     "Declareren van reis- en verblijfkosten", NULL, NO_OWN},
    {"thuiswerk", "HR", 1, SW_INTERNAL | SW_FORM, "thuiswerkvoorzieningen", "medewerker", "medewerkers",
     "Aanvraag thuiswerkplek (bureau, stoel, beeldscherm)", NULL, NO_OWN},
    {"inkoop", "FIN", 2, SW_INTERNAL | SW_FORM | SW_DECISION, "inkoop onder de aanbestedingsgrens",
     "medewerker", "medewerkers", "Enkelvoudig onderhandse inkoop", NULL, NO_OWN},
    {"autorisatie", "ICT", 2, SW_INTERNAL | SW_FORM, "toegang tot een applicatie", "medewerker",
     "medewerkers", "Autorisatieaanvraag applicaties", NULL, NO_OWN},
    {"inhuur", "HR", 1, SW_INTERNAL | SW_FORM | SW_DECISION, "inhuur van een externe kracht", "medewerker",
     "medewerkers", "Inhuur van externen", NULL, NO_OWN},
};
const size_t seed_words_topics_count = COUNT(seed_words_topics);

int seed_words_problem_fits(const seed_words_topic *t, const seed_words_problem *p)
{
    return !(t->traits & SW_OWN_ONLY) && (p->needs & ~t->traits) == 0;
}

const char *const seed_words_observations[] = {
    "Ik zie dit aan de balie meerdere keren per week.",
    "Collega's van het KCC krijgen hier dagelijks vragen over.",
    "Vorige week moest een {w} hierdoor voor de derde keer terugkomen.",
    "In ons team kost dit samen al snel een paar uur per week.",
    "{P} met weinig digitale vaardigheden lopen hier het vaakst op vast.",
    "Het speelt al jaren, maar niemand voelt zich eigenaar.",
    "De Haagse Ombudsman heeft hier ook al klachten over gekregen.",
    "Ik heb het nagevraagd bij de afdeling: ze herkennen het, maar weten niet wie het mag veranderen.",
    "Niemand kan mij uitleggen waarom het zo moet.",
    "Het leidt regelmatig tot bezwaarschriften die we hadden kunnen voorkomen.",
    "Een {w} zei letterlijk tegen me: 'Jullie weten dit toch allemaal al?'",
    "Sinds de nieuwe werkwijze is het erger geworden.",
};
const size_t seed_words_observations_count = COUNT(seed_words_observations);

static const char *const SUGGEST_PROCEDURE[] = {
    "Kan dit in één afspraak?",
    "Vervang de tweede controle door een steekproef.",
    "Laten we de gegevens vertrouwen die we al hebben.",
};
static const char *const SUGGEST_REGULATION[] = {
    "Kan de beleidsregel zo worden aangepast dat de uitzondering de regel wordt?",
    "Graag uitzoeken of dit echt in de wet staat of dat we het zelf zo hebben bedacht.",
    "Automatisch toekennen waar dat kan.",
};
static const char *const SUGGEST_IT[] = {
    "Een koppeling tussen de systemen zou dit oplossen.",
    "Geef de balie en het KCC leesrechten in het systeem.",
    "Laat het formulier tussentijds opslaan.",
};
static const char *const SUGGEST_FORM[] = {
    "Kunnen we de gegevens vooraf invullen vanuit de BRP?",
    "Schrap de vragen waarvan we het antwoord al weten.",
    "Laat een digitale handtekening met DigiD volstaan.",
};
static const char *const SUGGEST_COMMUNICATION[] = {
    "Laat de brief herschrijven op B1-niveau en test hem met een paar {p}.",
    "Zet de naam en het directe nummer van de behandelaar in elke brief.",
    "Zorg dat website en brief uit één bron komen.",
};
static const char *const SUGGEST_OTHER[] = {
    "Wijs één eigenaar aan voor het hele proces.",
    "Maak één werkinstructie voor alle stadsdelen.",
};
const seed_words_list seed_words_suggestions[] = {
    {SUGGEST_PROCEDURE, COUNT(SUGGEST_PROCEDURE)},
    {SUGGEST_REGULATION, COUNT(SUGGEST_REGULATION)},
    {SUGGEST_IT, COUNT(SUGGEST_IT)},
    {SUGGEST_FORM, COUNT(SUGGEST_FORM)},
    {SUGGEST_COMMUNICATION, COUNT(SUGGEST_COMMUNICATION)},
    {SUGGEST_OTHER, COUNT(SUGGEST_OTHER)},
};

static const char *const RESOLVE_PROCEDURE[] = {
    "Aanvragen en ophalen van {s} kan nu in één afspraak.",
    "De tweede controle vervalt; er blijft een steekproef van 10% over.",
    "Identificatie alleen nog bij het ophalen; de extra controle aan de balie is geschrapt.",
    "Bewijsstukken die al in het dossier zitten, vragen we niet meer opnieuw op.",
};
static const char *const RESOLVE_REGULATION[] = {
    "Beleidsregel voor {s} aangepast: gegevens die we al hebben, vragen we niet opnieuw op.",
    "De wethouder heeft ingestemd met het schrappen van de wachttermijn; gaat in per 1 januari.",
    "Toekenning gaat nu automatisch voor wie al een uitkering van de gemeente heeft.",
    "Uitgezocht: de eis stond niet in de wet maar alleen in onze eigen werkinstructie. Geschrapt.",
};
static const char *const RESOLVE_IT[] = {
    "Koppeling gebouwd tussen de systemen; dubbel invoeren is niet meer nodig.",
    "Balie en KCC kunnen de status van {s} nu zelf inzien.",
    "Het formulier slaat tussentijds op; de sessie verloopt niet meer halverwege.",
    "De leverancier heeft het adresveld aangepast; toevoegingen worden nu geaccepteerd.",
};
static const char *const RESOLVE_FORM[] = {
    "Formulier voor {s} aangepast: naam, adres en BSN worden nu vooraf ingevuld vanuit de BRP.",
    "Papieren handtekening geschrapt; een aanvraag met DigiD geldt als ondertekend.",
    "Overbodige vragen uit het formulier voor {s} gehaald; het formulier is gehalveerd.",
    "Het formulier voor {s} werkt nu ook op mobiel; getest met bewoners in de bibliotheek.",
};
static const char *const RESOLVE_COMMUNICATION[] = {
    "Brief over {s} herschreven op B1-niveau, samen met het taalteam en getest met bewoners.",
    "Naam en direct telefoonnummer van de behandelaar staan nu in elk besluit over {s}.",
    "Website en brief over {s} gelijkgetrokken; de tekst komt nu uit één bron.",
    "Terugbelverzoeken gaan nu rechtstreeks naar de vakafdeling, met terugbellen binnen twee werkdagen.",
};
static const char *const RESOLVE_OTHER[] = {
    "Eigenaar aangewezen voor het hele proces rond {s}; verbeteringen lopen nu via één persoon.",
    "Eén werkinstructie voor alle stadsdelen opgesteld en besproken in de teamoverleggen.",
    "Werkinstructie voor {s} herschreven en op intranet gezet.",
};
const seed_words_list seed_words_resolutions[] = {
    {RESOLVE_PROCEDURE, COUNT(RESOLVE_PROCEDURE)},
    {RESOLVE_REGULATION, COUNT(RESOLVE_REGULATION)},
    {RESOLVE_IT, COUNT(RESOLVE_IT)},
    {RESOLVE_FORM, COUNT(RESOLVE_FORM)},
    {RESOLVE_COMMUNICATION, COUNT(RESOLVE_COMMUNICATION)},
    {RESOLVE_OTHER, COUNT(RESOLVE_OTHER)},
};

const seed_words_impact seed_words_impacts[] = {
    {"Ongeveer {n} {p} per week lopen hier tegenaan.", 5, 120},
    {"Kost ons per aanvraag ongeveer {n} minuten extra.", 5, 45},
    {"Sommige {p} zien af van iets waar ze recht op hebben.", 0, 0},
    {"Leidt tot extra telefoontjes naar 14070 en onnodige bezwaarschriften.", 0, 0},
    {"Aanvragen liggen gemiddeld {n} dagen langer stil dan nodig.", 3, 30},
    {"Vooral kwetsbare {p} haken hierdoor af.", 0, 0},
    {"Frustratie aan beide kanten van de balie, en zo'n {n} extra contactmomenten per maand.", 20, 400},
};
const size_t seed_words_impacts_count = COUNT(seed_words_impacts);

const char *const seed_words_triage_notes[] = {
    "Besproken in het weekoverleg.",
    "Veel steun van collega's; prioriteit omhoog.",
    "Eerst navragen bij de eigenaar van de procedure.",
    "Past bij een klachtthema van de Ombudsman.",
    "Raakt meerdere diensten; afstemmen met de teamleiders.",
};
const size_t seed_words_triage_notes_count = COUNT(seed_words_triage_notes);

const char *const seed_words_progress_notes[] = {
    "Afspraak gemaakt met de teamleider van de afdeling.",
    "Voorstel ligt ter toetsing bij Juridische Zaken.",
    "Proef gestart in stadsdeel Escamp.",
    "Leverancier gevraagd om een offerte voor de aanpassing.",
    "Nieuwe tekst wordt getest met bewoners.",
};
const size_t seed_words_progress_notes_count = COUNT(seed_words_progress_notes);

const char *const seed_words_reject_notes[] = {
    "De eis volgt rechtstreeks uit de wet; de gemeente heeft hier geen ruimte. Signaal doorgegeven aan "
    "de VNG.",
    "Al eerder gemeld; we volgen dit op in de melding die al in behandeling is.",
    "Eenmalige storing, inmiddels verholpen door functioneel beheer.",
    "Dit valt buiten de gemeente: de procedure is van het UWV. Doorgestuurd naar onze contactpersoon "
    "daar.",
    "De controle is nodig om fraude te voorkomen; de accountant vraagt er uitdrukkelijk om.",
    "Na overleg met de afdeling: de werkwijze is onlangs al aangepast, het probleem doet zich niet meer "
    "voor.",
    "Te algemeen om op te pakken. Graag opnieuw melden met een concreet voorbeeld.",
    "Besproken met de teamleider: dit is een kwestie van uitleg aan collega's, niet van een regel. "
    "Meegenomen in het teamoverleg.",
};
const size_t seed_words_reject_notes_count = COUNT(seed_words_reject_notes);

const char *const seed_words_duplicate_note =
    "Zelfde probleem als een eerdere melding; steun en reacties bundelen we daar.";
const char *const seed_words_reopen_note = "Heropend: het probleem doet zich opnieuw voor.";

const char *const seed_words_comments[] = {
    "Herkenbaar, bij ons aan de balie precies hetzelfde.",
    "Dit kost ons elke week uren. Goed dat het gemeld is!",
    "Wij hebben hier in stadsdeel Laak een tijdelijke oplossing voor; neem gerust contact op.",
    "Is hier al iets mee gedaan? Ik krijg er nog steeds vragen over.",
    "Ook de Ombudsman krijgt hier klachten over.",
    "Volgens mij zit het probleem in de koppeling met het landelijke systeem.",
    "Bij de gemeente waar ik hiervoor werkte, is dit opgelost met een vooringevuld formulier.",
    "Kunnen we dit meenemen in de volgende inspiratiesessie?",
    "Eens. Vooral oudere bewoners lopen hier op vast.",
    "Ik sprak vorige week nog iemand die er helemaal klaar mee was.",
    "Misschien goed om ook de juristen hierbij te betrekken.",
    "Let op: in de werkinstructie staat het anders dan op de website.",
    "Ook in ons team een bekend probleem.",
};
const size_t seed_words_comments_count = COUNT(seed_words_comments);

const char *const seed_words_team_comments[] = {
    "We hebben dit besproken in het weekoverleg en nemen contact op met de afdeling.",
    "Dank voor de melding! We zoeken uit waar deze regel vandaan komt.",
    "Kun je een voorbeeld geven van een situatie waarin dit speelde? Dat helpt bij het gesprek met de "
    "afdeling.",
};
const size_t seed_words_team_comments_count = COUNT(seed_words_team_comments);

const char *const seed_words_thanks_comments[] = {
    "Dank voor het oppakken, het werkt nu een stuk beter!",
    "Top, dit scheelt ons echt tijd.",
    "Fijn! Weten de collega's in de andere stadsdelen het ook?",
};
const size_t seed_words_thanks_comments_count = COUNT(seed_words_thanks_comments);

const char *const seed_words_districts[] = {
    "Centrum",    "Escamp",       "Haagse Hout", "Laak", "Leidschenveen-Ypenburg",
    "Loosduinen", "Scheveningen", "Segbroek",
};
const size_t seed_words_districts_count = COUNT(seed_words_districts);

/* --- the rule register ---------------------------------------------------------- */

/* 60 rules: 28 open, 11 simplified, 7 abolished, 6 clarified, 8 retained. */
const seed_words_rule seed_words_rules[] = {
    {"parkeren", 3, "Kentekenbewijs uploaden bij aanvraag parkeervergunning", "work_instruction",
     "Werkinstructie DSB-031 Parkeervergunningen", "DSB",
     "Bij elke aanvraag moet een kopie van het kentekenbewijs worden geüpload, ook als het kenteken bij "
     "de RDW te controleren is.",
     "abolished",
     "Vervallen: het kenteken wordt nu automatisch bij de RDW gecontroleerd. Een kopie vragen we alleen "
     "nog bij een buitenlands kenteken."},
    {"parkeren", 2, "Parkeervergunning vervalt bij verhuizing", "regulation",
     "Parkeerverordening Den Haag art. 3.6", "DSB",
     "Bij elke verhuizing vervalt de vergunning, ook binnen hetzelfde vergunninggebied.", "open", NULL},
    {"parkeren", 1, "Jaarlijkse werkgeversverklaring voor leaseauto", "policy",
     "Beleidsregels parkeervergunningen, par. 4", "DSB",
     "Wie een leaseauto heeft, levert elk jaar een nieuwe verklaring van de werkgever in.", "open", NULL},
    {"bezoekers", 2, "Bezoekerstegoed alleen te beheren via de parkeerapp", "it_system",
     "Parkeerapplicatie bezoekersregeling", "DSB",
     "Bezoekerstegoed aanvullen en bezoek aanmelden kan alleen in de app.", "clarified",
     "Aanmelden en aanvullen kan ook telefonisch via 14070. Dat stond nergens; het staat nu op de "
     "website en in de brief bij de vergunning."},
    {"bezoekers", 1, "Maximaal één bezoekersvergunning per adres", "regulation",
     "Parkeerverordening Den Haag art. 3.11", "DSB",
     "Per adres wordt ten hoogste één bezoekersvergunning verleend.", "retained",
     "Besproken met de wethouder: de regel beperkt de parkeerdruk in drukke wijken en blijft. Voor "
     "mantelzorgers komt wel een aparte regeling."},
    {"gpk", 2, "Medische keuring bij elke verlenging gehandicaptenparkeerkaart", "policy",
     "Beleidsregels gehandicaptenparkeervoorzieningen", "OCW",
     "Voor elke verlenging volgt een nieuwe medische keuring door de GGD.", "simplified",
     "Bij een blijvende beperking is bij verlenging geen nieuwe keuring meer nodig; de kaart wordt dan "
     "voor tien jaar afgegeven."},
    {"gpk", 1, "Aanvraag gehandicaptenparkeerplaats alleen op papier", "work_instruction",
     "Werkinstructie OCW-008 Gehandicaptenparkeerplaats", "OCW",
     "Een eigen parkeerplaats kan alleen met een papieren formulier worden aangevraagd.", "open", NULL},
    {"bijzondere-bijstand", 3, "Bewijsstukken bijzondere bijstand op papier", "policy",
     "Beleidsregels bijzondere bijstand Den Haag, art. 6", "SZW",
     "Bij een aanvraag horen kopieën van bankafschriften, loonstroken en nota's, op papier.", "simplified",
     "Bewijsstukken mogen digitaal worden aangeleverd, en wat via Suwinet beschikbaar is vragen we niet "
     "meer op."},
    {"bijzondere-bijstand", 2, "Handtekening op aanvraagformulier bijzondere bijstand", "work_instruction",
     "Werkinstructie SZW-022 Aanvraag bijzondere bijstand", "SZW",
     "Een aanvraag is pas compleet met een handtekening op het papieren formulier.", "abolished",
     "Een aanvraag via Mijn Den Haag met DigiD geldt als ondertekend; de natte handtekening is "
     "geschrapt."},
    {"bijzondere-bijstand", 1, "Drie offertes voor duurzame gebruiksgoederen", "policy",
     "Beleidsregels bijzondere bijstand Den Haag, art. 11", "SZW",
     "Voor een wasmachine, koelkast of bed zijn drie offertes nodig.", "open", NULL},
    {"bijzondere-bijstand", 1, "Draagkrachtberekening bijzondere bijstand", "law", "Participatiewet art. 35",
     "SZW", "Bijzondere bijstand wordt verleend voor zover de kosten de draagkracht te boven gaan.",
     "retained",
     "Dit volgt uit de wet; de gemeente kan de draagkrachtberekening niet loslaten. Signaal doorgegeven "
     "aan het ministerie via de VNG."},
    {"kwijtschelding", 3, "Bewijsstukken kwijtschelding op papier", "policy",
     "Beleidsregels kwijtschelding gemeentelijke belastingen", "FIN",
     "Bij een verzoek om kwijtschelding horen bankafschriften en inkomensgegevens op papier.", "simplified",
     "Verzoeken worden eerst automatisch getoetst via het Inlichtingenbureau; alleen bij twijfel vragen "
     "we nog stukken op, en dan digitaal."},
    {"kwijtschelding", 2, "Jaarlijkse aanvraag kwijtschelding", "law", "Invorderingswet 1990 art. 26", "FIN",
     "Kwijtschelding wordt per belastingjaar aangevraagd.", "clarified",
     "De wet vraagt geen nieuwe aanvraag als de situatie niet verandert: we verlengen dan automatisch. "
     "Werkinstructie en brief zijn aangepast."},
    {"kwijtschelding", 1, "Vermogenstoets kwijtschelding inclusief auto", "regulation",
     "Uitvoeringsregeling Invorderingswet 1990 art. 12", "FIN",
     "De waarde van een auto telt mee als vermogen, tenzij de auto onmisbaar is.", "retained",
     "Landelijke regel; de gemeente kan er niet van afwijken. Wel leggen we in de brief beter uit "
     "wanneer een auto onmisbaar is."},
    {"bijstand", 3, "Maandelijks inkomstenformulier bij bijstand", "law", "Participatiewet art. 17", "SZW",
     "Wie naast de uitkering inkomsten heeft, vult elke maand een inkomstenformulier in.", "simplified",
     "Wie een vast inkomen naast de uitkering heeft, hoeft het formulier alleen nog in te vullen als er "
     "iets verandert."},
    {"bijstand", 2, "Vier weken zoektermijn jongeren tot 27 jaar", "law", "Participatiewet art. 41 lid 4",
     "SZW", "Jongeren tot 27 jaar zoeken eerst vier weken zelf naar werk of opleiding.", "retained",
     "Wettelijke verplichting, dus de termijn blijft. Jongeren krijgen in die vier weken wel direct een "
     "vaste contactpersoon."},
    {"bijstand", 2, "Bankafschriften van drie maanden bij aanvraag bijstand", "work_instruction",
     "Werkinstructie SZW-003 Intake levensonderhoud", "SZW",
     "Bij de intake levert de aanvrager bankafschriften van alle rekeningen over drie maanden in.", "open",
     NULL},
    {"bijstand", 1, "Huisbezoek bij elke aanvraag bijstand", "policy", "Handhavingsbeleid Sociale Zaken",
     "SZW", "Bij elke nieuwe aanvraag volgt een huisbezoek.", "abolished",
     "Een huisbezoek volgt alleen nog bij concrete aanwijzingen; het standaard huisbezoek is geschrapt."},
    {"schuldhulp", 2, "Volledig schuldenoverzicht voor het eerste gesprek", "work_instruction",
     "Werkinstructie SZW-041 Aanmelding schuldhulpverlening", "SZW",
     "Een eerste gesprek wordt pas gepland als alle schulden met bewijsstukken in beeld zijn.", "simplified",
     "Het eerste gesprek is nu binnen drie werkdagen, ook zonder compleet overzicht; we maken het "
     "overzicht samen."},
    {"schuldhulp", 1, "Schuldhulp alleen met een vast woonadres", "policy",
     "Beleidsplan schuldhulpverlening 2022-2026", "SZW",
     "Schuldhulpverlening is alleen toegankelijk voor wie een vast woonadres in Den Haag heeft.", "open",
     NULL},
    {"ooievaarspas", 2, "Ooievaarspas elk jaar opnieuw aanvragen", "regulation",
     "Verordening Ooievaarspas art. 5", "SZW",
     "De pas geldt één jaar en moet daarna opnieuw worden aangevraagd.", "simplified",
     "Verlenging gaat automatisch voor wie een bijstandsuitkering of alleen AOW heeft."},
    {"ooievaarspas", 1, "Ooievaarspas los van de uitkering getoetst", "it_system", "Suite4Sociaal Domein",
     "SZW",
     "Wie al een bijstandsuitkering heeft, wordt voor de Ooievaarspas als nieuwe klant aangemaakt en "
     "opnieuw op inkomen getoetst.",
     "open", NULL},
    {"wmo", 3, "Keukentafelgesprek bij elke herindicatie", "policy", "Beleidsregels Wmo Den Haag, art. 4",
     "OCW", "Voor elke herindicatie volgt een gesprek aan huis.", "simplified",
     "Bij een blijvende, ongewijzigde beperking volstaat een telefonisch gesprek en geldt de indicatie "
     "vijf jaar."},
    {"wmo", 2, "Beslistermijn Wmo-aanvraag", "law", "Wmo 2015 art. 2.3.5", "OCW",
     "Op een aanvraag wordt binnen twee weken na het onderzoek beslist.", "clarified",
     "De termijn is een maximum, geen richttijd. Teams handelen eenvoudige aanvragen nu direct af."},
    {"wmo", 1, "Eigen bijdrage voor hulpmiddelen onder 100 euro", "regulation",
     "Verordening maatschappelijke ondersteuning Den Haag, art. 13", "OCW",
     "Ook voor goedkope hulpmiddelen wordt een eigen bijdrage geïnd.", "open", NULL},
    {"wmo", 1, "Gespreksverslag Wmo laten ondertekenen", "work_instruction",
     "Werkinstructie OCW-012 Gespreksverslag Wmo", "OCW",
     "Het verslag van het gesprek wordt per post verstuurd en moet ondertekend terugkomen.", "open", NULL},
    {"huishoudelijke-hulp", 2, "Uren huishoudelijke hulp per taak vastgelegd", "policy",
     "Normenkader huishoudelijke ondersteuning", "OCW",
     "De indicatie legt per taak vast hoeveel minuten eraan besteed mogen worden.", "open", NULL},
    {"huishoudelijke-hulp", 1, "Nieuwe indicatie bij wisseling van zorgaanbieder", "work_instruction",
     "Werkinstructie OCW-015 Wisseling aanbieder", "OCW",
     "Wie van aanbieder wisselt, krijgt een nieuw onderzoek en een nieuwe indicatie.", "abolished",
     "Wisselen van aanbieder kan nu met behoud van de lopende indicatie."},
    {"leerlingenvervoer", 2, "Jaarlijkse aanvraag leerlingenvervoer", "regulation",
     "Verordening leerlingenvervoer Den Haag, art. 4", "OCW",
     "Leerlingenvervoer wordt per schooljaar aangevraagd en toegekend.", "simplified",
     "Voor leerlingen in het speciaal onderwijs geldt de toekenning nu voor de hele schoolperiode."},
    {"leerlingenvervoer", 1, "Afstandsgrens van zes kilometer", "regulation",
     "Verordening leerlingenvervoer Den Haag, art. 9", "OCW",
     "Vervoer wordt alleen vergoed als de school verder dan zes kilometer weg is.", "retained",
     "De grens blijft; voor kinderen met een beperking beoordelen we al op maat. De uitleg in de "
     "beschikking is verbeterd."},
    {"paspoort", 3, "Legitimatieplicht bij balieafspraak", "work_instruction",
     "Werkinstructie DPZ-014 Identificatie aan de balie", "DPZ",
     "Aan de balie wordt bij elke afspraak de identiteit vastgesteld en worden alle gegevens opnieuw "
     "gecontroleerd.",
     "clarified",
     "Bij het ophalen is identificatie wettelijk nodig, een tweede controle van de aanvraaggegevens "
     "niet. De werkinstructie is daarop aangepast."},
    {"paspoort", 2, "Persoonlijke verschijning bij aanvraag reisdocument", "law", "Paspoortwet art. 28",
     "DPZ", "Wie een paspoort of ID-kaart aanvraagt, verschijnt persoonlijk aan de balie.", "retained",
     "Wettelijke eis, onder meer voor de vingerafdrukken. Het ophalen kan nu wel zonder nieuwe afspraak "
     "bij de inloopbalie."},
    {"paspoort", 1, "Eigen pasfotoeisen naast de fotomatrix", "policy",
     "Werkinstructie DPZ-019 Beoordeling pasfoto", "DPZ",
     "Aan de balie gelden aanvullende eisen voor pasfoto's, strenger dan de landelijke fotomatrix.", "open",
     NULL},
    {"rijbewijs", 2, "Afspraak verplicht voor ophalen rijbewijs", "work_instruction",
     "Werkinstructie DPZ-021 Uitreiking rijbewijzen", "DPZ",
     "Een nieuw rijbewijs kan alleen op afspraak worden opgehaald.", "open", NULL},
    {"rijbewijs", 1, "Gezondheidsverklaring vooraf bij verlenging", "regulation",
     "Regeling eisen geschiktheid 2000", "DPZ",
     "Boven de 75 jaar is bij elke verlenging eerst een gezondheidsverklaring nodig.", "open", NULL},
    {"verhuizing", 2, "Toestemming hoofdbewoner bij inschrijving", "work_instruction",
     "Werkinstructie DPZ-007 Adreswijziging", "DPZ",
     "Wie zich inschrijft op het adres van een ander, levert een getekende verklaring van de hoofdbewoner "
     "en een kopie van diens identiteitsbewijs.",
     "open", NULL},
    {"verhuizing", 1, "Verhuizing alleen voor het hele huishouden tegelijk", "it_system",
     "Mijn Den Haag, verhuisformulier", "DPZ",
     "Het online formulier verhuist alle gezinsleden tegelijk, of niemand.", "open", NULL},
    {"uittreksel", 2, "Uittreksel BRP alleen op afspraak aan de balie", "policy",
     "Dienstverleningsconcept Publiekszaken", "DPZ",
     "Een uittreksel uit de BRP wordt alleen aan de balie verstrekt.", "abolished",
     "Uittreksels zijn nu direct online te downloaden met DigiD."},
    {"huwelijk", 1, "Getuigen sturen vooraf een kopie van hun identiteitsbewijs", "work_instruction",
     "Werkinstructie DPZ-030 Huwelijk en partnerschap", "DPZ",
     "Uiterlijk twee weken voor de datum moeten kopieën van de identiteitsbewijzen van alle getuigen "
     "binnen zijn.",
     "open", NULL},
    {"kcc", 3, "Terugbelverzoeken via een algemene mailbox", "work_instruction",
     "Werkinstructie KCC-005 Terugbelverzoeken", "DPZ",
     "Het KCC zet terugbelverzoeken door naar de algemene mailbox van de dienst.", "simplified",
     "Terugbelverzoeken gaan nu rechtstreeks naar de wachtrij van de vakafdeling, met een belofte van "
     "terugbellen binnen twee werkdagen."},
    {"kcc", 2, "Maximale wachttijd in de wachtrij van 14070", "it_system", "Telefonieplatform KCC", "DPZ",
     "Na twintig minuten in de wachtrij wordt de verbinding automatisch verbroken.", "open", NULL},
    {"kcc", 1, "KCC zonder toegang tot afsprakenagenda's van vakafdelingen", "it_system",
     "Afsprakenplanner Publiekszaken", "DPZ", "Het KCC kan alleen afspraken inplannen voor Publiekszaken.",
     "open", NULL},
    {"balie", 3, "Geen dienstverlening zonder afspraak", "policy", "Dienstverleningsconcept Publiekszaken",
     "DPZ", "Bezoekers zonder afspraak worden niet geholpen.", "clarified",
     "Korte vragen worden bij de ingang beantwoord; alleen voor producten is een afspraak nodig. Dit is "
     "met alle baliemedewerkers besproken."},
    {"balie", 1, "Geen kopieën maken voor bezoekers", "work_instruction",
     "Werkinstructie DPZ-002 Balieprocessen", "DPZ",
     "Baliemedewerkers maken geen kopieën of scans van documenten van bezoekers.", "open", NULL},
    {"grofvuil", 3, "Grofvuilafspraak alleen online", "it_system", "Afsprakenmodule grofvuil (Mijn Den Haag)",
     "DSB", "Een afspraak om grofvuil op te laten halen kan alleen online worden gemaakt.", "simplified",
     "Afspraken kunnen weer telefonisch via 14070 worden gemaakt."},
    {"grofvuil", 1, "Maximaal twee kubieke meter per ophaalbeurt", "regulation",
     "Afvalstoffenverordening Den Haag, art. 12", "DSB",
     "Per afspraak wordt ten hoogste twee kubieke meter grofvuil opgehaald.", "open", NULL},
    {"afvalpas", 2, "Nieuwe afvalpas alleen na aangifte van verlies", "work_instruction",
     "Werkinstructie DSB-044 Afvalpassen", "DSB",
     "Een vervangende afvalpas wordt alleen verstrekt na aangifte bij de politie.", "abolished",
     "Een verklaring van de bewoner volstaat; aangifte bij de politie is niet meer nodig."},
    {"openbare-ruimte", 2, "Melding openbare ruimte vereist een exacte locatie op de kaart", "it_system",
     "MOR-applicatie (Meldingen Openbare Ruimte)", "DSB",
     "Een melding kan pas worden verstuurd als er een punt op de kaart is aangeklikt.", "open", NULL},
    {"openbare-ruimte", 1, "Terugkoppeling pas na afhandeling melding", "work_instruction",
     "Werkinstructie DSB-012 Afhandeling meldingen", "DSB",
     "De melder hoort pas iets als de melding is afgehandeld.", "open", NULL},
    {"omgevingsvergunning", 2, "Welstandsadvies voor kleine verbouwingen", "policy", "Welstandsnota Den Haag",
     "DSO", "Ook een dakkapel aan de achterkant krijgt een volledig welstandsadvies.", "open", NULL},
    {"omgevingsvergunning", 1, "Beslistermijn omgevingsvergunning reguliere procedure", "law",
     "Omgevingswet art. 16.64", "DSO", "Op een aanvraag wordt binnen acht weken beslist.", "retained",
     "Wettelijke termijn. Eenvoudige aanvragen worden nu wel binnen twee weken afgehandeld."},
    {"evenement", 2, "Evenementenvergunning twaalf weken vooraf aanvragen", "regulation",
     "APV Den Haag art. 2:25", "DSO",
     "Ook een klein buurtfeest vraagt twaalf weken vooraf een vergunning aan.", "open", NULL},
    {"terras", 2, "Terrasvergunning per seizoen opnieuw aanvragen", "regulation", "APV Den Haag art. 2:10",
     "DSO", "Een terrasvergunning geldt één seizoen.", "open", NULL},
    {"kapvergunning", 1, "Kapvergunning ook voor kleine bomen in achtertuinen", "regulation",
     "Bomenverordening Den Haag art. 4", "DSO",
     "Voor elke boom met een stamomtrek vanaf 60 cm is een vergunning nodig, ook in een achtertuin.", "open",
     NULL},
    {"bezwaar", 2, "Bezwaar alleen per brief of eigen formulier", "work_instruction",
     "Werkinstructie JUR-003 Ontvangst bezwaarschriften", "JUR",
     "Bezwaarschriften per e-mail worden niet in behandeling genomen.", "clarified",
     "Bezwaar per e-mail is toegestaan; dat staat nu in elke beschikking."},
    {"bezwaar", 1, "Hoorzitting bij elk bezwaar", "law", "Awb art. 7:2", "JUR",
     "Voordat op een bezwaar wordt beslist, wordt de indiener gehoord.", "retained",
     "Horen is een wettelijke plicht. Het gesprek kan nu ook telefonisch of online."},
    {"declaratie", 2, "Declaraties met bonnetjes op papier", "work_instruction",
     "Werkinstructie HR-011 Declaraties", "HR",
     "Originele bonnen worden op papier ingeleverd bij de afdeling.", "abolished",
     "Een foto van de bon in het HR-portaal volstaat; papieren bonnen hoeven niet meer te worden bewaard."},
    {"thuiswerk", 1, "Arbo-check voor elke thuiswerkplek", "policy", "Thuiswerkbeleid gemeente Den Haag",
     "HR", "Voor een bureau of stoel is eerst een arbo-check van de thuiswerkplek nodig.", "open", NULL},
    {"inkoop", 2, "Drie offertes bij inkoop vanaf 5.000 euro", "policy",
     "Inkoop- en aanbestedingsbeleid, par. 3.2", "FIN", "Vanaf 5.000 euro worden drie offertes opgevraagd.",
     "open", NULL},
    {"autorisatie", 2, "Autorisatieaanvraag per applicatie", "it_system", "TOPdesk selfserviceportaal", "ICT",
     "Voor elke applicatie is een eigen aanvraag met goedkeuring van de leidinggevende nodig.", "simplified",
     "Er is nu één aanvraag per functieprofiel in plaats van per applicatie."},
};
const size_t seed_words_rules_count = COUNT(seed_words_rules);

/* --- complaint themes (the Haagse Ombudsman) --------------------------------- */

const char *const seed_words_month_names[12] = {"januari",   "februari", "maart",    "april",
                                                "mei",       "juni",     "juli",     "augustus",
                                                "september", "oktober",  "november", "december"};
const char *const seed_words_quarter_names[4] = {"eerste", "tweede", "derde", "vierde"};

static const char *const NOTES_14070[] = {
    "Vooral over wachttijden van meer dan twintig minuten in de ochtendspits.",
    "Meerdere bellers werden na lang wachten uit de wachtrij verbroken.",
    "Bellers kwamen via het keuzemenu bij een afdeling die hun dossier niet kon inzien.",
    "Klachten van ouderen die niet per e-mail of online contact kunnen opnemen.",
};
static const char *const NOTES_AFSPRAAK[] = {
    "Vooral over wachttijden van vier tot zes weken voor een paspoortafspraak.",
    "Inwoners zonder afspraak werden aan de balie weggestuurd.",
    "Online geannuleerde afspraken kwamen niet vrij in de agenda.",
    "Inwoners moesten voor aanvragen en ophalen twee keer een afspraak maken.",
};
static const char *const NOTES_BRIEVEN[] = {
    "Vooral over brieven over herziening en terugvordering van een uitkering.",
    "Inwoners begrepen niet wat ze na het besluit moesten doen.",
    "Klachten over de dreigende toon van herinneringsbrieven.",
    "Website en brief noemden verschillende termijnen.",
};
static const char *const NOTES_BALIE[] = {
    "Inwoners voelden zich aan de balie niet serieus genomen.",
    "Bezoekers moesten hun verhaal bij elk loket opnieuw vertellen.",
    "Klachten over gebrek aan privacy: anderen konden meeluisteren.",
};
static const char *const NOTES_WMO[] = {
    "Vooral over wachttijden voor een keukentafelgesprek.",
    "De beslistermijn werd verlengd zonder dat de inwoner het hoorde.",
    "Inwoners wisten niet waar hun aanvraag bleef na het gesprek.",
    "Klachten over herindicaties bij een blijvende beperking.",
};
static const char *const NOTES_PARKEREN[] = {
    "Vooral over het wijzigen van een kenteken op de vergunning.",
    "Bewoners staan lang op de wachtlijst in drukke vergunninggebieden.",
    "Klachten over de bezoekersregeling, die per gebied verschilt.",
    "Mantelzorgers kregen geen vergunning voor het adres waar ze zorgen.",
};
static const char *const NOTES_AFVAL[] = {
    "Vooral over grofvuilafspraken die alleen online te maken zijn.",
    "Meldingen over volle ondergrondse containers bleven liggen.",
    "Grofvuil werd niet op de afgesproken dag opgehaald.",
};
static const char *const NOTES_KWIJTSCHELDING[] = {
    "Vooral over bewijsstukken die de gemeente zelf al heeft.",
    "Aanmaningen kwamen terwijl het verzoek om kwijtschelding nog liep.",
    "Inwoners met alleen AOW moesten opnieuw kwijtschelding aanvragen.",
};
static const char *const NOTES_TERUGBEL[] = {
    "Vooral over terugbelverzoeken die na twee werkdagen nog open stonden.",
    "Inwoners werden met een afgeschermd nummer teruggebeld en namen niet op.",
    "Het terugbelverzoek kwam bij de verkeerde afdeling terecht.",
};
static const char *const NOTES_FORMULIEREN[] = {
    "Vooral over formulieren die op een telefoon niet te gebruiken zijn.",
    "De DigiD-sessie verliep halverwege en het ingevulde was weg.",
    "Bijlagen werden geweigerd omdat ze te groot waren.",
    "Inwoners zonder DigiD konden het formulier niet gebruiken.",
};
static const char *const NOTES_LEERLINGENVERVOER[] = {
    "Vooral over taxi's die te laat kwamen of niet verschenen.",
    "Ouders klagen over steeds wisselende chauffeurs.",
    "Klachten over reistijden van meer dan een uur per rit.",
};
static const char *const NOTES_SCHULDHULP[] = {
    "Vooral over de wachttijd voor een eerste gesprek.",
    "Aanmeldingen liepen vast op ontbrekende papieren.",
    "Inwoners kregen intussen aanmaningen en incassokosten.",
};
static const char *const NOTES_MOR[] = {
    "Vooral over meldingen die gesloten werden zonder dat er iets gebeurde.",
    "Melders hoorden niet wat er met hun melding was gedaan.",
    "Klachten over kapotte straatverlichting die weken kapot bleef.",
};
static const char *const NOTES_BEZWAAR[] = {
    "Vooral over overschrijding van de beslistermijn op bezwaar.",
    "De termijn werd verdaagd zonder uitleg aan de indiener.",
    "Een hoorzitting liet maanden op zich wachten.",
};
static const char *const NOTES_OMGEVING[] = {
    "Vooral over aanvragen die lang bleven liggen.",
    "Inwoners konden in het Omgevingsloket niet vinden welke regels gelden.",
    "Klachten over de uitleg bij een vergunning voor een dakkapel of aanbouw.",
};

const seed_words_theme seed_words_themes[] = {
    {.code = "bereikbaarheid-14070",
     .title = "Telefonische bereikbaarheid van 14070",
     .description =
         "Klachten over de bereikbaarheid van het gemeentelijke telefoonnummer 14070: lange wachttijden, "
         "verbindingen die na lang wachten worden verbroken en een keuzemenu dat bellers niet bij de juiste "
         "afdeling brengt. Vooral ouderen en inwoners die niet digitaal zaken doen, lopen hierop vast.",
     .level = 36,
     .peak_months = SW_MONTH(3) | SW_MONTH(4),
     .peak_percent = 20,
     .course = SW_RISES_THEN_FALLS,
     .turn_sessions = {"Luistersessie: het Klantcontactcentrum 14070 aan het woord", NULL},
     .top_percent = 200,
     .floor_percent = 55,
     .quarterly = 1,
     .notes = NOTES_14070,
     .notes_count = COUNT(NOTES_14070),
     .peak_note = "Drukte na het versturen van de aanslagen gemeentelijke belastingen.",
     .trend_note = "De wachttijden bij 14070 lopen verder op, en daarmee het aantal klachten.",
     .turn_note = "Minder klachten sinds bellers na tien minuten wachten een terugbelaanbod krijgen."},
    {.code = "wachttijd-afspraak-stadsdeelkantoor",
     .title = "Wachttijd voor een afspraak bij het stadsdeelkantoor",
     .description =
         "Klachten over de tijd die inwoners moeten wachten op een afspraak bij een stadsdeelkantoor, vooral "
         "voor een paspoort, ID-kaart of rijbewijs. In drukke periodes is er weken geen plek, en wie zonder "
         "afspraak komt, wordt aan de balie weggestuurd.",
     .level = 40,
     .drift_percent = -10,
     .peak_months = SW_MONTH(4) | SW_MONTH(5) | SW_MONTH(6),
     .peak_percent = 45,
     .course = SW_STEADY,
     .notes = NOTES_AFSPRAAK,
     .notes_count = COUNT(NOTES_AFSPRAAK),
     .peak_note = "Drukte voor paspoorten en ID-kaarten in de aanloop naar de zomervakantie."},
    {.code = "onbegrijpelijke-brieven",
     .title = "Onbegrijpelijke brieven en besluiten",
     .description =
         "Klachten over brieven en besluiten van de gemeente die inwoners niet begrijpen: ambtelijke taal, "
         "wetsartikelen voorop en geen duidelijke boodschap over wat de inwoner moet doen. Het gaat vaak om "
         "brieven over uitkeringen, terugvorderingen en belastingen; inwoners bellen of komen langs om "
         "uitleg te vragen.",
     .level = 30,
     .peak_months = SW_MONTH(2) | SW_MONTH(3),
     .peak_percent = 20,
     .course = SW_FALLS_AFTER,
     .turn_sessions = {"Schrijven op B1-niveau", "Workshop: brieven herschrijven op B1-niveau"},
     .floor_percent = 45,
     .quarterly = 1,
     .notes = NOTES_BRIEVEN,
     .notes_count = COUNT(NOTES_BRIEVEN),
     .peak_note = "Veel vragen over de aanslagbrief gemeentelijke belastingen.",
     .turn_note = "Minder klachten sinds de standaardbrieven op B1-niveau zijn herschreven."},
    {.code = "bejegening-balie",
     .title = "Bejegening aan de balie",
     .description =
         "Klachten over hoe inwoners aan de balie van een stadsdeelkantoor zijn behandeld: zich niet gehoord "
         "voelen, kortaf worden weggestuurd of hun verhaal bij elk loket opnieuw moeten vertellen. Ook het "
         "gebrek aan privacy aan de balie komt steeds terug.",
     .level = 15,
     .drift_percent = -15,
     .course = SW_STEADY,
     .notes = NOTES_BALIE,
     .notes_count = COUNT(NOTES_BALIE)},
    {.code = "trage-afhandeling-wmo",
     .title = "Trage afhandeling van Wmo-aanvragen",
     .description =
         "Klachten over de duur van aanvragen voor een maatwerkvoorziening uit de Wmo, zoals huishoudelijke "
         "hulp, een scootmobiel of een woningaanpassing. Inwoners wachten lang op een keukentafelgesprek en "
         "op het besluit, en horen intussen niet waar hun aanvraag is.",
     .level = 28,
     .drift_percent = 85,
     .peak_months = SW_MONTH(1),
     .peak_percent = 15,
     .course = SW_STEADY,
     .quarterly = 1,
     .notes = NOTES_WMO,
     .notes_count = COUNT(NOTES_WMO),
     .peak_note = "Veel herindicaties aan het begin van het jaar.",
     .trend_note = "Het aantal klachten blijft stijgen: meer aanvragen en te weinig consulenten."},
    {.code = "parkeervergunningen",
     .title = "Parkeervergunningen en bezoekersregeling",
     .description =
         "Klachten over het aanvragen, wijzigen en verlengen van parkeervergunningen en over de "
         "bezoekersregeling: formulieren waarin alles opnieuw moet, wachtlijsten in drukke gebieden en "
         "regels die per gebied verschillen.",
     .level = 44,
     .drift_percent = 10,
     .peak_months = SW_MONTH(1) | SW_MONTH(9),
     .peak_percent = 30,
     .course = SW_STEADY,
     .quarterly = 1,
     .notes = NOTES_PARKEREN,
     .notes_count = COUNT(NOTES_PARKEREN),
     .peak_note = "Nieuwe vergunninggebieden en verlengingen zorgen voor extra klachten."},
    {.code = "afval-en-grofvuil",
     .title = "Afval en grofvuil",
     .description =
         "Klachten over het ophalen van grofvuil, volle of kapotte ondergrondse containers en afspraken die "
         "alleen online te maken zijn. In de zomer en rond de jaarwisseling lopen de wachttijden voor "
         "grofvuil op.",
     .level = 30,
     .peak_months = SW_MONTH(1) | SW_MONTH(7) | SW_MONTH(8),
     .peak_percent = 35,
     .course = SW_STEADY,
     .notes = NOTES_AFVAL,
     .notes_count = COUNT(NOTES_AFVAL),
     .peak_note = "Drukke weken: lange wachttijd voor een grofvuilafspraak en volle containers."},
    {.code = "kwijtschelding-belastingen",
     .title = "Kwijtschelding van gemeentelijke belastingen",
     .description =
         "Klachten over verzoeken om kwijtschelding van de gemeentelijke belastingen: bewijsstukken die de "
         "gemeente al heeft, lange behandeltijden en aanmaningen die komen terwijl het verzoek nog loopt. "
         "Elk voorjaar, na de aanslagen, stijgt het aantal klachten sterk.",
     .level = 12,
     .drift_percent = -20,
     .peak_months = SW_MONTH(2) | SW_MONTH(3) | SW_MONTH(4),
     .peak_percent = 160,
     .course = SW_STEADY,
     .notes = NOTES_KWIJTSCHELDING,
     .notes_count = COUNT(NOTES_KWIJTSCHELDING),
     .peak_note = "Piek na het versturen van de aanslagen gemeentelijke belastingen."},
    {.code = "terugbelafspraken",
     .title = "Terugbelafspraken die niet worden nagekomen",
     .description =
         "Klachten over terugbelverzoeken die niet of te laat worden opgevolgd: inwoners krijgen de "
         "toezegging dat ze binnen twee werkdagen worden teruggebeld en horen niets, of worden gebeld met "
         "een afgeschermd nummer dat ze niet opnemen.",
     .level = 22,
     .drift_percent = 10,
     .course = SW_FALLS_AFTER,
     .turn_sessions = {"Terugbellen zoals beloofd", NULL},
     .floor_percent = 60,
     .notes = NOTES_TERUGBEL,
     .notes_count = COUNT(NOTES_TERUGBEL),
     .turn_note = "Minder klachten sinds terugbelverzoeken rechtstreeks naar de vakafdeling gaan."},
    {.code = "digitale-formulieren",
     .title = "Digitale formulieren",
     .description =
         "Klachten over de online formulieren van de gemeente: formulieren die niet werken op een telefoon, "
         "een DigiD-sessie die halverwege verloopt, bijlagen die te groot zijn en geen mogelijkheid om "
         "tussentijds op te slaan. Wie geen DigiD heeft, kan vaak helemaal niet online terecht.",
     .level = 18,
     .drift_percent = 100,
     .course = SW_STEADY,
     .notes = NOTES_FORMULIEREN,
     .notes_count = COUNT(NOTES_FORMULIEREN),
     .trend_note = "Meer klachten nu steeds meer aanvragen alleen nog online kunnen."},
    {.code = "leerlingenvervoer",
     .title = "Leerlingenvervoer",
     .description =
         "Klachten over het vervoer van leerlingen naar het speciaal onderwijs: taxi's die te laat of niet "
         "komen, steeds wisselende chauffeurs en lange reistijden. De meeste klachten komen bij de start van "
         "het schooljaar, als de routes nieuw zijn.",
     .level = 10,
     .peak_months = SW_MONTH(8) | SW_MONTH(9),
     .peak_percent = 130,
     .course = SW_STEADY,
     .notes = NOTES_LEERLINGENVERVOER,
     .notes_count = COUNT(NOTES_LEERLINGENVERVOER),
     .peak_note = "Start van het schooljaar: nieuwe routes en veel taxi's te laat."},
    {.code = "schuldhulpverlening",
     .title = "Toegang tot schuldhulpverlening",
     .description =
         "Klachten over de toegang tot schuldhulpverlening: lange wachttijden voor een eerste gesprek, een "
         "aanmelding die vastloopt op ontbrekende papieren en inwoners die intussen verder in de schulden "
         "raken. Het aantal klachten neemt toe sinds de vaste lasten zijn gestegen.",
     .level = 12,
     .drift_percent = 100,
     .peak_months = SW_MONTH(1),
     .peak_percent = 30,
     .course = SW_STEADY,
     .notes = NOTES_SCHULDHULP,
     .notes_count = COUNT(NOTES_SCHULDHULP),
     .peak_note = "Na de feestdagen melden zich meer inwoners met schulden.",
     .trend_note = "Meer aanmeldingen door gestegen vaste lasten; de wachttijd loopt op."},
    {.code = "meldingen-openbare-ruimte",
     .title = "Afhandeling van meldingen openbare ruimte",
     .description =
         "Klachten over meldingen openbare ruimte (MOR): een losliggende stoeptegel, kapotte "
         "straatverlichting of zwerfafval wordt gemeld, maar de melding wordt gesloten zonder dat er iets is "
         "gebeurd of zonder dat de melder hoort wat ermee is gedaan.",
     .level = 20,
     .drift_percent = -10,
     .peak_months = SW_MONTH(10) | SW_MONTH(11),
     .peak_percent = 25,
     .course = SW_STEADY,
     .notes = NOTES_MOR,
     .notes_count = COUNT(NOTES_MOR),
     .peak_note = "Herfst: meer meldingen over bladval, stormschade en straatverlichting."},
    {.code = "bezwaarprocedures",
     .title = "Duur van bezwaarprocedures",
     .description =
         "Klachten over de tijd die de behandeling van een bezwaarschrift kost: de wettelijke beslistermijn "
         "wordt overschreden, de termijn wordt verdaagd zonder uitleg en een hoorzitting laat maanden op "
         "zich wachten. Na de WOZ-beschikkingen in het voorjaar komen er meer bezwaren en dus meer klachten.",
     .level = 11,
     .drift_percent = 20,
     .peak_months = SW_MONTH(3) | SW_MONTH(4) | SW_MONTH(5),
     .peak_percent = 40,
     .course = SW_STEADY,
     .notes = NOTES_BEZWAAR,
     .notes_count = COUNT(NOTES_BEZWAAR),
     .peak_note = "Veel bezwaren tegen de WOZ-beschikking liggen nog op behandeling te wachten."},
    {.code = "omgevingsvergunningen",
     .title = "Omgevingsvergunningen en het Omgevingsloket",
     .description =
         "Klachten over aanvragen voor een omgevingsvergunning, zoals voor een verbouwing, een dakkapel of "
         "het kappen van een boom: het Omgevingsloket is ingewikkeld, aanvragen blijven lang liggen en "
         "inwoners weten sinds de invoering van de Omgevingswet niet welke regels voor hun plek gelden.",
     .level = 14,
     .drift_percent = -45,
     .peak_months = SW_MONTH(4) | SW_MONTH(5) | SW_MONTH(6),
     .peak_percent = 20,
     .course = SW_STEADY,
     .notes = NOTES_OMGEVING,
     .notes_count = COUNT(NOTES_OMGEVING),
     .peak_note = "Bouwseizoen: meer aanvragen voor verbouwingen en dakkapellen."},
};
const size_t seed_words_themes_count = COUNT(seed_words_themes);

/* --- sessions ------------------------------------------------------------------ */

const seed_words_session seed_words_inspiration[] = {
    {"Inspiratiesessie: de Hagenaar centraal",
     "De aftrap van de maandelijkse inspiratiesessies. Drie Hagenaars vertellen hoe zij de gemeente ervaren: "
     "aan de balie, aan de telefoon en in de brievenbus. Daarna gaan we met elkaar in gesprek: wat betekent "
     "'de Hagenaar centraal' voor jouw werk, morgen al?"},
    {"Schrijven op B1-niveau",
     "Ongeveer een op de vier Hagenaars heeft moeite met onze brieven. Een taalcoach laat aan de hand van "
     "echte brieven en besluiten zien hoe het eenvoudiger kan, zonder dat de boodschap juridisch minder "
     "klopt. Neem gerust een brief uit je eigen werk mee."},
    {"Van buiten naar binnen kijken",
     "We beginnen niet bij onze regels en systemen, maar bij de vraag van de inwoner. Aan de hand van één "
     "klantreis, van de eerste zoekopdracht op denhaag.nl tot het besluit, ontdekken we waar het schuurt en "
     "wie er iets aan kan veranderen."},
    {"Ont-regelen in de praktijk: wat de rode knop oplevert",
     "Het ont-regelteam vertelt welke meldingen via de rode knop binnenkwamen, wat ermee is gebeurd en welke "
     "regels inmiddels zijn geschrapt of vereenvoudigd. Met ruimte voor je eigen voorbeelden: welke regel "
     "zou jij morgen afschaffen?"},
    {"Digitaal waar het kan, persoonlijk waar het moet",
     "Steeds meer zaken regelen Hagenaars online, maar niet iedereen kan of wil dat. Collega's van "
     "Publiekszaken en de bibliotheek laten zien hoe we inwoners helpen die digitaal vastlopen, en waar we "
     "de persoonlijke route open moeten houden."},
    {"Geen verkeerde deur: samenwerken over diensten heen",
     "Een inwoner met een vraag over schulden, zorg en werk heeft al snel met drie diensten te maken. Hoe "
     "zorgen we dat hij niet van loket naar loket wordt gestuurd? Een wijkregisseur en een consulent werk en "
     "inkomen delen hoe zij het samen oppakken."},
    {"Inclusieve dienstverlening: iedereen doet mee",
     "Laaggeletterdheid, een beperking, een andere taal of weinig digitale vaardigheden: voor veel Hagenaars "
     "is contact met de gemeente lastiger dan wij denken. Ervaringsdeskundigen vertellen wat voor hen het "
     "verschil maakt."},
    {"Wat de Haagse Ombudsman ons leert",
     "De Haagse Ombudsman ziet elk jaar duizenden signalen over de gemeente. Een medewerker van de "
     "ombudsman vertelt welke patronen zij zien, en wat wij daar in onze dagelijkse dienstverlening mee "
     "kunnen."},
    {"De menselijke maat in regels en besluiten",
     "Regels zijn er om mensen te helpen, maar soms pakken ze onredelijk uit. Een jurist en een consulent "
     "laten aan de hand van casussen zien hoeveel ruimte de regels vaak al bieden, en hoe je die ruimte "
     "verantwoord gebruikt."},
    {"Gastvrij aan de balie en aan de telefoon",
     "Hoe voelt een bezoek aan het stadsdeelkantoor of een telefoontje naar 14070 voor een inwoner? Een "
     "trainer uit de hotellerie geeft een andere blik op ontvangen, laten wachten en doorverbinden."},
    {"Leren van klachten: de rode draad",
     "Klachten vertellen ons waar onze dienstverlening tekortschiet. We kijken samen naar de klachtthema's "
     "van het afgelopen halfjaar en zoeken de rode draad: wat komt steeds terug, en wie pakt het op?"},
    {"Samen ontwerpen met inwoners",
     "Een nieuw formulier, een brief of een afsprakensysteem ontwerp je het best samen met de mensen die "
     "ermee moeten werken. Het team bijzondere bijstand vertelt hoe zij inwoners betrokken bij het "
     "vernieuwen van hun aanvraag."},
    {"Bellen in plaats van een brief sturen",
     "Soms lost één telefoontje meer op dan drie brieven. Collega's die zelf contact opnemen met inwoners "
     "vertellen wat het oplevert: minder bezwaren, minder stress en meer begrip."},
    {"Eenvoudige formulieren: minder vragen, betere antwoorden",
     "Elk veld in een formulier is een vraag aan de inwoner. Hoe bepaal je welke vragen echt nodig zijn, en "
     "welke gegevens we al hebben? Met voorbeelden van formulieren die de helft korter werden."},
    {"Vertrouwen als uitgangspunt",
     "Wat gebeurt er als we inwoners vooraf vertrouwen en achteraf controleren? Een gemeente die het al doet "
     "vertelt over de resultaten, de risico's en wat het vroeg van de medewerkers."},
    {"Jongeren over de gemeente",
     "Haagse jongeren vertellen hoe zij de gemeente ervaren, van de leerplicht tot hun eerste eigen woning. "
     "Wat verwachten zij van onze dienstverlening, en sluiten we daar op aan?"},
    {"Denhaag.nl door de ogen van gebruikers",
     "We kijken mee met inwoners die iets zoeken op de gemeentelijke website. Opnames van "
     "gebruikersonderzoek laten zien waar mensen afhaken, en wat kleine aanpassingen opleveren."},
    {"Doorbraakaanpak: maatwerk als het vastloopt",
     "Soms zit een inwoner klem tussen de regels van verschillende afdelingen. Het doorbraakteam vertelt hoe "
     "zij zulke situaties ontwarren en wat zij van de rest van de organisatie nodig hebben."},
    {"Ondernemers en de gemeente: één aanspreekpunt",
     "Een ondernemer die een terras, een vergunning en een afvalcontract nodig heeft, krijgt al snel met "
     "vier afdelingen te maken. Accountmanagers vertellen hoe het ondernemersloket dat samenbrengt."},
    {"Data als spiegel van onze dienstverlening",
     "Wachttijden, klanttevredenheid, klachten en meldingen: wat vertellen de cijfers, en wat juist niet? "
     "Data-analisten laten zien hoe je cijfers gebruikt om het gesprek over verbetering te voeren."},
    {"Terugbellen zoals beloofd",
     "Een terugbelverzoek dat niet wordt opgevolgd, is een van de grootste ergernissen van inwoners. Het "
     "Klantcontactcentrum vertelt wat er misgaat tussen belofte en terugbelactie, en wat afdelingen kunnen "
     "doen."},
    {"Van doorverwijzen naar doorzetten",
     "Samen met ketenpartners zoals de Sociale Verzekeringsbank en woningcorporaties verkennen we hoe we "
     "inwoners niet alleen het goede adres geven, maar ook zorgen dat hun vraag daar aankomt."},
    {"Werken vanuit de bedoeling",
     "Waarom bestaat deze regel eigenlijk? Een interactieve sessie over het verschil tussen de letter en de "
     "bedoeling van regels, met voorbeelden uit de Haagse praktijk en een oefening met je eigen werkproces."},
    {"Toegankelijk voor iedereen",
     "Inwoners met een visuele, auditieve of verstandelijke beperking vertellen over hun contact met de "
     "gemeente. Wat kunnen wij in brieven, op de website en aan de balie anders doen?"},
    {"De kracht van een goed gesprek",
     "Een gesprek aan de keukentafel of aan de balie kan het verschil maken. Een gesprekstrainer geeft "
     "handvatten om door te vragen naar wat een inwoner echt nodig heeft, ook als de tijd kort is."},
    {"Dienstverlening in de wijk",
     "Hoe dichter bij de inwoner, hoe beter? Collega's van stadsdeelkantoor Escamp en het wijkteam Laak "
     "vertellen over spreekuren in buurthuizen en wat die opleveren, voor inwoners en voor ons."},
};
const size_t seed_words_inspiration_count = COUNT(seed_words_inspiration);

const seed_words_session seed_words_leadership[] = {
    {"Lancering programmaplan DNA Dienstverlening",
     "De gemeentesecretaris en de programmamanager presenteren het programmaplan DNA Dienstverlening: "
     "waarom we de Hagenaar centraal zetten, wat we de komende twee jaar gaan doen en wat we daarvoor van "
     "leidinggevenden vragen. Na afloop is er gelegenheid om na te praten in het Atrium."},
    {"Leiderschapstafel: ruimte geven aan de frontlinie",
     "Medewerkers aan de balie en de telefoon zien als eerste waar het misgaat. Hoe geef je als "
     "leidinggevende hun signalen de ruimte, en hoe zorg je dat er iets mee gebeurt? Een gesprek aan tafel "
     "met directeuren en teamleiders."},
    {"Leiderschapsbijeenkomst: voortgang DNA Dienstverlening",
     "De programmamanager blikt terug op het afgelopen kwartaal: wat is er bereikt, waar lopen we vast en "
     "welke besluiten zijn nodig? Met de cijfers van de rode knop en de opbrengst van de luistersessies."},
    {"Leiderschapsbijeenkomst: wat leren de luistersessies ons?",
     "Uit de luistersessies met de Haagse Ombudsman en de frontlijnteams komen steeds dezelfde thema's naar "
     "voren. We bespreken welke thema's diensten samen moeten oppakken en wie daarin het voortouw neemt."},
    {"Leiderschapstafel: ont-regelen begint bij jezelf",
     "Veel regels die medewerkers als knellend ervaren, zijn interne afspraken die we zelf kunnen "
     "veranderen. Leidinggevenden delen welke regels zij in hun eigen team hebben geschrapt en wat daarvoor "
     "nodig was."},
    {"Leiderschapsbijeenkomst: sturen op dienstverlening",
     "Sturen we op productie of op wat het de inwoner oplevert? Over indicatoren, rapportages en het gesprek "
     "dat je als leidinggevende met je team voert over goede dienstverlening."},
    {"Leiderschapstafel: de rode draad in klachten",
     "Samen met de Haagse Ombudsman kijken we naar de klachtthema's die het vaakst terugkomen, en naar de "
     "verbeteringen die al lopen. Welke thema's verdienen meer aandacht van het management?"},
    {"Leiderschapsbijeenkomst: samenwerken over de grenzen van diensten",
     "Een inwoner merkt niets van onze organisatiegrenzen, maar loopt er wel op vast. Directeuren maken "
     "concrete afspraken om zaken die meerdere diensten raken sneller op te lossen."},
    {"Leiderschapsbijeenkomst: de dienstverlening van morgen",
     "Wat verwachten Hagenaars over vijf jaar van hun gemeente? Een verkenning met trendonderzoekers en "
     "collega's van ICT, en de vraag wat dat nu al vraagt van ons leiderschap."},
};
const size_t seed_words_leadership_count = COUNT(seed_words_leadership);

const seed_words_session seed_words_workshops[] = {
    {"Workshop: brieven herschrijven op B1-niveau",
     "Een praktische workshop met een taaladviseur van Communicatie. Je herschrijft een brief of besluit uit "
     "je eigen werk naar B1-niveau en krijgt direct feedback. Neem een laptop mee en een brief die je vaak "
     "verstuurt."},
    {"Workshop: een klantreis in kaart brengen",
     "In drie uur breng je met collega's de reis van een inwoner in kaart, van de eerste vraag tot het "
     "laatste contact. Je leert waar je de informatie vandaan haalt en hoe je de knelpunten zichtbaar maakt "
     "voor je afdeling."},
    {"Workshop: ont-regelen met de regelscan",
     "Met de regelscan van het ont-regelteam onderzoek je een regel of werkinstructie uit je eigen praktijk: "
     "waar komt hij vandaan, wat is de bedoeling en kan het eenvoudiger? Je gaat naar huis met een concreet "
     "voorstel."},
    {"Workshop: heldere digitale formulieren",
     "Samen met de webredactie en ICT verbeter je een digitaal formulier: minder vragen, een duidelijke "
     "toelichting en geen gegevens opvragen die we al hebben. Voor collega's die formulieren beheren of "
     "aanvragen behandelen."},
    {"Workshop: lastige gesprekken aan de balie en de telefoon",
     "Hoe blijf je rustig en vriendelijk als een inwoner boos is, en hoe help je hem toch verder? Met een "
     "trainingsacteur oefen je situaties uit je eigen werk."},
    {"Workshop: luisteren zonder oordeel",
     "Voor collega's die een luistersessie of een keukentafelgesprek leiden. Je oefent met open vragen, "
     "doorvragen en samenvatten, zodat de ander echt aan het woord is."},
    {"Workshop: werken met de rode knop",
     "Hoe meld je een knellende regel zo dat het ont-regelteam ermee verder kan? En wat gebeurt er daarna "
     "met je melding? Een korte uitleg, en daarna aan de slag met je eigen voorbeelden."},
    {"Workshop: toegankelijk schrijven voor het web",
     "Teksten op denhaag.nl moeten voor iedereen te lezen en te vinden zijn. Je leert schrijven voor het "
     "scherm, met aandacht voor voorleessoftware, tussenkopjes en linkteksten."},
    {"Workshop: inwoners betrekken bij het ontwerp van een dienst",
     "Hoe organiseer je een gesprek met inwoners over een dienst die je wilt verbeteren, en wat doe je met "
     "hun inbreng? Met werkvormen die je de week erna zelf kunt gebruiken."},
};
const size_t seed_words_workshops_count = COUNT(seed_words_workshops);

const seed_words_listening seed_words_listening_partners[] = {
    {"Haagse Ombudsman",
     "Luistersessie met de Haagse Ombudsman",
     "De eerste luistersessie van het programma. Medewerkers van de Haagse Ombudsman vertellen welke "
     "klachten "
     "zij het vaakst over de gemeente ontvangen en welke verhalen daarachter zitten. We luisteren eerst, "
     "vragen door en zoeken samen de rode draad.",
     NULL,
     {"bereikbaarheid-14070", "onbegrijpelijke-brieven", "trage-afhandeling-wmo"}},
    {"Klantcontactcentrum 14070",
     "Luistersessie: het Klantcontactcentrum 14070 aan het woord",
     "Medewerkers van het Klantcontactcentrum voeren elke dag duizenden gesprekken met Hagenaars. Zij "
     "vertellen waar inwoners het vaakst over bellen, wat ze aan de telefoon niet kunnen oplossen en wat er "
     "gebeurt met terugbelverzoeken.",
     NULL,
     {"bereikbaarheid-14070", "terugbelafspraken", "digitale-formulieren"}},
    {"Balieteam Stadsdeelkantoor Escamp",
     "Luistersessie met het balieteam van stadsdeelkantoor Escamp",
     "Baliemedewerkers van stadsdeelkantoor Escamp vertellen over hun werkdag: lange wachtrijen, inwoners "
     "zonder afspraak en vragen die niet bij de balie horen. Wat zien zij dat wij op kantoor missen?",
     "Stadsdeelkantoor Escamp, Leyweg 813",
     {"wachttijd-afspraak-stadsdeelkantoor", "bejegening-balie", NULL}},
    {"Team Wmo-consulenten",
     "Luistersessie met de Wmo-consulenten",
     "Wmo-consulenten vertellen over keukentafelgesprekken, aanvragen die blijven liggen en inwoners die de "
     "brieven over hun voorziening niet begrijpen. Waar zit de vertraging, en wat zou hen helpen?",
     NULL,
     {"trage-afhandeling-wmo", "onbegrijpelijke-brieven", NULL}},
    {"Team Parkeervergunningen",
     "Luistersessie met het team Parkeervergunningen",
     "Het team dat dagelijks parkeervergunningen afhandelt, vertelt waar bewoners en bezoekers op vastlopen: "
     "het aanvraagformulier, het wisselen van kenteken en de regels die per gebied verschillen.",
     NULL,
     {"parkeervergunningen", "digitale-formulieren", NULL}},
    {"Team Kwijtschelding",
     "Luistersessie met het team Kwijtschelding gemeentelijke belastingen",
     "Elk voorjaar, als de aanslagen op de mat vallen, krijgt het team Kwijtschelding de meeste vragen. "
     "Medewerkers vertellen welke bewijsstukken inwoners moeten aanleveren en waarom dat zo vaak misgaat.",
     NULL,
     {"kwijtschelding-belastingen", "onbegrijpelijke-brieven", NULL}},
    {"Handhaving en wijkbeheer Stadsbeheer",
     "Luistersessie met handhavers en wijkbeheerders",
     "Handhavers en wijkbeheerders van de Dienst Stadsbeheer staan dagelijks op straat. Zij horen van "
     "bewoners over grofvuil, volle containers en meldingen waar niets mee lijkt te gebeuren.",
     NULL,
     {"afval-en-grofvuil", "terugbelafspraken", NULL}},
    {"Consulenten Werk en Inkomen",
     "Luistersessie met consulenten Werk en Inkomen",
     "Consulenten van Sociale Zaken en Werkgelegenheid vertellen over inwoners met een uitkering of schulden "
     "die verdwalen tussen brieven, formulieren en loketten. Wat maakt voor hen het verschil?",
     NULL,
     {"onbegrijpelijke-brieven", "terugbelafspraken", "digitale-formulieren"}},
    {"Frontoffice Publiekszaken",
     "Luistersessie met de frontoffice van Publiekszaken",
     "Medewerkers van de frontoffice Publiekszaken vertellen over paspoorten, verhuizingen en afspraken die "
     "weken op zich laten wachten. Welke vragen horen ze het vaakst, en welke hadden we kunnen voorkomen?",
     NULL,
     {"wachttijd-afspraak-stadsdeelkantoor", "bejegening-balie", "digitale-formulieren"}},
};
const size_t seed_words_listening_partners_count = COUNT(seed_words_listening_partners);

const seed_words_place seed_words_places_large[] = {
    {"Stadhuis, Spui 70 – Atrium", 12, 80, 120},  {"Stadhuis, Spui 70 – Burgerzaal", 4, 50, 80},
    {"Centrale Bibliotheek, Spui 68", 2, 50, 70}, {"Stadsdeelkantoor Escamp, Leyweg 813", 1, 40, 60},
    {"Online via Microsoft Teams", 1, 0, 0},
};
const size_t seed_words_places_large_count = COUNT(seed_words_places_large);

const seed_words_place seed_words_places_small[] = {
    {"Stadhuis, Spui 70 – vergaderzaal 1.14", 4, 30, 40},
    {"Stadhuis, Spui 70 – leercentrum", 4, 25, 35},
    {"Stadsdeelkantoor Escamp, Leyweg 813", 2, 30, 40},
    {"Stadsdeelkantoor Laak", 1, 25, 35},
    {"Stadsdeelkantoor Scheveningen", 1, 25, 35},
    {"Stadsdeelkantoor Segbroek", 1, 25, 35},
    {"Stadsdeelkantoor Loosduinen", 1, 25, 35},
    {"Stadsdeelkantoor Haagse Hout", 1, 25, 35},
    {"Stadsdeelkantoor Leidschenveen-Ypenburg", 1, 25, 35},
    {"Centrale Bibliotheek, Spui 68", 1, 30, 40},
};
const size_t seed_words_places_small_count = COUNT(seed_words_places_small);

const seed_words_insight seed_words_insights[] = {
    {"bereikbaarheid-14070",
     "In de spits hangen inwoners vaak langer dan tien minuten in de wacht bij 14070 en haken dan af."},
    {"bereikbaarheid-14070", "Het keuzemenu van 14070 heeft geen optie voor vragen die meerdere afdelingen "
                             "raken; bellers komen steeds bij de verkeerde afdeling uit."},
    {"bereikbaarheid-14070",
     "Ouderen bellen liever dan dat ze mailen, maar juist zij haken af bij de lange wachttijden."},
    {"wachttijd-afspraak-stadsdeelkantoor", "Voor een paspoortafspraak is in sommige stadsdelen pas na vijf "
                                            "weken plek; inwoners wijken uit naar andere stadsdelen."},
    {"wachttijd-afspraak-stadsdeelkantoor", "Inwoners zonder afspraak worden aan de balie weggestuurd, ook "
                                            "als hun vraag in twee minuten te beantwoorden is."},
    {"wachttijd-afspraak-stadsdeelkantoor",
     "Afspraken die online worden geannuleerd, komen niet vrij in de agenda van het stadsdeelkantoor."},
    {"onbegrijpelijke-brieven", "Brieven over herziening en terugvordering worden niet begrepen; inwoners "
                                "bellen om te vragen wat ze moeten doen."},
    {"onbegrijpelijke-brieven",
     "In veel besluiten staat de belangrijkste boodschap pas op de tweede pagina, na de wetsartikelen."},
    {"onbegrijpelijke-brieven", "Inwoners schrikken van de dreigende toon in herinneringsbrieven, ook als ze "
                                "nog ruim op tijd zijn."},
    {"bejegening-balie",
     "Inwoners voelen zich aan de balie niet altijd serieus genomen als ze hun vraag niet "
     "in de juiste termen stellen."},
    {"bejegening-balie",
     "Baliemedewerkers hebben te weinig tijd per bezoeker om door te vragen; dat leidt tot "
     "herhaalbezoek."},
    {"bejegening-balie",
     "Bezoekers vinden het onprettig dat ze hun vraag hardop aan de balie moeten uitleggen "
     "terwijl anderen meeluisteren."},
    {"trage-afhandeling-wmo", "Wmo-aanvragen blijven liggen tussen het keukentafelgesprek en het besluit; "
                              "inwoners weten niet waar hun aanvraag is."},
    {"trage-afhandeling-wmo", "Bij een verhuizing binnen de stad moet een Wmo-voorziening opnieuw worden "
                              "aangevraagd, met dezelfde gesprekken."},
    {"trage-afhandeling-wmo",
     "Inwoners krijgen geen bericht als de beslistermijn voor hun Wmo-aanvraag wordt verlengd."},
    {"parkeervergunningen",
     "Bewoners moeten bij een nieuw kenteken een nieuwe parkeervergunning aanvragen en "
     "opnieuw al hun gegevens invullen."},
    {"parkeervergunningen",
     "De bezoekersregeling verschilt per gebied; bewoners en mantelzorgers raken de weg kwijt."},
    {"parkeervergunningen",
     "Mantelzorgers kunnen geen parkeervergunning krijgen voor het adres waar ze zorg verlenen."},
    {"afval-en-grofvuil", "Bewoners weten niet dat grofvuil ook telefonisch kan worden aangemeld; wie geen "
                          "internet heeft, zet het gewoon op straat."},
    {"afval-en-grofvuil", "Meldingen over volle ondergrondse containers worden gesloten zonder dat de melder "
                          "hoort wat ermee is gedaan."},
    {"afval-en-grofvuil", "De wachttijd voor het ophalen van grofvuil loopt in de zomer op tot drie weken."},
    {"kwijtschelding-belastingen", "Inwoners moeten voor kwijtschelding bewijsstukken inleveren die de "
                                   "gemeente zelf al heeft, zoals de specificatie van hun uitkering."},
    {"kwijtschelding-belastingen", "Het kwijtscheldingsverzoek kan alleen digitaal worden ingediend; wie "
                                   "daarbij hulp nodig heeft, moet een afspraak maken."},
    {"kwijtschelding-belastingen", "Veel verzoeken om kwijtschelding komen pas na een aanmaning; eerder "
                                   "contact had de incassokosten voorkomen."},
    {"terugbelafspraken", "Terugbelverzoeken via 14070 komen in een algemene mailbox terecht en worden niet "
                          "altijd binnen de beloofde twee werkdagen opgepakt."},
    {"terugbelafspraken", "Inwoners worden teruggebeld met een afgeschermd nummer en nemen daarom niet op."},
    {"terugbelafspraken",
     "Er is per afdeling geen overzicht van openstaande terugbelafspraken; niemand voelt "
     "zich eigenaar."},
    {"digitale-formulieren", "Digitale formulieren verlopen na twintig minuten; wie eerst documenten moet "
                             "zoeken, is alles kwijt wat al was ingevuld."},
    {"digitale-formulieren",
     "Formulieren zijn op een telefoon nauwelijks in te vullen, terwijl de meeste inwoners daarmee werken."},
    {"digitale-formulieren", "Inwoners zonder DigiD kunnen veel formulieren niet gebruiken en worden naar de "
                             "balie verwezen."},
    {NULL, "Frontlijnmedewerkers zien dagelijks knelpunten maar weten niet waar ze die kwijt kunnen; de rode "
           "knop is nog te weinig bekend."},
    {NULL, "Medewerkers willen vaker horen wat er met hun signalen is gedaan; dat motiveert om te blijven "
           "melden."},
    {NULL, "Inwoners met meerdere vragen tegelijk worden per vraag doorverwezen; een vast aanspreekpunt zou "
           "veel schelen."},
    {NULL,
     "Aan de balie is een tolk niet of pas na een afspraak beschikbaar; dan vertalen familieleden, soms "
     "kinderen."},
};
const size_t seed_words_insights_count = COUNT(seed_words_insights);

const char *const seed_words_feedback_praise[] = {
    "Inspirerend en heel herkenbaar.",
    "Goede sprekers, ik ga hier morgen mee aan de slag.",
    "Fijn om collega's van andere diensten te ontmoeten.",
    "Eindelijk eens het verhaal van de inwoner zelf gehoord.",
    "Praktisch en to the point.",
    "Mooie voorbeelden uit de praktijk, graag meer van dit.",
    "Het gesprek na afloop was voor mij het waardevolst.",
    "Open sfeer, er werd echt geluisterd.",
    "Ik heb er een paar concrete ideeën voor mijn team aan overgehouden.",
    "Goed georganiseerd en precies op tijd klaar.",
    "Confronterend, maar nodig.",
};
const size_t seed_words_feedback_praise_count = COUNT(seed_words_feedback_praise);

const char *const seed_words_feedback_mixed[] = {
    "Interessant, maar wat lang; de vragenronde kwam in tijdnood.",
    "Goed onderwerp, maar ik miste de vertaling naar mijn eigen werk.",
    "Veel herkenning, weinig nieuwe inzichten.",
    "De zaal was te vol; achterin was het slecht te verstaan.",
    "Leuk, maar graag een volgende keer meer interactie.",
};
const size_t seed_words_feedback_mixed_count = COUNT(seed_words_feedback_mixed);

const char *const seed_words_feedback_critical[] = {
    "Te veel presentatie, te weinig gesprek.",
    "Ik had meer verwacht van de concrete opbrengst.",
    "De sessie begon laat en liep uit, jammer.",
    "Voor mijn werk weinig bruikbaar.",
};
const size_t seed_words_feedback_critical_count = COUNT(seed_words_feedback_critical);
