/* seed_initiatives.c: forty initiatives of the inventory, with their
 * owners, participants, progress updates and links (seed_initiatives.h). */
#include "seed_initiatives.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "seed_words.h"
#include "text.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_PARTICIPANTS 8
#define MAX_UPDATES 5

typedef struct {
    const char *title, *summary, *department;
    const char *themes[2]; /* complaint theme codes (seed_words); NULL: none */
    const char *status;    /* idea, active, completed, stopped */
    const char *outcome;   /* the last progress update of a completed or stopped one */
} initiative_text;

#define T_14070 "bereikbaarheid-14070"
#define T_WAIT "wachttijd-afspraak-stadsdeelkantoor"
#define T_LETTERS "onbegrijpelijke-brieven"
#define T_DESK "bejegening-balie"
#define T_WMO "trage-afhandeling-wmo"
#define T_PARKING "parkeervergunningen"
#define T_WASTE "afval-en-grofvuil"
#define T_TAX "kwijtschelding-belastingen"
#define T_CALLBACK "terugbelafspraken"
#define T_FORMS "digitale-formulieren"

static const initiative_text INITIATIVES[] = {
    {"Eén formulier voor parkeervergunning en bezoekersregeling",
     "Bewoners vragen nu met twee formulieren bijna dezelfde gegevens aan. We voegen ze samen en vullen "
     "kenteken "
     "en adres vooraf in uit de basisregistraties.",
     "DPZ",
     {T_PARKING, T_FORMS},
     "active",
     NULL},
    {"Terugbelgarantie 14070",
     "Wie 14070 belt en niet direct geholpen kan worden, krijgt een terugbelafspraak en wordt binnen één "
     "werkdag "
     "teruggebeld door iemand die de vraag kan beantwoorden.",
     "DPZ",
     {T_14070, T_CALLBACK},
     "completed",
     "Afgerond: de terugbelgarantie is staand beleid; 94% van de terugbelafspraken wordt binnen één werkdag "
     "nagekomen."},
    {"Brieven op B1-niveau: de tien meest verstuurde brieven herschreven",
     "Samen met een taalcoach en Hagenaars die moeite hebben met lezen herschrijven we de tien brieven die "
     "we het "
     "vaakst versturen.",
     "SZW",
     {T_LETTERS, NULL},
     "completed",
     "Afgerond: alle tien brieven zijn vervangen; het aantal vragen over deze brieven bij 14070 daalde met "
     "een "
     "derde."},
    {"Afspraak in het stadsdeelkantoor binnen vijf werkdagen",
     "We voegen spreekuren samen en openen extra tijdsloten op drukke momenten, zodat niemand langer dan "
     "vijf "
     "werkdagen wacht op een afspraak voor een paspoort of rijbewijs.",
     "DPZ",
     {T_WAIT, NULL},
     "active",
     NULL},
    {"Gastvrij aan de balie: training voor alle baliemedewerkers",
     "Een training met acteurs en ervaringsdeskundigen over lastige gesprekken, de-escalatie en uitleggen "
     "waarom "
     "iets niet kan.",
     "DPZ",
     {T_DESK, NULL},
     "completed",
     "Afgerond: 180 baliemedewerkers getraind; de training is opgenomen in het inwerkprogramma."},
    {"Wmo-aanvraag in één keukentafelgesprek",
     "Eén consulent voert het gesprek, legt de afspraken direct vast en laat de inwoner de samenvatting "
     "meteen "
     "lezen, zodat er geen tweede gesprek nodig is.",
     "SZW",
     {T_WMO, NULL},
     "active",
     NULL},
    {"Grofvuil ophalen op afspraak via de app",
     "Bewoners plannen het ophalen van grofvuil zelf in de app en krijgen een dag vooraf een herinnering met "
     "de "
     "regels.",
     "DSB",
     {T_WASTE, T_FORMS},
     "completed",
     "Afgerond: 60% van de afspraken wordt nu via de app gemaakt en er staat minder grofvuil te vroeg "
     "buiten."},
    {"Kwijtschelding automatisch voor wie al bijstand krijgt",
     "Inwoners met een bijstandsuitkering hoeven geen kwijtschelding meer aan te vragen: we toetsen "
     "automatisch "
     "met de gegevens die we al hebben.",
     "FIN",
     {T_TAX, NULL},
     "active",
     NULL},
    {"Eén overzicht van terugbelverzoeken voor het klantcontactcentrum",
     "Terugbelverzoeken staan nu verspreid over drie systemen. Eén overzicht per team moet voorkomen dat een "
     "inwoner vergeefs wacht.",
     "ICT",
     {T_CALLBACK, T_14070},
     "stopped",
     "Gestopt: het nieuwe klantcontactsysteem heeft dit overzicht standaard; een eigen oplossing is dan "
     "overbodig."},
    {"Formulieren die onthouden wat je al invulde",
     "Een webformulier dat halverwege wordt afgebroken, kan later verder worden ingevuld; gegevens uit "
     "eerdere "
     "stappen worden hergebruikt.",
     "ICT",
     {T_FORMS, NULL},
     "active",
     NULL},
    {"Bezwaar? Eerst bellen",
     "Bij een bezwaar belt een jurist de inwoner eerst op. Vaak is een uitleg of een aangepast besluit "
     "sneller dan "
     "de hele bezwaarprocedure.",
     "JUR",
     {T_LETTERS, NULL},
     "completed",
     "Afgerond: een op de drie bezwaren wordt na een telefoongesprek ingetrokken of snel opgelost; de "
     "werkwijze "
     "is structureel."},
    {"Parkeervergunning voor mantelzorgers zonder papieren verklaring",
     "Mantelzorgers hoeven geen verklaring van de huisarts meer op te sturen; een verklaring van de "
     "Wmo-consulent volstaat.",
     "DPZ",
     {T_PARKING, T_WMO},
     "idea",
     NULL},
    {"Bericht op je telefoon als je bijna aan de beurt bent",
     "Bezoekers van het stadsdeelkantoor krijgen een sms als ze bijna aan de beurt zijn en hoeven niet in de "
     "wachtruimte te blijven.",
     "DPZ",
     {T_WAIT, NULL},
     "stopped",
     "Gestopt: na het nieuwe afsprakensysteem zijn de wachttijden ter plekke zo kort dat de sms-dienst de "
     "kosten "
     "niet waard is."},
    {"Vaste contactpersoon bij een Wmo-aanvraag",
     "Elke aanvrager krijgt één contactpersoon met een direct telefoonnummer, van aanvraag tot levering van "
     "de "
     "voorziening.",
     "SZW",
     {T_WMO, T_CALLBACK},
     "active",
     NULL},
    {"Afvalkalender per adres",
     "Geen algemene kalender meer, maar per adres de ophaaldagen en wat er mag worden aangeboden, in gewone "
     "taal.",
     "DSB",
     {T_WASTE, T_LETTERS},
     "completed",
     "Afgerond: de kalender per adres staat online en in de app; de brief met de jaarkalender is geschrapt."},
    {"Betalingsregeling voor gemeentelijke belastingen zelf regelen",
     "Inwoners spreken online zelf een betalingsregeling af tot twaalf termijnen, zonder formulier of "
     "telefoontje.",
     "FIN",
     {T_TAX, T_FORMS},
     "active",
     NULL},
    {"Klachten over bejegening samen bespreken in het team",
     "Elke maand bespreekt een baliefteam twee klachten over bejegening: wat ging er mis, en wat doen we "
     "voortaan "
     "anders?",
     "DPZ",
     {T_DESK, NULL},
     "active",
     NULL},
    {"Drukte bij 14070 op de website",
     "Op denhaag.nl tonen we hoe druk het is bij 14070, zodat inwoners een rustiger moment kunnen kiezen.",
     "ICT",
     {T_14070, NULL},
     "idea",
     NULL},
    {"De aanslagbrief gemeentelijke belastingen herschreven",
     "De aanslagbrief krijgt een duidelijke opbouw: wat moet je betalen, wanneer, en wat kun je doen als je "
     "het "
     "niet eens bent of niet kunt betalen.",
     "FIN",
     {T_LETTERS, T_TAX},
     "completed",
     "Afgerond: de nieuwe aanslagbrief gaat sinds dit jaar mee; minder telefoontjes in de weken na "
     "verzending."},
    {"Grofvuil bij ouderen in huis ophalen",
     "Inwoners boven de 75 of met een beperking hoeven grofvuil niet zelf buiten te zetten; de ophaaldienst "
     "haalt "
     "het in huis op.",
     "DSB",
     {T_WASTE, NULL},
     "idea",
     NULL},
    {"Eén loket voor vergunningen voor evenementen",
     "Organisatoren van buurtfeesten en evenementen vragen alles aan bij één loket, met één aanspreekpunt.",
     "DSO",
     {T_FORMS, NULL},
     "active",
     NULL},
    {"Geen kopie van het identiteitsbewijs meer bij aanvragen",
     "We schrappen de eis om een kopie van het identiteitsbewijs mee te sturen waar we de identiteit al via "
     "DigiD "
     "kennen.",
     "JUR",
     {T_FORMS, NULL},
     "completed",
     "Afgerond: de eis is uit veertien formulieren geschrapt en in het regelregister als afgeschaft "
     "vastgelegd."},
    {"Huisbezoek voor de Wmo binnen twee weken",
     "Door de huisbezoeken per wijk te plannen, halen we de wettelijke termijn van zes weken ruim.",
     "SZW",
     {T_WMO, NULL},
     "stopped",
     "Gestopt: de planning per wijk botste met de inzet van specialistische consulenten; we gaan verder in "
     "het "
     "initiatief voor een vaste contactpersoon."},
    {"Bewonersbrieven over werkzaamheden in de straat",
     "Brieven over werk aan de weg vertellen voortaan eerst wat de bewoner merkt en hoe lang het duurt, en "
     "pas "
     "daarna de technische details.",
     "DSO",
     {T_LETTERS, NULL},
     "active",
     NULL},
    {"Terugbellen na een melding over de openbare ruimte",
     "Wie een melding doet over de openbare ruimte en om contact vraagt, wordt binnen drie werkdagen gebeld "
     "door "
     "de behandelaar.",
     "DSB",
     {T_CALLBACK, T_WASTE},
     "active",
     NULL},
    {"Parkeervergunning direct geldig na betaling",
     "De parkeervergunning is geldig zodra de betaling binnen is, zonder handmatige controle, behalve bij "
     "twijfel "
     "over het adres.",
     "DPZ",
     {T_PARKING, NULL},
     "completed",
     "Afgerond: 85% van de vergunningen is nu binnen een uur geldig."},
    {"Balie zonder glas: een proef in stadsdeelkantoor Centrum",
     "We halen het glas weg bij drie balies en kijken of het gesprek daardoor beter gaat, met aandacht voor "
     "de "
     "veiligheid van medewerkers.",
     "DPZ",
     {T_DESK, NULL},
     "stopped",
     "Gestopt: medewerkers voelden zich bij de avondopenstelling onveilig; we kiezen voor een open "
     "gesprekstafel "
     "in een aparte ruimte."},
    {"Afspraak online verzetten of annuleren",
     "Een afspraak in het stadsdeelkantoor kan met één klik worden verzet; vrijgekomen tijden komen direct "
     "terug "
     "in de agenda.",
     "ICT",
     {T_WAIT, T_FORMS},
     "completed",
     "Afgerond: een kwart van de afspraken wordt nu verzet in plaats van gemist; de wachttijd daalde met "
     "twee "
     "dagen."},
    {"Kwijtschelding: één aanvraag voor meerdere jaren",
     "Wie in een vaste situatie zit, bijvoorbeeld met AOW en zonder vermogen, hoeft niet ieder jaar opnieuw "
     "kwijtschelding aan te vragen.",
     "FIN",
     {T_TAX, NULL},
     "idea",
     NULL},
    {"Medewerkers van 14070 herstellen zelf kleine fouten",
     "Klantcontactmedewerkers mogen een verkeerd adres of een dubbele aanslag direct corrigeren, zonder "
     "doorverwijzing.",
     "DPZ",
     {T_14070, T_TAX},
     "active",
     NULL},
    {"Taalhulp bij de balie",
     "Vrijwilligers van de bibliotheek helpen inwoners die de taal niet goed spreken bij hun bezoek aan het "
     "stadsdeelkantoor.",
     "OCW",
     {T_DESK, T_LETTERS},
     "idea",
     NULL},
    {"Wmo-voorziening verlengen zonder nieuwe aanvraag",
     "Bij een blijvende beperking verlengen we een voorziening automatisch, in plaats van de inwoner opnieuw "
     "te "
     "laten aanvragen.",
     "SZW",
     {T_WMO, NULL},
     "active",
     NULL},
    {"Herinnering een dag voor je afspraak",
     "Een dag voor een afspraak in het stadsdeelkantoor krijgt de inwoner een herinnering met wat hij moet "
     "meenemen.",
     "DPZ",
     {T_WAIT, T_CALLBACK},
     "completed",
     "Afgerond: het aantal gemiste afspraken halveerde; de herinnering gaat nu standaard mee."},
    {"Inzamelpunt voor klein chemisch afval in de wijk",
     "Een vast inzamelpunt per wijk, zodat bewoners voor batterijen en verfresten niet naar het "
     "afvalbrengstation hoeven.",
     "DSB",
     {T_WASTE, NULL},
     "stopped",
     "Gestopt: een vergunning voor opslag in woonwijken bleek niet haalbaar; de chemokar rijdt voortaan "
     "vaker."},
    {"Eén klantbeeld voor consulenten werk en inkomen",
     "Consulenten zien in één scherm welke contacten en regelingen een inwoner al heeft, zodat die zijn "
     "verhaal "
     "niet opnieuw hoeft te doen.",
     "SZW",
     {NULL, NULL},
     "idea",
     NULL},
    {"Ontheffingen voor de openbare ruimte doorgelicht",
     "Samen met het ont-regelteam lopen we alle ontheffingen voor de openbare ruimte na: welke kunnen weg, "
     "en "
     "welke kunnen een melding worden?",
     "DSO",
     {T_FORMS, NULL},
     "active",
     NULL},
    {"Inwonerspanel test nieuwe formulieren",
     "Elk nieuw formulier wordt eerst door vijf inwoners uit het panel getest, voordat het online gaat.",
     "BSD",
     {T_FORMS, T_LETTERS},
     "active",
     NULL},
    {"Persoonlijke reactie op een klacht binnen vijf werkdagen",
     "Elke klacht krijgt binnen vijf werkdagen een persoonlijke reactie met een naam en een telefoonnummer, "
     "ook "
     "als de afhandeling langer duurt.",
     "BSD",
     {T_DESK, T_CALLBACK},
     "idea",
     NULL},
    {"Eén parkeerregeling voor zorgverleners",
     "Wijkverpleging en thuiszorg krijgen één zorgparkeervergunning in plaats van aparte ontheffingen per "
     "stadsdeel.",
     "DPZ",
     {T_PARKING, NULL},
     "active",
     NULL},
    {"Eén brief na een verhuizing in plaats van vijf",
     "Na een verhuizing krijgt een inwoner brieven van vijf afdelingen. We bundelen ze tot één overzicht van "
     "wat "
     "er verandert.",
     "DPZ",
     {T_LETTERS, T_FORMS},
     "idea",
     NULL},
};

/* Progress updates, by the stage an initiative is in. */
static const char *const IDEA_UPDATES[] = {
    "Idee toegelicht in de inspiratiesessie; meerdere collega's willen meedenken.",
    "Eerste verkenning: we zoeken nog collega's die de huidige werkwijze goed kennen.",
    "Besproken met de teamleider; we mogen een voorstel uitwerken.",
};
static const char *const START_UPDATES[] = {
    "Kick-off gehouden met de deelnemers; we werken in sprints van twee weken.",
    "Klantreis in kaart gebracht met drie Hagenaars die de procedure onlangs doorliepen.",
    "De huidige werkwijze vastgelegd: wie doet wat, en waar wacht de inwoner op ons?",
};
static const char *const PROGRESS_UPDATES[] = {
    "Eerste versie getest aan de balie; de feedback verwerken we in de volgende ronde.",
    "Tussenstand gedeeld in het ont-regelteam; meldingen via de rode knop bevestigen het probleem.",
    "Afgestemd met Juridische Zaken: de aanpassing past binnen de huidige regels.",
    "Medewerkers van 14070 denken mee: zij horen de vragen van inwoners als eerste.",
    "Resultaten van de eerste maanden gepresenteerd op de inspiratiesessie.",
};

/* An initiative's life: local days before the reference day, and moments. */
typedef struct {
    long created_day, started_day, end_day; /* end: closed, or the day before the reference day */
    int64_t created, started, closed;       /* 0: not (yet) */
} timeline;

static long draw(seed_rng *r, long n)
{
    return n > 0 ? (long)seed_rng_below(r, (uint64_t)n) : 0;
}

/* A moment during office hours (8:30-17:00) on `day`. */
static int64_t office_time(seed_rng *r, long day)
{
    return seed_local_time(day, 8 * HOUR_SECONDS + 1800 + (int)draw(r, 8 * HOUR_SECONDS + 1800));
}

/* Ideas are recent; what closed began long ago. Everything lies before the
 * reference day, and a closed initiative ran for at least 45 days. */
static void draw_timeline(seed_rng *r, const char *status, long ref_day, timeline *t)
{
    int idea = strcmp(status, "idea") == 0, active = strcmp(status, "active") == 0;
    long age = idea ? 5 + draw(r, 150) : active ? 60 + draw(r, 420) : 240 + draw(r, 440);
    memset(t, 0, sizeof *t);
    t->created_day = ref_day - age;
    t->created = office_time(r, t->created_day);
    t->end_day = ref_day - 1;
    if (idea)
        return;
    t->started_day = t->created_day + 7 + draw(r, 40);
    t->started = office_time(r, t->started_day);
    if (active)
        return;
    long left = ref_day - 2 - t->started_day;
    t->end_day = t->started_day + 45 + draw(r, left - 45);
    t->closed = office_time(r, t->end_day);
}

/* --- writing ---------------------------------------------------------------------- */

typedef struct {
    PGconn *conn;
    seed_rng *rng;
    long ref_day;
    seed_people active;
    seed_initiatives_counts *counts;
} plan;

/* An active member of the department who had joined by `day`, else any. */
static int pick_owner(plan *p, const initiative_text *it, long day, long long *owner)
{
    char date[11];
    seed_civil_date(day, date);
    const char *params[2] = {it->department, date};
    PGresult *res =
        seed_exec(p->conn, "reading owners",
                  "SELECT m.id FROM members m JOIN departments d ON d.id = m.department_id"
                  " WHERE d.code = $1 AND m.active AND m.erased_at IS NULL AND m.joined_at <= $2::date"
                  " ORDER BY m.id",
                  2, params);
    if (res == NULL)
        return -1;
    int n = PQntuples(res);
    int rc = n > 0 ? seed_parse_ll(PQgetvalue(res, (int)draw(p->rng, n), 0), owner) : 0;
    PQclear(res);
    if (n == 0)
        *owner = p->active.id[draw(p->rng, (long)seed_joined_by(&p->active, day))];
    return rc;
}

/* Runs an INSERT ... RETURNING id. */
static int insert_initiative(plan *p, const initiative_text *it, const timeline *t, long long owner,
                             long long *id)
{
    char owner_s[24], created[23], started[23], closed[23];
    snprintf(owner_s, sizeof owner_s, "%lld", owner);
    seed_timestamp(t->created, created);
    seed_timestamp(t->started, started);
    seed_timestamp(t->closed, closed);
    const char *params[8] = {it->title,
                             it->summary,
                             owner_s,
                             it->department,
                             it->status,
                             t->started ? started : NULL,
                             t->closed ? closed : NULL,
                             created};
    PGresult *res =
        seed_exec(p->conn, "inserting initiatives",
                  "INSERT INTO initiatives (title, summary, owner_id, department_id, status, started_at,"
                  " closed_at, created_at, updated_at)"
                  " VALUES ($1, $2, $3::bigint, (SELECT id FROM departments WHERE code = $4), $5,"
                  " $6::timestamptz, $7::timestamptz, $8::timestamptz, $8::timestamptz) RETURNING id",
                  8, params);
    if (res == NULL)
        return -1;
    int rc = seed_parse_ll(PQgetvalue(res, 0, 0), id);
    PQclear(res);
    return rc;
}

/* Rows of one initiative as PostgreSQL arrays, inserted with unnest. */
typedef struct {
    const char *items[3][MAX_PARTICIPANTS + MAX_UPDATES];
    char text[3][MAX_PARTICIPANTS + MAX_UPDATES][24];
    size_t n;
} rows;

static int insert_rows(plan *p, const char *what, const char *sql, long long id, rows *r, int columns)
{
    if (r->n == 0)
        return 0;
    char id_s[24], arrays[3][4096];
    snprintf(id_s, sizeof id_s, "%lld", id);
    const char *params[4] = {id_s, arrays[0], arrays[1], arrays[2]};
    for (int c = 0; c < columns; c++)
        if (seed_pg_array(r->items[c], r->n, arrays[c], sizeof arrays[c]) < 0) {
            fprintf(stderr, "seed: %s: too long\n", what);
            return -1;
        }
    return seed_exec_ok(p->conn, what, sql, columns + 1, params);
}

/* Adds a row: an id, a moment, and (for updates) a text. */
static void add_row(rows *r, long long member, int64_t at, const char *text)
{
    snprintf(r->text[0][r->n], sizeof r->text[0][r->n], "%lld", member);
    seed_timestamp(at, r->text[1][r->n]);
    r->items[0][r->n] = r->text[0][r->n];
    r->items[1][r->n] = r->text[1][r->n];
    r->items[2][r->n] = text;
    r->n++;
}

/* 2..8 members (1..4 for an idea) who had joined by its creation, never
 * the owner, each joining between its creation and its start (a month for
 * an idea). Their ids go into `who` (the owner first) for the updates. */
static size_t draw_participants(plan *p, const char *status, const timeline *t, long long owner, rows *r,
                                long long who[MAX_PARTICIPANTS + 1])
{
    int idea = strcmp(status, "idea") == 0;
    size_t want = idea ? 1 + (size_t)draw(p->rng, 4) : 2 + (size_t)draw(p->rng, 7);
    size_t pool = seed_joined_by(&p->active, t->created_day), n = 1;
    long last = idea ? t->created_day + 30 : t->started_day;
    if (last > t->end_day)
        last = t->end_day;
    who[0] = owner;
    for (int attempt = 0; attempt < 40 && n <= want; attempt++) {
        long long m = p->active.id[draw(p->rng, (long)pool)];
        int taken = 0;
        for (size_t i = 0; i < n; i++)
            taken |= who[i] == m;
        if (taken)
            continue;
        who[n++] = m;
        add_row(r, m, office_time(p->rng, t->created_day + draw(p->rng, last - t->created_day + 1)), NULL);
    }
    return n;
}

/* Progress updates in time order, by the owner and participants: for an idea
 * 0-2 first thoughts; else a start and 1-3 steps after it, and for a closed
 * one its outcome on the day it closed. */
static void draw_updates(plan *p, const initiative_text *it, const timeline *t, const long long *who,
                         size_t nwho, rows *r)
{
    int idea = strcmp(it->status, "idea") == 0;
    const char *const *pool = idea ? IDEA_UPDATES : PROGRESS_UPDATES;
    size_t pool_n = idea ? COUNT(IDEA_UPDATES) : COUNT(PROGRESS_UPDATES);
    size_t steps = idea ? (size_t)draw(p->rng, 3) : 1 + (size_t)draw(p->rng, 3);
    long from = idea ? t->created_day : t->started_day, span = t->end_day - from;
    size_t first = (size_t)draw(p->rng, (long)pool_n);
    if (!idea)
        add_row(r, who[0], t->started + draw(p->rng, 4 * HOUR_SECONDS),
                START_UPDATES[draw(p->rng, COUNT(START_UPDATES))]);
    long day = from;
    for (size_t i = 0; i < steps; i++) {
        day += 1 + draw(p->rng, span / (long)(steps + 1));
        if (day >= t->end_day)
            break;
        add_row(r, who[draw(p->rng, (long)nwho)], office_time(p->rng, day), pool[(first + i) % pool_n]);
    }
    if (it->outcome != NULL)
        add_row(r, who[0], t->closed, it->outcome);
}

static int seed_one(plan *p, const initiative_text *it)
{
    timeline t;
    long long owner = 0, id = 0, who[MAX_PARTICIPANTS + 1];
    draw_timeline(p->rng, it->status, p->ref_day, &t);
    if (pick_owner(p, it, t.created_day, &owner) != 0 || insert_initiative(p, it, &t, owner, &id) != 0)
        return -1;
    rows parts = {.n = 0}, updates = {.n = 0}, themes = {.n = 0};
    size_t nwho = draw_participants(p, it->status, &t, owner, &parts, who);
    draw_updates(p, it, &t, who, nwho, &updates);
    for (size_t i = 0; i < 2 && it->themes[i] != NULL; i++) {
        add_row(&themes, 0, t.created + DAY_SECONDS, NULL);
        themes.items[0][i] = it->themes[i]; /* a theme's row: its code, then when it was linked */
    }
    p->counts->participants += (long long)parts.n;
    p->counts->updates += (long long)updates.n;
    return insert_rows(p, "inserting participants",
                       "INSERT INTO initiative_participants (initiative_id, member_id, joined_at)"
                       " SELECT $1::bigint, m, j FROM unnest($2::bigint[], $3::timestamptz[]) AS x (m, j)",
                       id, &parts, 2) |
           insert_rows(
               p, "inserting progress updates",
               "INSERT INTO initiative_updates (initiative_id, author_id, created_at, updated_at, text)"
               " SELECT $1::bigint, a, c, c, t FROM unnest($2::bigint[], $3::timestamptz[], $4::text[])"
               " AS x (a, c, t)",
               id, &updates, 3) |
           insert_rows(p, "linking themes",
                       "INSERT INTO initiative_themes (initiative_id, theme_code, linked_at)"
                       " SELECT $1::bigint, c, l FROM unnest($2::text[], $3::timestamptz[]) AS x (c, l)",
                       id, &themes, 2);
}

/* Each initiative of a theme takes the next three of its theme's most
 * supported reports filed before it closed (the first initiative the top
 * three, and so on); then every initiative's updated_at is
 * its last event, and its version counts its status moves. */
static const char *const FINISH[] = {
    "WITH k AS (SELECT lt.initiative_id, lt.theme_code, lt.linked_at, COALESCE(i.closed_at, 'infinity') AS "
    "until,"
    "   row_number() OVER (PARTITION BY lt.theme_code ORDER BY lt.initiative_id) - 1 AS rank"
    "   FROM initiative_themes lt JOIN initiatives i ON i.id = lt.initiative_id)"
    " INSERT INTO initiative_reports (initiative_id, report_id, linked_at)"
    " SELECT k.initiative_id, r.id, greatest(k.linked_at, r.created_at + interval '1 day') FROM k"
    " CROSS JOIN LATERAL (SELECT r.id, r.created_at FROM reports r WHERE r.theme_code = k.theme_code"
    "   AND r.created_at < k.until"
    "   ORDER BY r.supporters_count DESC, r.id OFFSET k.rank * 3 LIMIT 3) r ON CONFLICT DO NOTHING",
    "UPDATE initiatives i SET updated_at = greatest(i.created_at, i.started_at, i.closed_at,"
    "   (SELECT max(created_at) FROM initiative_updates u WHERE u.initiative_id = i.id),"
    "   (SELECT max(joined_at) FROM initiative_participants p WHERE p.initiative_id = i.id),"
    "   (SELECT max(linked_at) FROM initiative_reports l WHERE l.initiative_id = i.id),"
    "   (SELECT max(linked_at) FROM initiative_themes l WHERE l.initiative_id = i.id)),"
    " version = 1 + (i.started_at IS NOT NULL)::int + (i.closed_at IS NOT NULL)::int",
};

/* 1 when `code` is one of the seeded complaint themes (seed_words_themes). */
static int is_theme(const char *code)
{
    for (size_t i = 0; i < seed_words_themes_count; i++)
        if (strcmp(seed_words_themes[i].code, code) == 0)
            return 1;
    return 0;
}

int seed_initiatives_step(PGconn *conn, long ref_day, seed_rng *rng, seed_initiatives_counts *counts)
{
    memset(counts, 0, sizeof *counts);
    for (size_t i = 0; i < COUNT(INITIATIVES); i++)
        for (size_t t = 0; t < 2; t++)
            if (INITIATIVES[i].themes[t] && !is_theme(INITIATIVES[i].themes[t])) {
                fprintf(stderr, "seed: initiative theme %s is not in seed_words\n", INITIATIVES[i].themes[t]);
                return -1;
            }
    plan p = {.conn = conn, .rng = rng, .ref_day = ref_day, .counts = counts};
    if (seed_load_people(conn, "reading members",
                         "SELECT id, joined_at - DATE '1970-01-01' FROM members"
                         " WHERE active AND erased_at IS NULL ORDER BY joined_at, id",
                         &p.active) != 0)
        return -1;
    int rc = p.active.n > 0 ? 0 : -1;
    for (size_t i = 0; i < COUNT(INITIATIVES) && rc == 0; i++) {
        rc = seed_one(&p, &INITIATIVES[i]);
        const char *s = INITIATIVES[i].status;
        long long *by = strcmp(s, "idea") == 0        ? &counts->ideas
                        : strcmp(s, "active") == 0    ? &counts->active
                        : strcmp(s, "completed") == 0 ? &counts->completed
                                                      : &counts->stopped;
        (*by)++;
        counts->initiatives++;
    }
    for (size_t i = 0; i < COUNT(FINISH) && rc == 0; i++)
        rc = seed_exec_ok(conn, "linking reports to initiatives", FINISH[i], 0, NULL);
    PGresult *res = rc == 0 ? seed_exec(conn, "counting links",
                                        "SELECT (SELECT count(*) FROM initiative_reports),"
                                        " (SELECT count(*) FROM initiative_themes)",
                                        0, NULL)
                            : NULL;
    if (res != NULL) {
        rc = seed_parse_ll(PQgetvalue(res, 0, 0), &counts->reports) |
             seed_parse_ll(PQgetvalue(res, 0, 1), &counts->themes);
        PQclear(res);
    } else {
        rc = -1;
    }
    if (p.active.n == 0)
        fprintf(stderr, "seed: initiatives need active members\n");
    seed_people_free(&p.active);
    return rc;
}
