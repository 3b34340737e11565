"""Constructions of the article's cast (quotetrack/extract/cast.py): one source named in
several ways, and the quote attached to its canonical name. Sentences written for these
tests; the conventions are those of constructions.py."""

from constructions import Case, Q

CASES = [
    # name_parts: a first name alone stands for the one full name that opens with it
    Case(
        "cast_first_name_alone",
        "Nathalie Verdier, aide-soignante depuis vingt ans, a rejoint le cortège.\n\n"
        "Nathalie dit avoir perdu deux collègues en un an.",
        [Q("avoir perdu deux collègues en un an", "indirect", "Nathalie Verdier")],
    ),
    Case(
        "cast_first_name_alone_reportage",
        "Yannick Le Floch, pêcheur à Douarnenez, a vendu son bateau en mars.\n\n"
        "Yannick assure que la saison ne couvrira pas ses dettes.",
        [Q("la saison ne couvrira pas ses dettes", "indirect", "Yannick Le Floch")],
    ),
    # acronym: the expansion, given once in full, is the canonical name
    Case(
        "cast_acronym_after_expansion",
        "L'Union nationale des apiculteurs indépendants (UNAI) a publié son bilan mardi.\n\n"
        "« La récolte a chuté de moitié », a déploré l'UNAI.",
        [Q("La récolte a chuté de moitié", "direct", "Union nationale des apiculteurs indépendants")],
    ),
    Case(
        "cast_acronym_subject",
        "La Fédération des transporteurs routiers (FTR) réunit ses adhérents jeudi.\n\n"
        "La FTR affirme que le prix du gazole menace trois entreprises sur dix.",
        [Q("le prix du gazole menace trois entreprises sur dix", "indirect", "Fédération des transporteurs routiers")],
    ),
    # renaming description: a body named just before, renamed by its category
    Case(
        "cast_description_renames_body",
        "La société Marvelec a annoncé la fermeture de son site de Vierzon. "
        "L'entreprise assure que les salariés seront reclassés.",
        [Q("les salariés seront reclassés", "indirect", "Marvelec")],
    ),
    Case(
        "cast_description_renames_agency",
        "L'Agence de sûreté fluviale (ASF) a publié son rapport annuel mercredi.\n\n"
        "Les accidents ont reculé de 12 %, précise l'agence.",
        [Q("Les accidents ont reculé de 12 %", "indirect", "Agence de sûreté fluviale")],
    ),
]

# a pronoun's antecedent is a name only where the cast reads one: not a sentence-initial
# participle the tagger took for a name
CASES += [
    Case(
        "cast_pronoun_skips_initial_participle",
        "Assis devant sa grange, Paul Mercadier compte les bêtes qui lui restent.\n\n"
        "« Il m'en reste trente. L'an dernier, j'en avais cent », raconte-t-il.",
        [Q("Il m'en reste trente. L'an dernier, j'en avais cent", "direct", "Paul Mercadier")],
    ),
    Case(
        "cast_pronoun_skips_initial_noun",
        "Penchée sur ses comptes, Hélène Bastide refait les calculs chaque soir.\n\n"
        "« Je ne dors plus », confie-t-elle.",
        [Q("Je ne dors plus", "direct", "Hélène Bastide")],
    ),
]
