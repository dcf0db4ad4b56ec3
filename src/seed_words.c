/* seed_words.c: the demo data's vocabulary (see seed_words.h and
 * shared/spec/demo-data.md). Later seeding steps add their lists here. */
#include "seed_words.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* --- departments and job titles ------------------------------------------ */

static const char *const TITLES_BSD[] = {"beleidsadviseur", "bestuursadviseur",
                                         "communicatieadviseur"};
static const char *const TITLES_DPZ[] = {"klantcontactmedewerker", "klantcontactmedewerker",
                                         "medewerker burgerzaken", "teamleider"};
static const char *const TITLES_DSO[] = {"vergunningverlener", "beleidsadviseur", "projectleider"};
static const char *const TITLES_DSB[] = {"handhaver", "wijkregisseur",
                                         "toezichthouder openbare ruimte"};
static const char *const TITLES_OCW[] = {"beleidsadviseur", "wijkregisseur", "leerplichtambtenaar"};
static const char *const TITLES_SZW[] = {"consulent werk en inkomen", "consulent werk en inkomen",
                                         "klantmanager", "schuldhulpverlener"};
static const char *const TITLES_ICT[] = {"informatieadviseur", "functioneel beheerder",
                                         "data-analist"};
static const char *const TITLES_HR[] = {"HR-adviseur", "loopbaanadviseur"};
static const char *const TITLES_FIN[] = {"financieel adviseur", "medewerker kwijtschelding"};
static const char *const TITLES_JUR[] = {"jurist", "bezwaarbehandelaar"};

/* Weights sum to 100: the front-line services (DPZ, SZW) are the large ones,
 * the legal department is small. */
const seed_words_department seed_words_departments[] = {
    {"BSD", "Bestuursdienst", 7, TITLES_BSD, COUNT(TITLES_BSD)},
    {"DPZ", "Dienst Publiekszaken", 20, TITLES_DPZ, COUNT(TITLES_DPZ)},
    {"DSO", "Dienst Stedelijke Ontwikkeling", 11, TITLES_DSO, COUNT(TITLES_DSO)},
    {"DSB", "Dienst Stadsbeheer", 12, TITLES_DSB, COUNT(TITLES_DSB)},
    {"OCW", "Dienst Onderwijs, Cultuur en Welzijn", 11, TITLES_OCW, COUNT(TITLES_OCW)},
    {"SZW", "Dienst Sociale Zaken en Werkgelegenheid", 20, TITLES_SZW, COUNT(TITLES_SZW)},
    {"ICT", "ICT-dienstverlening", 8, TITLES_ICT, COUNT(TITLES_ICT)},
    {"HR", "HR-dienstverlening", 4, TITLES_HR, COUNT(TITLES_HR)},
    {"FIN", "Financiën", 4, TITLES_FIN, COUNT(TITLES_FIN)},
    {"JUR", "Juridische Zaken", 3, TITLES_JUR, COUNT(TITLES_JUR)},
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
    "Ramdin",     "Ramlal",     "Mahabier",   "Sewnath", "Jagessar", "Kanhai",
    "Bhagwandin", "Sital",      "Ramsaran",   "Biharie", "Doekhie",  "Monsels",
    "Nelom",      "Sabajo",     "Wijngaarde", "Sordam",  "Zeefuik",  "Tjon A Ten",
    "Lie A Fo",   "Kartoredjo", "Pinas",      "Held",    "Soekhoe",  "Autar",
};

static const char *const FIRST_INDONESIAN[] = {
    "Dewi",   "Wim",    "Sari",  "Anton", "Rudy",  "Yvette", "Robby", "Marvin",
    "Tamara", "Johnny", "Intan", "Budi",  "Ricky", "Esmee",  "Ferry", "Mieke",
};

static const char *const SURNAMES_INDONESIAN[] = {
    "Tanihatu", "Latuheru",  "Sahetapy", "Pattinama",     "Wattimena", "Siahaya",
    "Tahitu",   "Hehanussa", "Soeripto", "Hartono",       "Soepardi",  "Pattipeilohy",
    "Lawalata", "Nanlohy",   "Soedarmo", "van der Kroft",
};

/* Shares roughly follow The Hague's population by background. */
const seed_words_name_group seed_words_name_groups[] = {
    {"Dutch", 58, FIRST_DUTCH, COUNT(FIRST_DUTCH), SURNAMES_DUTCH, COUNT(SURNAMES_DUTCH)},
    {"Moroccan-Dutch", 12, FIRST_MOROCCAN, COUNT(FIRST_MOROCCAN), SURNAMES_MOROCCAN,
     COUNT(SURNAMES_MOROCCAN)},
    {"Turkish-Dutch", 11, FIRST_TURKISH, COUNT(FIRST_TURKISH), SURNAMES_TURKISH,
     COUNT(SURNAMES_TURKISH)},
    {"Surinamese-Dutch", 12, FIRST_SURINAMESE, COUNT(FIRST_SURINAMESE), SURNAMES_SURINAMESE,
     COUNT(SURNAMES_SURINAMESE)},
    {"Indonesian-Dutch", 7, FIRST_INDONESIAN, COUNT(FIRST_INDONESIAN), SURNAMES_INDONESIAN,
     COUNT(SURNAMES_INDONESIAN)},
};
const size_t seed_words_name_groups_count = COUNT(seed_words_name_groups);
